package dev.dualdb.consistency.internal;

import dev.dualdb.system.DomainException;

/** Another instance (or another request) is running the reconciler right now. */
public class ReconciliationAlreadyRunning extends DomainException {

    public ReconciliationAlreadyRunning() {
        super(Kind.CONFLICT, "reconciliation-running", "The reconciler is already running; try again later");
    }

}
