package dev.dualdb.media.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * Finds the stored bytes behind a media id for delivery, whichever table it is in. A row
 * whose owner is gone (a delete whose second step has not happened yet) is never served.
 * What is found, and which owners exist, is kept in the {@link DeliveryCache}: a warm hit
 * asks neither PostgreSQL nor MongoDB, so it is also served while PostgreSQL is away (for
 * at most the cache's max-staleness).
 */
@Component
public class StoredMediaLookup {

    private final PostgresDatabase database;

    private final StoredMediaRepository storedMedia;

    private final MediaOwners owners;

    private final DeliveryCache cache;

    StoredMediaLookup(PostgresDatabase database, StoredMediaRepository storedMedia, MediaOwners owners,
            DeliveryCache cache) {
        this.database = database;
        this.storedMedia = storedMedia;
        this.owners = owners;
        this.cache = cache;
    }

    /**
     * The stored bytes behind a media id, from the cache if they are there.
     * @param id the media id
     * @return the bytes' facts and thumbnails
     * @throws MediaNotFound if there is no such media, or its owner is gone
     */
    public StoredMedia find(UUID id) {
        Optional<StoredMediaRepository.Found> cached = this.cache.media(id);
        if (cached.isPresent()) {
            return cached.get().media();
        }
        return findFresh(id);
    }

    /**
     * The stored bytes behind a media id, looked up in the stores (for a thumbnail that a
     * cached entry does not list yet); the cache is refreshed with what is found.
     * @param id the media id
     * @return the bytes' facts and thumbnails
     * @throws MediaNotFound if there is no such media, or its owner is gone
     */
    public StoredMedia findFresh(UUID id) {
        long generation = this.cache.generation();
        StoredMediaRepository.Found found = this.database.read((jdbc) -> this.storedMedia.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        boolean ownerExists = ownerExists(found.ownerType(), found.ownerId())
                && (found.lessonId() == null || ownerExists(OwnerKind.LESSON, found.lessonId()));
        if (!ownerExists) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        this.cache.putMedia(generation, found);
        return found.media();
    }

    private boolean ownerExists(OwnerKind kind, String id) {
        if (this.cache.ownerKnown(kind, id)) {
            return true;
        }
        long generation = this.cache.generation();
        boolean exists = this.owners.exists(kind, id);
        if (exists) {
            this.cache.putOwner(generation, kind, id);
        }
        return exists;
    }

}
