package dev.dualdb.blob.internal;

import dev.dualdb.system.DomainException;

/**
 * Reading the upload failed before its end (the client went away, the connection broke).
 * Kept apart from {@link BlobStoreUnavailable}: the store is fine, the bytes never fully
 * arrived.
 */
public class UploadInterrupted extends DomainException {

    public UploadInterrupted(Throwable cause) {
        super(Kind.INVALID, "upload-interrupted", "The upload ended before all of its bytes arrived", cause);
    }

}
