package dev.dualdb.security.internal;

import dev.dualdb.system.DomainException;

/** An upload would take the instructor's stored media over the storage quota. */
class QuotaExceeded extends DomainException {

    QuotaExceeded(long used, long quota) {
        super(Kind.TOO_LARGE, "quota-exceeded", "This upload would exceed your storage quota (" + used + " of " + quota
                + " bytes used); delete media you no longer need");
    }

}
