package dev.dualdb.postgres.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * Creates the media tables as soon as the service is up, so the first request does not
 * pay for it.
 */
@Component
class SchemaMigrationAtStart {

    private final PostgresDatabase database;

    SchemaMigrationAtStart(PostgresDatabase database) {
        this.database = database;
    }

    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        this.database.migrateAtStart();
    }

}
