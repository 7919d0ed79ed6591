package dev.dualdb.consistency.internal;

import dev.dualdb.system.DomainException;

/** No reconciler run has finished yet. */
public class NoReconciliationReport extends DomainException {

    public NoReconciliationReport() {
        super(Kind.NOT_FOUND, "no-reconciliation-report", "The reconciler has not finished a run yet");
    }

}
