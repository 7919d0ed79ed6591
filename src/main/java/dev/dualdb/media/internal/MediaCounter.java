package dev.dualdb.media.internal;

import java.time.Instant;
import java.util.UUID;

import dev.dualdb.media.AccessCount;

/**
 * The counter of one piece of media in this instance's memory: the count last read from
 * or written to PostgreSQL, the accesses not yet written ({@code pending}) and those
 * being written right now ({@code inFlight}). Every change is under the counter's own
 * lock, so that the count a request is answered with is exact within the instance even
 * while a flush runs. A retired counter (idle and dropped from memory, or its row gone)
 * takes no more counts: the caller looks the row up again.
 */
final class MediaCounter {

    private final MediaTable table;

    private final UUID id;

    private final String owner;

    private long persisted;

    private Instant persistedAt;

    private long pending;

    private long inFlight;

    private Instant lastAccessedAt;

    private boolean touched;

    private boolean retired;

    MediaCounter(MediaTable table, UUID id, String owner, long persisted, Instant persistedAt) {
        this.table = table;
        this.id = id;
        this.owner = owner;
        this.persisted = persisted;
        this.persistedAt = persistedAt;
    }

    MediaTable table() {
        return this.table;
    }

    UUID id() {
        return this.id;
    }

    String owner() {
        return this.owner;
    }

    /**
     * Counts one access.
     * @param now when it happened
     * @return the count this instance knows of, {@code null} if the counter is retired
     */
    synchronized AccessCount increment(Instant now) {
        if (this.retired) {
            return null;
        }
        this.pending++;
        this.touched = true;
        this.lastAccessedAt = now;
        return new AccessCount(this.id, this.persisted + this.inFlight + this.pending, now);
    }

    /**
     * The count this instance knows of, without counting.
     * @return the count and the time of the last counted access
     */
    synchronized AccessCount current() {
        return new AccessCount(this.id, this.persisted + this.inFlight + this.pending,
                (this.lastAccessedAt != null) ? this.lastAccessedAt : this.persistedAt);
    }

    /**
     * Moves the pending counts to in flight, for a flush.
     * @return the counts to write, {@code null} if there are none
     */
    synchronized AccessCountRows.Increment take() {
        if (this.pending == 0) {
            return null;
        }
        AccessCountRows.Increment increment = new AccessCountRows.Increment(this.id, this.pending, this.lastAccessedAt);
        this.inFlight += this.pending;
        this.pending = 0;
        return increment;
    }

    /**
     * The counts taken were written; PostgreSQL answered with the row's new counter
     * (which includes what other instances wrote).
     * @param written the counts taken
     * @param row the row after the write
     */
    synchronized void written(long written, AccessCount row) {
        if (this.retired) {
            return;
        }
        this.inFlight -= written;
        this.persisted = row.accessCount();
        this.persistedAt = row.lastAccessedAt();
    }

    /**
     * The write failed: the counts taken are pending again, for the next flush.
     * @param taken the counts taken
     */
    synchronized void failed(long taken) {
        if (this.retired) {
            // Forgotten meanwhile (its row was deleted): nothing to keep.
            return;
        }
        this.inFlight -= taken;
        this.pending += taken;
    }

    /**
     * The row is gone: retires the counter.
     * @return how many counts were dropped with it
     */
    synchronized long drop() {
        this.retired = true;
        long dropped = this.pending + this.inFlight;
        this.pending = 0;
        this.inFlight = 0;
        return dropped;
    }

    /**
     * Retires the counter if nothing was counted since the last call and nothing is left
     * to write; clears the mark otherwise.
     * @return whether it is retired
     */
    synchronized boolean retireIfIdle() {
        if (!this.touched && this.pending == 0 && this.inFlight == 0) {
            this.retired = true;
        }
        this.touched = false;
        return this.retired;
    }

    /**
     * The counts not yet written.
     * @return pending plus in flight
     */
    synchronized long unwritten() {
        return this.pending + this.inFlight;
    }

}
