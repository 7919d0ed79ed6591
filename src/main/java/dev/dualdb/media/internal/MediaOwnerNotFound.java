package dev.dualdb.media.internal;

import dev.dualdb.media.OwnerKind;
import dev.dualdb.system.DomainException;

/**
 * The product, course, lesson or user that media should be attached to does not exist.
 */
public class MediaOwnerNotFound extends DomainException {

    public MediaOwnerNotFound(OwnerKind type, String id) {
        super(Kind.NOT_FOUND, type.name().toLowerCase(java.util.Locale.ROOT) + "-not-found",
                "No " + type.name().toLowerCase(java.util.Locale.ROOT) + " with id " + id);
    }

}
