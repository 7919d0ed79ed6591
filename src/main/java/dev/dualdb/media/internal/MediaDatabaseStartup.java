package dev.dualdb.media.internal;

import dev.dualdb.media.MediaDatabase;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the media tables as soon as the service is up, so the first request does not
 * pay for it.
 */
@Component
class MediaDatabaseStartup {

    private final MediaDatabase database;

    MediaDatabaseStartup(MediaDatabase database) {
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        database.migrateAtStart();
    }

}
