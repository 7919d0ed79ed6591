package dev.dualdb.consistency.faults;

import dev.dualdb.system.Step;

/**
 * Deleting an owner of media: its MongoDB step, then its media rows, with
 * {@link #boundary} in between.
 */
enum OwnerDeletion {

    PRODUCT(Step.PRODUCT_DOCUMENT_DELETED), COURSE(Step.COURSE_DOCUMENT_DELETED), LESSON(Step.LESSON_DOCUMENT_UPDATED),
    /** Section S2 with its lesson L3: the same boundary as a lesson. */
    SECTION(Step.LESSON_DOCUMENT_UPDATED);

    final Step boundary;

    OwnerDeletion(Step boundary) {
        this.boundary = boundary;
    }

    /** The route that deletes: the product, the course, lesson L1, or section S2. */
    String path(Place place) {
        return switch (this) {
            case PRODUCT -> "/api/products/" + place.product();
            case COURSE -> "/api/courses/" + place.course();
            case LESSON -> "/api/courses/" + place.course() + "/lessons/" + place.lesson();
            case SECTION -> "/api/courses/" + place.course() + "/sections/" + place.section2();
        };
    }

}
