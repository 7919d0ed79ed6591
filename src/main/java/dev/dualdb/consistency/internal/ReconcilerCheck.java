package dev.dualdb.consistency.internal;

import java.util.function.Consumer;

/** One kind of drift the reconciler looks for and, unless it is a dry run, repairs. */
interface ReconcilerCheck {

    void run(Tally tally, boolean dryRun, boolean fullAudit, Consumer<String> progress);

}
