package dev.dualdb.media.internal;

import dev.dualdb.system.DomainException;

/** A multipart upload that carries no file part. */
public class NoFileUploaded extends DomainException {

    public NoFileUploaded(String partName) {
        super(Kind.INVALID, "no-file", "The form has no file; send it in the part '" + partName + "'");
    }

}
