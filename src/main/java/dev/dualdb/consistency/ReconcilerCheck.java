package dev.dualdb.consistency;

import java.util.function.Consumer;

/**
 * One kind of drift the reconciler looks for and, unless it is a dry run, repairs. The
 * module that owns the data implements it as a bean (media's checks live in media); the
 * reconciler runs every check in {@code @Order}, one instance at a time.
 */
public interface ReconcilerCheck {

    /**
     * Looks for drift, in batches of {@link ReconcilerProperties#batchSize()}.
     * @param findings where to count what was found and repaired
     * @param dryRun find and report, repair nothing
     * @param fullAudit re-hash every blob rather than a sample
     * @param progress receives a line now and then, for the command line
     */
    void run(Findings findings, boolean dryRun, boolean fullAudit, Consumer<String> progress);

}
