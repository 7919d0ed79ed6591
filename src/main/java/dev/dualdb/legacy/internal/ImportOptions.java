package dev.dualdb.legacy.internal;

import java.io.PrintStream;

/**
 * How one run of the importer goes.
 *
 * @param mapping where the media is in the documents
 * @param copyBytes copy the bytes into the blob store instead of recording URLs
 * @param dryRun write nothing; print what would be done
 * @param limit stop after this many documents (0: no limit); a later run finishes
 * @param progress where progress goes (standard error), or {@code null} for none
 * @param progressBar a bar redrawn in place (a terminal) rather than plain lines
 * @param plan where a dry run prints what it would do
 */
public record ImportOptions(LegacyMapping mapping, boolean copyBytes, boolean dryRun, long limit, PrintStream progress,
        boolean progressBar, PrintStream plan) {
}
