package dev.dualdb.media;

/**
 * How a course video is delivered: uploaded bytes, or a link to a video platform that is
 * never fetched.
 */
public enum VideoType {

    UPLOAD, YOUTUBE, VIMEO, EXTERNAL

}
