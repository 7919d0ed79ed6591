package dev.dualdb.media.internal;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaKind;
import dev.dualdb.media.OwnerKind;
import dev.dualdb.postgres.PostgresDatabase;

/**
 * Finds the stored bytes behind a media id for delivery, whichever table it is in. A row
 * whose owner is gone (a delete whose second step has not happened yet) is never served.
 */
@Component
public class StoredMediaLookup {

    private final PostgresDatabase database;

    private final StoredMediaRepository storedMedia;

    private final MediaOwners owners;

    StoredMediaLookup(PostgresDatabase database, StoredMediaRepository storedMedia, MediaOwners owners) {
        this.database = database;
        this.storedMedia = storedMedia;
        this.owners = owners;
    }

    /**
     * The stored bytes behind a media id.
     * @param id the media id
     * @return the bytes' facts and thumbnails
     * @throws MediaNotFound if there is no such media, or its owner is gone
     */
    public StoredMedia find(UUID id) {
        StoredMediaRepository.Found found = this.database.read((jdbc) -> this.storedMedia.find(jdbc, id))
            .orElseThrow(() -> new MediaNotFound(MediaKind.MEDIA_STORAGE, id));
        boolean ownerExists = this.owners.exists(found.ownerType(), found.ownerId())
                && (found.lessonId() == null || this.owners.exists(OwnerKind.LESSON, found.lessonId()));
        if (!ownerExists) {
            throw new MediaNotFound(MediaKind.MEDIA_STORAGE, id);
        }
        return found.media();
    }

}
