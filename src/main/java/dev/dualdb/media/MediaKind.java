package dev.dualdb.media;

/** Which of the four metadata tables a media id belongs to. */
public enum MediaKind {

    PRODUCT_IMAGE, COURSE_VIDEO, COURSE_RESOURCE, MEDIA_STORAGE

}
