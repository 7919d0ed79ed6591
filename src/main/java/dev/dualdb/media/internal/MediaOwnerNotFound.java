package dev.dualdb.media.internal;

import java.util.Locale;

import dev.dualdb.media.OwnerKind;
import dev.dualdb.system.DomainException;

/**
 * The product, course, lesson or user that media should be attached to does not exist.
 */
public class MediaOwnerNotFound extends DomainException {

    public MediaOwnerNotFound(OwnerKind type, String id) {
        super(Kind.NOT_FOUND, type.name().toLowerCase(Locale.ROOT) + "-not-found",
                "No " + type.name().toLowerCase(Locale.ROOT) + " with id " + id);
    }

}
