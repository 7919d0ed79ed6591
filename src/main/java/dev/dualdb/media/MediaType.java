package dev.dualdb.media;

/** The broad type of a {@link MediaStorage} row. */
public enum MediaType {

    IMAGE, VIDEO, AUDIO, DOCUMENT, OTHER

}
