package dev.dualdb.media;

/** Which of the four metadata tables a media id belongs to. */
public enum MediaKind {

    /** A row of {@code product_images}. */
    PRODUCT_IMAGE,

    /** A row of {@code course_videos}. */
    COURSE_VIDEO,

    /** A row of {@code course_resources}. */
    COURSE_RESOURCE,

    /** A row of {@code media_storage}. */
    MEDIA_STORAGE

}
