package dev.dualdb.legacy.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.dualdb.media.MediaKind;

/**
 * What a run of the importer did, counted as it goes, and the final report printed from
 * it.
 */
public final class ImportTally {

    /** How many failures the report lists one by one; the rest are counted by reason. */
    static final int LISTED_FAILURES = 100;

    private final boolean dryRun;

    private final long startedAt = System.nanoTime();

    private final Map<String, Long> documents = new TreeMap<>();

    private final Map<MediaKind, Long> created = new EnumMap<>(MediaKind.class);

    private final Map<String, Long> failuresByCode = new TreeMap<>();

    private final List<ItemFailure> listed = new ArrayList<>();

    private long mediaFound;

    private long alreadyImported;

    private long bytesCopied;

    private long filesCopied;

    private long failures;

    private String abortedBecause;

    ImportTally(boolean dryRun) {
        this.dryRun = dryRun;
    }

    void documentRead(String collection) {
        this.documents.merge(collection, 1L, Long::sum);
    }

    void found(int count) {
        this.mediaFound += count;
    }

    void created(MediaKind kind) {
        this.created.merge(kind, 1L, Long::sum);
    }

    void alreadyImported(int count) {
        this.alreadyImported += count;
    }

    void copied(long bytes) {
        this.bytesCopied += bytes;
        this.filesCopied++;
    }

    void failed(ItemFailure failure) {
        this.failures++;
        this.failuresByCode.merge(failure.code(), 1L, Long::sum);
        if (this.listed.size() < LISTED_FAILURES) {
            this.listed.add(failure);
        }
    }

    void aborted(String reason) {
        this.abortedBecause = reason;
    }

    public long documentsRead() {
        return this.documents.values().stream().mapToLong(Long::longValue).sum();
    }

    public long created() {
        return this.created.values().stream().mapToLong(Long::longValue).sum();
    }

    public long alreadyImported() {
        return this.alreadyImported;
    }

    public long failures() {
        return this.failures;
    }

    public long bytesCopied() {
        return this.bytesCopied;
    }

    public boolean aborted() {
        return this.abortedBecause != null;
    }

    public List<ItemFailure> listedFailures() {
        return List.copyOf(this.listed);
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - this.startedAt);
    }

    /**
     * The final report, for people.
     * @return its lines
     */
    public String report() {
        double seconds = Math.max(elapsed().toNanos() / 1e9, 1e-9);
        String rows = this.dryRun ? "media rows it would create" : "media rows created";
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Import %s%s in %.1f s%n",
                aborted() ? "stopped: " + this.abortedBecause : "finished",
                this.dryRun ? " (dry run, nothing written)" : "", seconds));
        out.append(line("documents read", documentsRead() + (this.documents.isEmpty() ? "" : "  " + this.documents)));
        out.append(line("media found", Long.toString(this.mediaFound)));
        out.append(line(rows, created() + (this.created.isEmpty() ? "" : "  " + kinds())));
        out.append(line("skipped, already imported", Long.toString(this.alreadyImported)));
        out.append(line("bytes copied", String.format(Locale.ROOT, "%d (%s in %d files)", this.bytesCopied,
                human(this.bytesCopied), this.filesCopied)));
        out.append(line("failures", this.failures + (this.failuresByCode.isEmpty() ? "" : "  " + this.failuresByCode)));
        out.append(line("elapsed", String.format(Locale.ROOT, "%.1f s", seconds)));
        out.append(line("rate", String.format(Locale.ROOT, "%.0f documents/s, %.0f media rows/s",
                documentsRead() / seconds, created() / seconds)));
        if (!this.listed.isEmpty()) {
            out.append(String.format(Locale.ROOT, "Failures%s:%n",
                    (this.failures > this.listed.size()) ? " (the first " + this.listed.size() + ")" : ""));
            this.listed.forEach((failure) -> out.append(
                    String.format(Locale.ROOT, "  %s  %s: %s%n", failure.key(), failure.code(), failure.message())));
        }
        return out.toString();
    }

    private Map<String, Long> kinds() {
        Map<String, Long> named = new TreeMap<>();
        this.created.forEach((kind, count) -> named.put(switch (kind) {
            case PRODUCT_IMAGE -> "product images";
            case COURSE_VIDEO -> "course videos";
            case COURSE_RESOURCE -> "course resources";
            case MEDIA_STORAGE -> "other media";
        }, count));
        return named;
    }

    private static String line(String label, String value) {
        return String.format(Locale.ROOT, "  %-27s %s%n", label, value);
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = (int) (Math.log(bytes) / Math.log(1024));
        return String.format(Locale.ROOT, "%.1f %siB", bytes / Math.pow(1024, unit), "KMGTPE".charAt(unit - 1));
    }

}
