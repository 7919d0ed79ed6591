package dev.dualdb.media;

/**
 * Where the bytes of a piece of media are: a local directory, an S3 bucket, or a URL we
 * only record.
 */
public enum StorageType {

    /** In the local blob-store directory. */
    LOCAL,

    /** In the S3 bucket. */
    S3,

    /** Not stored here: a URL that is recorded, never fetched. */
    EXTERNAL

}
