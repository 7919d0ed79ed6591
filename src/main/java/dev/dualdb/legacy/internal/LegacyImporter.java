package dev.dualdb.legacy.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.mongodb.client.MongoCursor;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import dev.dualdb.legacy.LegacyImportProperties;
import dev.dualdb.media.ImportedMedia;
import dev.dualdb.media.MediaImportService;
import dev.dualdb.media.MediaKind;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.media.VideoType;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.system.DomainException;

/**
 * Imports the media of a legacy catalog: reads the documents a batch at a time (never
 * writing to MongoDB), finds their media, skips what {@code legacy_imports} says was
 * imported, copies bytes or records URLs, and writes each batch's media rows and ledger
 * rows in one PostgreSQL transaction. A batch the database refuses is written again one
 * item at a time, so one bad item fails alone. An item that fails is not recorded, so the
 * next run tries it again; one that was imported is never imported twice (its row id and
 * its ledger key are derived from where it was found). One import at a time (a PostgreSQL
 * advisory lock).
 */
@Service
public class LegacyImporter {

    private static final String LOCK = "legacy-import";

    private final MongoTemplate mongo;

    private final PostgresDatabase database;

    private final MediaImportService media;

    private final ImportLedger ledger;

    private final SourceBytes sources;

    private final int batchSize;

    LegacyImporter(MongoTemplate mongo, PostgresDatabase database, MediaImportService media, ImportLedger ledger,
            SourceBytes sources, LegacyImportProperties properties) {
        this.mongo = mongo;
        this.database = database;
        this.media = media;
        this.ledger = ledger;
        this.sources = sources;
        this.batchSize = Math.max(1, properties.batchSize());
    }

    /**
     * The id of the media row made for the media found at {@code key}: the same on every
     * run.
     * @param key where the media was found
     * @return the row's id
     */
    public static UUID rowId(String key) {
        return UUID.nameUUIDFromBytes(("legacy-import:" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs one import.
     * @param options how
     * @return what it did; {@link ImportTally#aborted()} if a store failed midway
     * @throws ImportAlreadyRunning if another import holds the lock
     * @throws PostgresUnavailable if PostgreSQL cannot be reached at the start
     */
    public ImportTally run(ImportOptions options) {
        ImportTally tally = new ImportTally(options.dryRun());
        this.database.withLeaderLock(LOCK, () -> {
            importAll(options, tally);
            return Boolean.TRUE;
        }).orElseThrow(ImportAlreadyRunning::new);
        return tally;
    }

    private void importAll(ImportOptions options, ImportTally tally) {
        LegacyMapping mapping = options.mapping();
        List<Pass> passes = new ArrayList<>();
        if (mapping.products() != null) {
            passes.add(new Pass(mapping.products().collection(),
                    (document) -> MediaFinder.product(document, mapping.products())));
        }
        if (mapping.courses() != null) {
            passes.add(new Pass(mapping.courses().collection(),
                    (document) -> MediaFinder.course(document, mapping.courses())));
        }
        long total = passes.stream()
            .mapToLong((pass) -> this.mongo.getCollection(pass.collection()).estimatedDocumentCount())
            .sum();
        if (options.limit() > 0) {
            total = Math.min(total, options.limit());
        }
        ProgressDisplay progress = new ProgressDisplay(options.progress(), options.progressBar(), total);
        try {
            for (Pass pass : passes) {
                if (!importCollection(pass, options, tally, progress)) {
                    break;
                }
            }
        }
        catch (PostgresUnavailable ex) {
            tally.aborted("PostgreSQL failed (" + ex.getMessage() + "); run the import again to finish");
        }
        catch (RuntimeException ex) {
            tally.aborted("reading " + describe(ex) + "; run the import again to finish");
        }
        progress.finish(tally);
    }

    // Returns whether to go on with the next collection (the limit is not reached).
    private boolean importCollection(Pass pass, ImportOptions options, ImportTally tally, ProgressDisplay progress) {
        List<Document> batch = new ArrayList<>();
        try (MongoCursor<Document> cursor = this.mongo.getCollection(pass.collection())
            .find()
            .batchSize(this.batchSize)
            .iterator()) {
            while (cursor.hasNext()) {
                if (options.limit() > 0 && tally.documentsRead() + batch.size() >= options.limit()) {
                    importBatch(pass, batch, options, tally, progress);
                    return false;
                }
                batch.add(cursor.next());
                if (batch.size() == this.batchSize) {
                    importBatch(pass, batch, options, tally, progress);
                    batch.clear();
                }
            }
        }
        importBatch(pass, batch, options, tally, progress);
        return true;
    }

    private void importBatch(Pass pass, List<Document> documents, ImportOptions options, ImportTally tally,
            ProgressDisplay progress) {
        if (documents.isEmpty()) {
            return;
        }
        List<FoundMedia> found = new ArrayList<>();
        for (Document document : documents) {
            MediaFinder.Found inDocument = pass.finder().apply(document);
            inDocument.failures().forEach(tally::failed);
            found.addAll(inDocument.media());
            tally.documentRead(pass.collection());
            tally.found(inDocument.media().size());
        }
        Set<String> imported = this.database
            .read((jdbc) -> this.ledger.imported(jdbc, found.stream().map(FoundMedia::key).toList()));
        tally.alreadyImported(imported.size());
        List<PlannedMedia> planned = new ArrayList<>();
        for (FoundMedia item : found) {
            if (!imported.contains(item.key())) {
                plan(item, options).ifPresent(planned::add, tally::failed);
            }
        }
        if (options.dryRun()) {
            planned.forEach((item) -> {
                if (options.plan() != null) {
                    options.plan()
                        .printf(Locale.ROOT, "would create %s %s (%s %s)%n", item.media().kind(), item.found().key(),
                                item.how(), item.source());
                }
                tally.created(item.media().kind());
            });
        }
        else {
            write(copy(planned, tally), tally);
        }
        progress.update(tally, false);
    }

    /**
     * Decides how an item is imported, checking what can be checked without reading
     * bytes.
     * @param item the media found
     * @param options how the run goes
     * @return the plan, or the item's failure
     */
    private Outcome<PlannedMedia> plan(FoundMedia item, ImportOptions options) {
        try {
            String base = options.mapping().relativeUrlBase();
            URI source = SourceBytes.resolve(item.url(), base);
            String scheme = source.getScheme().toLowerCase(Locale.ROOT);
            ImportedMedia row = new ImportedMedia(item.kind(), rowId(item.key()), item.ownerId(), item.lessonId(),
                    source.toString(), item.text(), item.position(), item.primaryCandidate(), null, null,
                    item.duration(), item.isPreview(), null);
            if (scheme.equals("file")) {
                if (!options.copyBytes()) {
                    return Outcome.failed(item.key(), "file-needs-copy-bytes",
                            "A file URL cannot be handed to browsers; run with --copy-bytes to copy it: " + source);
                }
                Path file = this.sources.file(source, base);
                this.media.check(row, false);
                return Outcome.of(new PlannedMedia(item, row, source, file, false));
            }
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Outcome.failed(item.key(), "invalid-url",
                        "Only http, https and file URLs are imported: " + SourceBytes.abbreviated(source));
            }
            VideoType platform = this.media.platformOf(source.toString());
            boolean platformLink = item.kind() == MediaKind.COURSE_VIDEO && platform != VideoType.EXTERNAL;
            if (options.copyBytes() && !platformLink) {
                this.sources.checkHost(source);
                this.media.check(row, false);
                return Outcome.of(new PlannedMedia(item, row, source, null, true));
            }
            ImportedMedia link = new ImportedMedia(row.kind(), row.id(), row.ownerId(), row.lessonId(), row.url(),
                    row.text(), row.position(), row.primaryCandidate(),
                    (item.kind() == MediaKind.COURSE_VIDEO) ? platform : null,
                    (item.kind() == MediaKind.COURSE_RESOURCE) ? this.media.resourceTypeOf(row.url()) : null,
                    row.duration(), row.isPreview(), null);
            this.media.check(link, true);
            return Outcome.of(new PlannedMedia(item, link, source, null, false));
        }
        catch (SourceRefused ex) {
            return Outcome.failed(item.key(), ex.code(), ex.getMessage());
        }
        catch (DomainException ex) {
            return Outcome.failed(item.key(), ex.code(), ex.getMessage());
        }
    }

    /**
     * Copies the bytes of the items that need it; an item whose bytes are refused fails
     * alone.
     * @param planned the items to import
     * @param tally where failures are counted
     * @return the items ready to be written, with their bytes stored
     */
    private List<PlannedMedia> copy(List<PlannedMedia> planned, ImportTally tally) {
        List<PlannedMedia> ready = new ArrayList<>();
        for (PlannedMedia item : planned) {
            if (!item.copies()) {
                ready.add(item);
                continue;
            }
            String name = MediaFinder.fileName((item.source().getPath() != null) ? item.source().getPath() : "", null);
            try (InputStream in = item.fetch() ? this.sources.fetch(item.source())
                    : Files.newInputStream(item.file())) {
                UploadedFile stored = this.media.storeBytes(item.media().kind(), in, name);
                ready.add(new PlannedMedia(item.found(), item.media().withFile(stored), item.source(), item.file(),
                        item.fetch()));
            }
            catch (SourceRefused ex) {
                tally.failed(new ItemFailure(item.found().key(), ex.code(), ex.getMessage()));
            }
            catch (PostgresUnavailable ex) {
                discard(ready);
                throw ex;
            }
            catch (DomainException ex) {
                tally.failed(
                        new ItemFailure(item.found().key(), ex.code(), ex.getMessage() + " (" + item.source() + ")"));
            }
            catch (IOException | RuntimeException ex) {
                tally.failed(new ItemFailure(item.found().key(), "read-failed",
                        "Reading " + item.source() + " failed: " + describe(ex)));
            }
        }
        return ready;
    }

    private void write(List<PlannedMedia> items, ImportTally tally) {
        if (items.isEmpty()) {
            return;
        }
        try {
            writeTogether(items);
            items.forEach((item) -> counted(item, tally));
        }
        catch (PostgresUnavailable ex) {
            discard(items);
            throw ex;
        }
        catch (RuntimeException ex) {
            if (items.size() == 1) {
                discard(items);
                tally.failed(new ItemFailure(items.get(0).found().key(), "write-refused", describe(ex)));
                return;
            }
            // One item the database refuses must not cost the others: each alone.
            items.forEach((item) -> write(List.of(item), tally));
        }
    }

    private void writeTogether(List<PlannedMedia> items) {
        this.database.write((jdbc) -> {
            this.media.insert(jdbc, items.stream().map(PlannedMedia::media).toList());
            this.ledger.record(jdbc, items);
            return null;
        });
    }

    private static void counted(PlannedMedia item, ImportTally tally) {
        tally.created(item.media().kind());
        if (item.media().file() != null) {
            tally.copied(item.media().file().size());
        }
    }

    private void discard(List<PlannedMedia> items) {
        List<UploadedFile> files = items.stream()
            .map((item) -> item.media().file())
            .filter((file) -> file != null)
            .toList();
        if (!files.isEmpty()) {
            this.media.discard(files);
        }
    }

    private static String describe(Throwable ex) {
        Throwable cause = ex;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
        return (message.length() > 300) ? message.substring(0, 300) + "…" : message;
    }

    /**
     * One collection and how to find media in its documents.
     *
     * @param collection the collection
     * @param finder finds the media of one document
     */
    private record Pass(String collection, Function<Document, MediaFinder.Found> finder) {
    }

}
