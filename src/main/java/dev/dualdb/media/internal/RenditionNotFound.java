package dev.dualdb.media.internal;

import java.util.UUID;

import dev.dualdb.system.DomainException;

/** The image has no thumbnail of that width (or is not an image). */
public class RenditionNotFound extends DomainException {

    public RenditionNotFound(UUID id, int width) {
        super(Kind.NOT_FOUND, "rendition-not-found", "Media " + id + " has no rendition " + width + " pixels wide");
    }

}
