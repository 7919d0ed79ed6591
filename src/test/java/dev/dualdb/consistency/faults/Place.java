package dev.dualdb.consistency.faults;

/**
 * Owners of media made for one test: a product, and a course with sections S1 (lessons L1
 * and L2) and S2 (lesson L3). Course uploads go to {@code lesson}, L1 unless moved with
 * {@link #at}.
 */
record Place(String product, String course, String lesson, String otherLesson, String section2, String section2Lesson) {

    /** The same owners, with course uploads going to {@code lesson}. */
    Place at(String lesson) {
        return new Place(this.product, this.course, lesson, this.otherLesson, this.section2, this.section2Lesson);
    }
}
