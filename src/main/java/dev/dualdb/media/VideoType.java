package dev.dualdb.media;

/**
 * How a course video is delivered: uploaded bytes, or a link to a video platform that is
 * never fetched.
 */
public enum VideoType {

    /** Bytes uploaded to this service and kept in its blob store. */
    UPLOAD,

    /** A YouTube video, given by its link. */
    YOUTUBE,

    /** A Vimeo video, given by its link. */
    VIMEO,

    /** A video at any other https URL. */
    EXTERNAL

}
