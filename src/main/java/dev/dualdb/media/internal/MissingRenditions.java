package dev.dualdb.media.internal;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.RenditionMaker;
import dev.dualdb.blob.StoredRendition;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;

/**
 * Makes the thumbnails an image still lacks and records them, for the worker and for a
 * request that asks for one before the worker got to it. Single-flight: however many
 * callers ask for the same image at once, this instance decodes it once; the others wait
 * for that one and see its result. Each flight first looks at what is recorded, so a
 * caller arriving after a flight finished decodes nothing.
 */
@Component
public class MissingRenditions {

    private static final Logger log = LoggerFactory.getLogger(MissingRenditions.class);

    private final PostgresDatabase database;

    private final RenditionMaker maker;

    private final BlobIndex blobIndex;

    private final RenditionJobs jobs;

    private final ConcurrentMap<String, CompletableFuture<Outcome>> inFlight = new ConcurrentHashMap<>();

    MissingRenditions(PostgresDatabase database, RenditionMaker maker, BlobIndex blobIndex, RenditionJobs jobs) {
        this.jobs = jobs;
        this.database = database;
        this.maker = maker;
        this.blobIndex = blobIndex;
    }

    /**
     * Makes and records the image's missing thumbnails, or waits for the flight of
     * another caller doing so, and removes its job.
     * @param sha256 the image's hash
     * @return what happened
     * @throws RuntimeException when the thumbnails could not be made (the bytes are
     * missing, unreadable, or PostgreSQL is away)
     */
    public Outcome make(String sha256) {
        return make(sha256, false);
    }

    /**
     * Makes a thumbnail that a request asks for and that is not there yet (with every
     * other one the image lacks), if it is one the image gets (a configured width,
     * narrower than the image, of a type this JVM decodes) and the image's job has not
     * failed for good. A failure is noted on the image's job, so that an image that
     * cannot be decoded is not tried on every request.
     * @param image the stored image, as looked up just now
     * @param width the width asked for
     * @return whether thumbnails were made now (or are there already)
     */
    public boolean makeOnRequest(StoredMedia image, int width) {
        if (image.quarantined() || !this.maker.plannedWidths(image.contentType(), image.width()).contains(width)) {
            return false;
        }
        String sha256 = image.sha256();
        if (this.database.read((jdbc) -> RenditionJobs.hasFailed(jdbc, sha256))) {
            return false;
        }
        try {
            return make(sha256, true) != Outcome.SOURCE_GONE;
        }
        catch (PostgresUnavailable ex) {
            throw ex;
        }
        catch (RuntimeException ex) {
            log.warn("Could not make the thumbnails of {} on request: {}", sha256, ex.toString());
            return false;
        }
    }

    private Outcome make(String sha256, boolean onRequest) {
        CompletableFuture<Outcome> mine = new CompletableFuture<>();
        CompletableFuture<Outcome> running = this.inFlight.putIfAbsent(sha256, mine);
        if (running != null) {
            try {
                return running.join();
            }
            catch (CompletionException ex) {
                throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
            }
        }
        try {
            Outcome outcome = makeNow(sha256);
            mine.complete(outcome);
            return outcome;
        }
        catch (RuntimeException | Error ex) {
            mine.completeExceptionally(ex);
            if (onRequest && ex instanceof RuntimeException && !(ex instanceof PostgresUnavailable)) {
                noteFailure(sha256, ex);
            }
            throw ex;
        }
        finally {
            this.inFlight.remove(sha256, mine);
        }
    }

    private void noteFailure(String sha256, Throwable failure) {
        try {
            this.database.write((jdbc) -> {
                this.jobs.failed(jdbc, sha256, failure.toString(), false);
                return null;
            });
        }
        catch (RuntimeException ex) {
            log.warn("Could not note the failure for {}: {}", sha256, ex.getMessage());
        }
    }

    private Outcome makeNow(String sha256) {
        Optional<List<Integer>> existing = this.database.read((jdbc) -> BlobReferences.referencedByMedia(jdbc, sha256)
                ? Optional.of(jdbc.sql("SELECT width FROM renditions WHERE source_sha256 = :h")
                    .param("h", sha256)
                    .query(Integer.class)
                    .list())
                : Optional.empty());
        if (existing.isEmpty()) {
            this.database.write((jdbc) -> {
                RenditionJobs.done(jdbc, sha256);
                return null;
            });
            return Outcome.SOURCE_GONE;
        }
        List<StoredRendition> made = this.maker.make(sha256, existing.get());
        return this.database.write((jdbc) -> {
            boolean recorded = this.blobIndex.indexRenditions(jdbc, sha256, made);
            RenditionJobs.done(jdbc, sha256);
            if (!recorded) {
                return Outcome.SOURCE_GONE;
            }
            return made.isEmpty() ? Outcome.NOTHING_MISSING : Outcome.MADE;
        });
    }

    /** What making the missing thumbnails of an image came to. */
    public enum Outcome {

        /** Thumbnails were made and recorded. */
        MADE,

        /** The image had every thumbnail it gets (or its type gets none). */
        NOTHING_MISSING,

        /** No media row refers to the image any more: nothing was recorded. */
        SOURCE_GONE

    }

}
