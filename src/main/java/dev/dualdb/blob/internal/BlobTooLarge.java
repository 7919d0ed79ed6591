package dev.dualdb.blob.internal;

import dev.dualdb.system.DomainException;

/**
 * An upload passed the size limit of its kind; it was cut off there and nothing of it was
 * kept.
 */
public class BlobTooLarge extends DomainException {

    private final long maxBytes;

    public BlobTooLarge(long maxBytes) {
        super(Kind.TOO_LARGE, "upload-too-large", "The upload is larger than the limit of " + maxBytes + " bytes");
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return this.maxBytes;
    }

}
