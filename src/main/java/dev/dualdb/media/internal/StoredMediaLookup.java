package dev.dualdb.media.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.security.Caller;

/**
 * Finds the stored bytes behind a media id for delivery, whichever table it is in. A row
 * whose owner is gone (a delete whose second step has not happened yet) is never served.
 * What is found, and which owners exist, is kept in the {@link DeliveryCache}: a warm hit
 * asks neither PostgreSQL nor MongoDB, so it is also served while PostgreSQL is away (for
 * at most the cache's max-staleness). The cached entry also says whether the media is
 * public and who owns it, so that a public or signed-URL hit makes no round trip at all;
 * a private hit with a bearer token asks the owner's module (one or two MongoDB reads).
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
        return locate(id).media();
    }

    /**
     * The stored bytes behind a media id with their owner and visibility, from the cache
     * if they are there.
     * @param id the media id
     * @return the bytes, their owner and whether they are public
     * @throws MediaNotFound if there is no such media, or its owner is gone
     */
    public StoredMediaRepository.Found locate(UUID id) {
        Optional<StoredMediaRepository.Found> cached = this.cache.media(id);
        if (cached.isPresent()) {
            return cached.get();
        }
        return locateFresh(id);
    }

    /**
     * Whether the caller may fetch these bytes without a signed URL: anyone for public
     * media, otherwise an admin or whoever the owner's module lets see the owner's media.
     * @param found the media
     * @param caller the caller
     * @return whether the caller may see it
     */
    public boolean mayRead(StoredMediaRepository.Found found, Caller caller) {
        if (found.isPublic() || caller.isAdmin()) {
            return true;
        }
        return !caller.isAnonymous() && this.owners.mayRead(found.ownerType(), found.ownerId(), caller);
    }

    /**
     * The stored bytes behind a media id, looked up in the stores (for a thumbnail that a
     * cached entry does not list yet); the cache is refreshed with what is found.
     * @param id the media id
     * @return the bytes' facts and thumbnails
     * @throws MediaNotFound if there is no such media, or its owner is gone
     */
    public StoredMedia findFresh(UUID id) {
        return locateFresh(id).media();
    }

    private StoredMediaRepository.Found locateFresh(UUID id) {
        long generation = this.cache.generation();
        StoredMediaRepository.Found found = this.database.read((jdbc) -> this.storedMedia.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        boolean ownerExists = ownerExists(found.ownerType(), found.ownerId())
                && (found.lessonId() == null || ownerExists(OwnerKind.LESSON, found.lessonId()));
        if (!ownerExists) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        this.cache.putMedia(generation, found);
        return found;
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
