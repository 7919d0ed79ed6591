package dev.dualdb.media;

/** The owners media rows point at, as the reconciler checks them. */
public enum OwnerKind {

    /**
     * {@code product_images.mongo_product_id} and {@code media_storage} rows of type
     * PRODUCT.
     */
    PRODUCT,
    /**
     * {@code course_videos.mongo_course_id}, {@code course_resources.mongo_course_id},
     * media of type COURSE.
     */
    COURSE,
    /**
     * {@code course_videos.lesson_id}, {@code course_resources.lesson_id}, media of type
     * LESSON.
     */
    LESSON,
    /** {@code media_storage} rows of type USER. */
    USER

}
