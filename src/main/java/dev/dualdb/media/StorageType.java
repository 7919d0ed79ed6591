package dev.dualdb.media;

/**
 * Where the bytes of a piece of media are: a local directory, an S3 bucket, or a URL we
 * only record.
 */
public enum StorageType {

    LOCAL, S3, EXTERNAL

}
