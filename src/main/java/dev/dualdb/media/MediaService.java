package dev.dualdb.media;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.dualdb.media.internal.AccessCounts;
import dev.dualdb.media.internal.ExternalUrl;
import dev.dualdb.media.internal.MediaChanges;
import dev.dualdb.media.internal.MediaInput;
import dev.dualdb.media.internal.MediaNotFound;
import dev.dualdb.media.internal.MediaOwnerNotFound;
import dev.dualdb.media.internal.MediaOwners;
import dev.dualdb.media.internal.MediaRows;
import dev.dualdb.media.internal.MediaStorageRepository;
import dev.dualdb.media.internal.MediaTable;
import dev.dualdb.media.internal.MediaUrls;
import dev.dualdb.media.internal.RowIds;
import dev.dualdb.media.internal.UploadRecorder;
import dev.dualdb.media.internal.ViewWindow;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.security.Caller;
import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * The original design's operations on media of any owner ({@code saveMediaStorage},
 * {@code getMediaByReference}), and those that work on every kind of media alike:
 * {@code updateMediaAccessCount}, {@code deleteMedia}, and deleting all the media of an
 * owner that is gone. Every method throws {@link PostgresUnavailable} when PostgreSQL is
 * disabled or unreachable; none swallows an error. Owners are checked through the
 * {@link MediaOwnerDirectory} beans: this module knows nothing of MongoDB.
 */
@Service
public class MediaService {

    private final PostgresDatabase database;

    private final MediaStorageRepository mediaStorage;

    private final MediaOwners owners;

    private final UploadRecorder uploads;

    private final Steps steps;

    private final MediaChanges changes;

    private final AccessCounts accessCounts;

    private final ViewWindow viewWindow;

    MediaService(PostgresDatabase database, MediaStorageRepository mediaStorage, MediaOwners owners,
            UploadRecorder uploads, Steps steps, MediaChanges changes, AccessCounts accessCounts,
            ViewWindow viewWindow) {
        this.database = database;
        this.mediaStorage = mediaStorage;
        this.owners = owners;
        this.uploads = uploads;
        this.steps = steps;
        this.changes = changes;
        this.accessCounts = accessCounts;
        this.viewWindow = viewWindow;
    }

    /**
     * Records media given by URL against any owner; the owner must exist.
     * @param media the media
     * @return the saved row
     */
    public MediaStorage saveMediaStorage(NewMediaStorage media) {
        MediaInput.required("referenceType", media.referenceType());
        MediaInput.required("mediaType", media.mediaType());
        MediaInput.optionalText("fileName", media.fileName(), 255);
        MediaInput.optionalText("mimeType", media.mimeType(), 255);
        MediaInput.size(media.fileSize());
        String url = ExternalUrl.check(media.mediaUrl());
        ObjectId referenceId = this.owners.require(media.referenceType(), media.referenceId());
        MediaStorage row = new MediaStorage(RowIds.next(0), media.referenceType(), referenceId.toHexString(),
                media.mediaType(), url, media.fileName(), media.fileSize(), media.mimeType(), null, null, null, null,
                StorageType.EXTERNAL, 0, null, null, null);
        return this.database.write((jdbc) -> this.mediaStorage.find(jdbc, row.id())
            .orElseGet(() -> this.mediaStorage.insert(jdbc, row, null)));
    }

    /**
     * Records an uploaded file against any owner; the owner must exist.
     * @param referenceType the owner's kind
     * @param referenceId the owner's id
     * @param mediaType what the file is
     * @param file the stored file
     * @return the saved row
     */
    public MediaStorage saveUploadedMedia(OwnerKind referenceType, String referenceId, MediaType mediaType,
            UploadedFile file) {
        MediaInput.required("referenceType", referenceType);
        MediaInput.required("mediaType", mediaType);
        ObjectId reference = this.owners.require(referenceType, referenceId);
        UUID id = RowIds.next(0);
        MediaStorage row = new MediaStorage(id, referenceType, reference.toHexString(), mediaType, MediaUrls.of(id),
                file.displayName(), file.size(), file.contentType(), file.width(), file.height(),
                file.durationSeconds(), file.pageCount(), StorageType.valueOf(file.storageType()), 0, null, null, null);
        return this.uploads.record(List.of(file), (jdbc) -> this.mediaStorage.find(jdbc, id)
            .orElseGet(() -> this.mediaStorage.insert(jdbc, row, file.sha256())));
    }

    /**
     * The media of one owner; the owner must exist (the rows of a deleted owner are never
     * shown).
     * @param type the owner's kind
     * @param referenceId the owner
     * @return its media, oldest first
     */
    public List<MediaStorage> getMediaByReference(OwnerKind type, ObjectId referenceId) {
        this.owners.require(type, referenceId.toHexString());
        return this.database.read((jdbc) -> this.mediaStorage.findByReference(jdbc, type, referenceId.toHexString()));
    }

    /**
     * One media record, if its owner still exists.
     * @param id the media id
     * @return the row
     */
    public MediaStorage getMediaStorage(UUID id) {
        MediaStorage media = this.database.read((jdbc) -> this.mediaStorage.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        if (!this.owners.exists(media.referenceType(), media.referenceId())) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        return media;
    }

    /**
     * Checks that the owner named by a media reference exists, before its bytes are
     * taken.
     * @param type the owner's kind
     * @param id the owner's id as the client sent it
     * @return the id
     * @throws MediaOwnerNotFound if not
     */
    public ObjectId checkOwner(OwnerKind type, String id) {
        return this.owners.require(type, id);
    }

    /**
     * Counts one access to a piece of media by the current caller and records when it
     * happened: in memory, written to PostgreSQL with the other counts of the same flush
     * interval (see {@link AccessCounts}). A user's accesses to one piece of media count
     * once per {@code dualdb.media.view-window}; the others are answered with the count
     * as it is and {@code counted: false}.
     * @param kind the kind of media (product images are not counted)
     * @param ownerId the course the video or resource belongs to; ignored for
     * {@link MediaKind#MEDIA_STORAGE}
     * @param id the media id
     * @return the count written so far plus this instance's counts not yet written
     */
    public AccessCount updateMediaAccessCount(MediaKind kind, ObjectId ownerId, UUID id) {
        if (kind == MediaKind.PRODUCT_IMAGE) {
            throw new InvalidInput("not-access-counted", "Product images are not access-counted");
        }
        MediaTable table = MediaTable.of(kind);
        Caller caller = Caller.current();
        if (caller.isAnonymous() || !this.viewWindow.enabled()) {
            return this.accessCounts.count(table, hex(ownerId), id);
        }
        if (!this.viewWindow.claim(caller.userId(), id)) {
            return this.accessCounts.current(table, hex(ownerId), id);
        }
        try {
            return this.accessCounts.count(table, hex(ownerId), id);
        }
        catch (RuntimeException ex) {
            // Not counted (no such media of that owner, PostgreSQL away): leave no claim.
            try {
                this.viewWindow.release(caller.userId(), id);
            }
            catch (RuntimeException releaseFailed) {
                ex.addSuppressed(releaseFailed);
            }
            throw ex;
        }
    }

    /**
     * Deletes one piece of media: one transaction deletes the row, queues its bytes and
     * announces the deletion to every instance's delivery cache; the collector removes
     * the bytes only if nothing else refers to the same bytes by then.
     * @param kind the kind of media
     * @param ownerId the product or course it must belong to; ignored for
     * {@link MediaKind#MEDIA_STORAGE}
     * @param id the media id
     */
    public void deleteMedia(MediaKind kind, ObjectId ownerId, UUID id) {
        this.database.write((jdbc) -> MediaRows.delete(jdbc, MediaTable.of(kind), hex(ownerId), id).map((row) -> {
            this.changes.mediaDeleted(jdbc, row.id());
            return row;
        })).orElseThrow(() -> new MediaNotFound(kind, id));
        this.accessCounts.forget(MediaTable.of(kind), id);
        this.steps.reached(Step.MEDIA_ROW_DELETED);
    }

    /**
     * Deletes every image and other media of a product (after the product itself is
     * gone).
     * @param productId the product
     * @return how many rows were deleted
     */
    public int deleteProductMedia(ObjectId productId) {
        return this.database.write((jdbc) -> deleteOwnedBy(jdbc, OwnerKind.PRODUCT, List.of(productId)));
    }

    /**
     * Deletes every video, resource and other media of a course and its lessons (after
     * the course itself is gone), in one transaction.
     * @param courseId the course
     * @param lessonIds its lessons
     * @return how many rows were deleted
     */
    public int deleteCourseMedia(ObjectId courseId, Collection<ObjectId> lessonIds) {
        return this.database.write((jdbc) -> deleteOwnedBy(jdbc, OwnerKind.COURSE, List.of(courseId))
                + deleteOwnedBy(jdbc, OwnerKind.LESSON, lessonIds));
    }

    /**
     * Deletes the videos, resources and other media of some lessons (after the lessons
     * are gone from their course).
     * @param lessonIds the lessons
     * @return how many rows were deleted
     */
    public int deleteLessonMedia(Collection<ObjectId> lessonIds) {
        if (lessonIds.isEmpty()) {
            return 0;
        }
        return this.database.write((jdbc) -> deleteOwnedBy(jdbc, OwnerKind.LESSON, lessonIds));
    }

    private int deleteOwnedBy(JdbcClient jdbc, OwnerKind kind, Collection<ObjectId> owners) {
        List<String> ids = owners.stream().map(ObjectId::toHexString).toList();
        // Announced even when no row goes: an owner cached as existing is gone.
        this.changes.ownersDeleted(jdbc, kind, ids);
        return MediaRows.deleteOwnedBy(jdbc, kind, ids, null);
    }

    private static String hex(ObjectId id) {
        return (id != null) ? id.toHexString() : null;
    }

}
