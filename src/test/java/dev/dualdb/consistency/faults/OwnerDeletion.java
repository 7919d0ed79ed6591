package dev.dualdb.consistency.faults;

/**
 * Deleting an owner of media: its MongoDB step, then its media rows, with
 * {@link #boundary} in between.
 */
enum OwnerDeletion {

    PRODUCT("product.delete.document-deleted"), COURSE("course.delete.document-deleted"),
    LESSON("lesson.delete.document-updated"),
    /** Section S2 with its lesson L3: the same boundary as a lesson. */
    SECTION("lesson.delete.document-updated");

    final String boundary;

    OwnerDeletion(String boundary) {
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
