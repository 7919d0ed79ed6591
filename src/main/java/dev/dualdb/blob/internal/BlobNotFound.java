package dev.dualdb.blob.internal;

import dev.dualdb.system.DomainException;

/** The blob store holds no bytes under this hash (never stored, collected, or lost). */
public class BlobNotFound extends DomainException {

    public BlobNotFound(String sha256) {
        super(Kind.NOT_FOUND, "blob-not-found", "No stored bytes with SHA-256 " + sha256);
    }

}
