package dev.dualdb.legacy.internal;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Progress on standard error: a bar redrawn in place when a person watches (a terminal),
 * plain lines every few seconds otherwise (a log file, CI), nothing when switched off.
 */
final class ProgressDisplay {

    private static final long BAR_EVERY_NANOS = 200_000_000L;

    private static final long LINE_EVERY_NANOS = 5_000_000_000L;

    private final PrintStream out;

    private final boolean bar;

    private final long total;

    private final long startedAt = System.nanoTime();

    private long shownAt;

    ProgressDisplay(PrintStream out, boolean bar, long total) {
        this.out = out;
        this.bar = bar;
        this.total = total;
    }

    static boolean onTerminal() {
        return System.console() != null;
    }

    void update(ImportTally tally, boolean force) {
        if (this.out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - this.shownAt < (this.bar ? BAR_EVERY_NANOS : LINE_EVERY_NANOS)) {
            return;
        }
        this.shownAt = now;
        long done = tally.documentsRead();
        double seconds = Math.max((now - this.startedAt) / 1e9, 1e-9);
        double fraction = (this.total > 0) ? Math.min(1.0, done / (double) this.total) : 0;
        String counts = String.format(Locale.ROOT, "%d/%d documents, %d rows, %d skipped, %d failed, %.0f docs/s", done,
                this.total, tally.created(), tally.alreadyImported(), tally.failures(), done / seconds);
        if (this.bar) {
            int width = 30;
            int filled = (int) Math.round(fraction * width);
            this.out.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %s", "#".repeat(filled), " ".repeat(width - filled),
                    fraction * 100, counts);
            this.out.flush();
        }
        else {
            this.out.printf(Locale.ROOT, "progress: %.0f%% %s%n", fraction * 100, counts);
        }
    }

    void finish(ImportTally tally) {
        update(tally, true);
        if (this.bar && this.out != null) {
            this.out.println();
        }
    }

}
