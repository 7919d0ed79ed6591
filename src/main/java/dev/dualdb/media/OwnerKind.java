package dev.dualdb.media;

/**
 * What a piece of media belongs to: the {@code referenceType} of a {@link MediaStorage}
 * row, and the kinds of owner the reconciler checks for every media table.
 */
public enum OwnerKind {

    /** A product: its images, and media of type PRODUCT. */
    PRODUCT,

    /** A course: its videos and resources, and media of type COURSE. */
    COURSE,

    /**
     * A lesson of a course: the videos and resources attached to it, media of type
     * LESSON.
     */
    LESSON,

    /** A user: media of type USER. */
    USER

}
