package dev.dualdb.consistency;

/**
 * Where a {@link ReconcilerCheck} records what it found and repaired during one run; the
 * kinds are those of {@link ReconciliationReport#KINDS}.
 */
public interface Findings {

    /**
     * One finding of {@code kind}.
     * @param kind one of {@link ReconciliationReport#KINDS}
     * @param example an id or hash to look at, or "" for none
     */
    void found(String kind, String example);

    /**
     * {@code count} findings of one kind, with one example (an id, a hash) for all of
     * them.
     * @param kind one of {@link ReconciliationReport#KINDS}
     * @param count how many were found
     * @param example an id or hash to look at, or "" for none
     */
    void found(String kind, long count, String example);

    /**
     * {@code count} findings of {@code kind} were repaired.
     * @param kind one of {@link ReconciliationReport#KINDS}
     * @param count how many were repaired
     */
    void repaired(String kind, long count);

}
