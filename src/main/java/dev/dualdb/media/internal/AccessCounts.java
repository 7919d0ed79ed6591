package dev.dualdb.media.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dualdb.media.AccessCount;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * Counts views and accesses in memory and writes them to PostgreSQL in batches: every
 * {@code dualdb.media.access-count-flush-interval}, one {@code UPDATE} per table adds the
 * counts of every piece of media counted since the last flush. A count is answered with
 * the count last written plus this instance's counts not yet written: exact within one
 * instance, behind by the other instances' unwritten counts (at most one interval each).
 * <p>
 * The existence and ownership check of a count is a read, made once per piece of media
 * and kept in memory while it is being counted ({@code access-count-max-pending} pieces
 * at most; beyond that a count is written at once). A failed flush keeps its counts for
 * the next one, and until one succeeds new counts are refused as PostgreSQL being
 * unavailable, so a {@code kill -9} loses at most the counts of about one interval; a
 * graceful shutdown writes them all. Counts of a row deleted meanwhile are dropped.
 */
@Component
public class AccessCounts implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AccessCounts.class);

    /** Stopped after the web server, so that the last flush sees every count. */
    private static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final PostgresDatabase database;

    private final AccessCountSettings settings;

    private final Map<Key, MediaCounter> counters = new ConcurrentHashMap<>();

    private final ReentrantLock flushing = new ReentrantLock();

    private volatile boolean failing;

    private volatile ScheduledExecutorService scheduler;

    /**
     * Creates the counters of one instance.
     * @param database the PostgreSQL the counts are written to
     * @param settings the flush interval and the memory bound
     */
    public AccessCounts(PostgresDatabase database, AccessCountSettings settings) {
        this.database = database;
        this.settings = settings;
    }

    /**
     * Counts one access to a row that belongs to {@code ownerId}.
     * @param table the table (one with an access count)
     * @param ownerId the owner it must belong to (ignored for {@code media_storage})
     * @param id the row's id
     * @return the count this instance knows of, this access included
     * @throws MediaNotFound if there is no such row of that owner
     * @throws PostgresUnavailable if PostgreSQL cannot be reached to check the row, or
     * the last flush could not write
     */
    public AccessCount count(MediaTable table, String ownerId, UUID id) {
        if (!this.settings.batched()) {
            return countNow(table, ownerId, id);
        }
        if (this.failing) {
            throw new PostgresUnavailable("View counts cannot be written to PostgreSQL", this.database.retryAfter(),
                    null);
        }
        Key key = new Key(table, id);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        while (true) {
            MediaCounter counter = this.counters.get(key);
            if (counter == null) {
                if (this.counters.size() >= this.settings.accessCountMaxPending()) {
                    return countNow(table, ownerId, id);
                }
                MediaCounter loaded = load(table, id);
                MediaCounter existing = this.counters.putIfAbsent(key, loaded);
                counter = (existing != null) ? existing : loaded;
            }
            if (table != MediaTable.MEDIA_STORAGE && !counter.owner().equals(ownerId)) {
                throw new MediaNotFound(table.kind(), id);
            }
            AccessCount counted = counter.increment(now);
            if (counted != null) {
                return counted;
            }
            // Retired between the look-up and the count (idle, or its row is gone).
            this.counters.remove(key, counter);
        }
    }

    /**
     * The count of a row that belongs to {@code ownerId}, without counting: this
     * instance's counter if it has one, the row otherwise.
     * @param table the table (one with an access count)
     * @param ownerId the owner it must belong to (ignored for {@code media_storage})
     * @param id the row's id
     * @return the count this instance knows of, marked as not counted
     * @throws MediaNotFound if there is no such row of that owner
     */
    public AccessCount current(MediaTable table, String ownerId, UUID id) {
        MediaCounter counter = this.counters.get(new Key(table, id));
        if (counter != null) {
            if (table != MediaTable.MEDIA_STORAGE && !counter.owner().equals(ownerId)) {
                throw new MediaNotFound(table.kind(), id);
            }
            return counter.current().notCounted();
        }
        AccessCountRows.CountedRow row = this.database.read((jdbc) -> AccessCountRows.find(jdbc, table, id))
            .filter((found) -> table == MediaTable.MEDIA_STORAGE || found.owner().equals(ownerId))
            .orElseThrow(() -> new MediaNotFound(table.kind(), id));
        return new AccessCount(id, row.count(), row.lastAccessedAt(), false);
    }

    /**
     * Writes every count kept in memory: one statement per table, all in one transaction.
     * Counts of rows that are gone are dropped; if the write fails, every count is kept
     * for the next flush and the failure is thrown.
     * @return how many counts were written and dropped
     */
    public Flushed flush() {
        this.flushing.lock();
        try {
            List<Taken> taken = new ArrayList<>();
            for (MediaCounter counter : this.counters.values()) {
                AccessCountRows.Increment increment = counter.take();
                if (increment != null) {
                    taken.add(new Taken(counter, increment));
                }
            }
            Flushed flushed = new Flushed(0, 0);
            if (taken.isEmpty()) {
                this.failing = false;
            }
            else {
                flushed = write(taken);
            }
            this.counters.forEach((key, counter) -> {
                if (counter.retireIfIdle()) {
                    this.counters.remove(key, counter);
                }
            });
            return flushed;
        }
        finally {
            this.flushing.unlock();
        }
    }

    /**
     * Forgets a row that was just deleted, with its counts not yet written.
     * @param table the table
     * @param id the row's id
     */
    public void forget(MediaTable table, UUID id) {
        MediaCounter counter = this.counters.remove(new Key(table, id));
        if (counter != null) {
            counter.drop();
        }
    }

    /**
     * The counts of one row this instance has not written yet.
     * @param table the table
     * @param id the row's id
     * @return the number of counts in memory
     */
    public long unwritten(MediaTable table, UUID id) {
        MediaCounter counter = this.counters.get(new Key(table, id));
        return (counter != null) ? counter.unwritten() : 0;
    }

    private Flushed write(List<Taken> taken) {
        Map<MediaTable, List<Taken>> byTable = new EnumMap<>(MediaTable.class);
        taken
            .forEach((each) -> byTable.computeIfAbsent(each.counter().table(), (table) -> new ArrayList<>()).add(each));
        Map<Key, AccessCount> rows;
        try {
            // Tables in declaration order and rows in id order: the same lock order in
            // every instance.
            rows = this.database.write((jdbc) -> {
                Map<Key, AccessCount> written = new HashMap<>();
                byTable.forEach(
                        (table, counts) -> AccessCountRows
                            .add(jdbc, table,
                                    counts.stream()
                                        .map(Taken::increment)
                                        .sorted(Comparator.comparing(AccessCountRows.Increment::id))
                                        .toList())
                            .forEach((row) -> written.put(new Key(table, row.id()), row)));
                return written;
            });
        }
        catch (RuntimeException ex) {
            taken.forEach((each) -> each.counter().failed(each.increment().count()));
            this.failing = (ex instanceof PostgresUnavailable);
            throw ex;
        }
        this.failing = false;
        long written = 0;
        long dropped = 0;
        for (Taken each : taken) {
            MediaCounter counter = each.counter();
            AccessCount row = rows.get(new Key(counter.table(), counter.id()));
            if (row != null) {
                counter.written(each.increment().count(), row);
                written += each.increment().count();
            }
            else {
                dropped += counter.drop();
                this.counters.remove(new Key(counter.table(), counter.id()), counter);
            }
        }
        return new Flushed(written, dropped);
    }

    private MediaCounter load(MediaTable table, UUID id) {
        AccessCountRows.CountedRow row = this.database.read((jdbc) -> AccessCountRows.find(jdbc, table, id))
            .orElseThrow(() -> new MediaNotFound(table.kind(), id));
        return new MediaCounter(table, id, row.owner(), row.count(), row.lastAccessedAt());
    }

    private AccessCount countNow(MediaTable table, String ownerId, UUID id) {
        return this.database.write((jdbc) -> MediaRows.countAccess(jdbc, table, ownerId, id))
            .orElseThrow(() -> new MediaNotFound(table.kind(), id));
    }

    private void scheduledFlush() {
        if (!this.database.enabled()) {
            return;
        }
        try {
            flush();
        }
        catch (PostgresUnavailable ex) {
            log.debug("View counts kept in memory for the next flush: {}", ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.warn("View counts kept in memory for the next flush", ex);
        }
    }

    @Override
    public void start() {
        if (!this.settings.batched() || this.scheduler != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
            Thread thread = new Thread(task, "access-count-flush");
            thread.setDaemon(true);
            return thread;
        });
        long interval = this.settings.accessCountFlushInterval().toMillis();
        executor.scheduleWithFixedDelay(this::scheduledFlush, interval, interval, TimeUnit.MILLISECONDS);
        this.scheduler = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = this.scheduler;
        if (executor == null) {
            return;
        }
        this.scheduler = null;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (!this.database.enabled()) {
            return;
        }
        try {
            Flushed flushed = flush();
            log.info("View counts written at shutdown: {}", flushed.written());
        }
        catch (RuntimeException ex) {
            long lost = this.counters.values().stream().mapToLong(MediaCounter::unwritten).sum();
            log.error("{} view counts could not be written at shutdown and are lost", lost, ex);
        }
    }

    @Override
    public boolean isRunning() {
        return this.scheduler != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * What one flush did.
     *
     * @param written the counts written to PostgreSQL
     * @param dropped the counts of rows that were gone
     */
    public record Flushed(long written, long dropped) {
    }

    private record Key(MediaTable table, UUID id) {
    }

    private record Taken(MediaCounter counter, AccessCountRows.Increment increment) {
    }

}
