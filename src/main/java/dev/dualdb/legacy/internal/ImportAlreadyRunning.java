package dev.dualdb.legacy.internal;

/** Another import holds the importer's lock: this run did nothing. */
public class ImportAlreadyRunning extends RuntimeException {

    ImportAlreadyRunning() {
        super("Another import is running against this PostgreSQL database; nothing was done");
    }

}
