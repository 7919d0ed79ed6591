package dev.dualdb.media;

/** The broad type of a {@link MediaStorage} row. */
public enum MediaType {

    /** A picture. */
    IMAGE,

    /** A video. */
    VIDEO,

    /** A sound recording. */
    AUDIO,

    /** A document (PDF, office file, text). */
    DOCUMENT,

    /** Anything else. */
    OTHER

}
