package dev.dualdb.media.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * Makes the thumbnails of uploaded images ahead of their first request, on every
 * instance: each round claims a batch of due jobs ({@link RenditionJobs#claim}) for the
 * lease and works through them on {@code dualdb.renditions.threads} threads. A failure
 * postpones the job (with a doubling pause) until it has had its attempts, then keeps it
 * as failed; a job whose worker died is claimed again when its lease ends, and one that
 * has used up its attempts that way is kept as failed too.
 */
@Service
public class RenditionWorker {

    private static final Logger log = LoggerFactory.getLogger(RenditionWorker.class);

    private final PostgresDatabase database;

    private final RenditionJobs jobs;

    private final MissingRenditions renditions;

    private final RenditionJobSettings settings;

    private final ExecutorService threads;

    private final ExecutorService rounds;

    private final AtomicBoolean roundRunning = new AtomicBoolean();

    RenditionWorker(PostgresDatabase database, RenditionJobs jobs, MissingRenditions renditions,
            RenditionJobSettings settings) {
        this.database = database;
        this.jobs = jobs;
        this.renditions = renditions;
        this.settings = settings;
        AtomicInteger number = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(settings.threads(), (task) -> {
            Thread thread = new Thread(task, "renditions-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.rounds = Executors.newSingleThreadExecutor((task) -> {
            Thread thread = new Thread(task, "renditions-rounds");
            thread.setDaemon(true);
            return thread;
        });
    }

    // The rounds run on a thread of their own: the scheduler's single thread also flushes
    // the view counts and the audit trail, which must not wait behind a backlog of
    // images.
    @Scheduled(fixedDelayString = "${dualdb.renditions.interval:1s}",
            initialDelayString = "${dualdb.renditions.interval:1s}")
    void scheduled() {
        if (!this.database.enabled() || !this.roundRunning.compareAndSet(false, true)) {
            return;
        }
        this.rounds.execute(() -> {
            try {
                int handled;
                do {
                    handled = runDue();
                }
                while (handled == this.settings.batchSize());
            }
            catch (PostgresUnavailable ex) {
                log.debug("Rendition jobs skipped: {}", ex.getMessage());
            }
            catch (RuntimeException ex) {
                log.warn("A round of rendition jobs failed; the next one takes them again: {}", ex.toString());
            }
            finally {
                this.roundRunning.set(false);
            }
        });
    }

    /**
     * Claims one batch of due jobs and works through it.
     * @return how many jobs were claimed
     */
    public int runDue() {
        List<RenditionJobs.Claimed> claimed = this.database.write(this.jobs::claim);
        List<Future<?>> running = new ArrayList<>();
        for (RenditionJobs.Claimed job : claimed) {
            running.add(this.threads.submit(() -> work(job)));
        }
        for (Future<?> future : running) {
            try {
                future.get();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return claimed.size();
            }
            catch (ExecutionException ex) {
                log.warn("A rendition job broke off: {}", ex.getCause().toString());
            }
        }
        return claimed.size();
    }

    private void work(RenditionJobs.Claimed job) {
        if (job.attempt() > this.settings.maxAttempts()) {
            fail(job, "its worker stopped before finishing (lease expired) on the last attempt");
            return;
        }
        try {
            this.renditions.make(job.sha256());
        }
        catch (PostgresUnavailable ex) {
            // The lease runs out and the job is taken again.
            log.debug("Rendition job {} left for later: {}", job.sha256(), ex.getMessage());
        }
        catch (RuntimeException ex) {
            log.warn("Rendition job {} failed (attempt {} of {}): {}", job.sha256(), job.attempt(),
                    this.settings.maxAttempts(), ex.toString());
            fail(job, ex.toString());
        }
    }

    private void fail(RenditionJobs.Claimed job, String error) {
        this.database.write((jdbc) -> {
            this.jobs.failed(jdbc, job.sha256(), error, true);
            return null;
        });
    }

    @PreDestroy
    void stop() {
        this.rounds.shutdownNow();
        this.threads.shutdownNow();
    }

}
