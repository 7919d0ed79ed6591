package dev.dualdb.media.internal;

import java.util.UUID;

import dev.dualdb.system.DomainException;

/**
 * The bytes behind a media id failed their integrity check (they no longer hash to the
 * SHA-256 they were stored under) and are quarantined: they are not served.
 */
public class MediaQuarantined extends DomainException {

    public MediaQuarantined(UUID id) {
        super(Kind.CONFLICT, "media-quarantined", "The bytes of media " + id
                + " failed their integrity check and are quarantined; they are not served until they are restored");
    }

}
