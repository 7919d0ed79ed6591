package dev.dualdb.blob;

/**
 * What an upload is meant to be: each kind has its own size limit and allow-list of
 * sniffed types.
 */
public enum UploadKind {

    /** A raster image (product images); measured, thumbnailed, never scriptable. */
    IMAGE,
    /** A video (course videos); its duration is recorded when the container states it. */
    VIDEO,
    /** A downloadable file (lesson resources): documents, text, archives. */
    RESOURCE;

    public String description() {
        return switch (this) {
            case IMAGE -> "an image";
            case VIDEO -> "a video";
            case RESOURCE -> "a resource";
        };
    }

}
