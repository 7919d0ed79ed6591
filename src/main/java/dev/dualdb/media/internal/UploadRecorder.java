package dev.dualdb.media.internal;

import java.util.List;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.dualdb.media.UploadedFile;
import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.system.Step;
import dev.dualdb.system.Steps;

/**
 * The second half of an upload (DESIGN §4, the step order): the bytes are stored; one
 * PostgreSQL transaction indexes them (locked, and checked to be still stored) and writes
 * the metadata rows.
 */
@Component
public class UploadRecorder {

    private final PostgresDatabase database;

    private final BlobIndex blobIndex;

    private final Steps steps;

    UploadRecorder(PostgresDatabase database, BlobIndex blobIndex, Steps steps) {
        this.database = database;
        this.blobIndex = blobIndex;
        this.steps = steps;
    }

    /**
     * Indexes the stored files and writes their rows, in one transaction.
     * @param <T> what the rows are returned as
     * @param files the stored files
     * @param rows writes the metadata rows, in the transaction
     * @return the rows
     */
    public <T> T record(List<UploadedFile> files, Function<JdbcClient, T> rows) {
        this.steps.reached(Step.UPLOAD_BYTES_STORED);
        T saved = this.database.write((jdbc) -> {
            this.blobIndex.index(jdbc, files);
            return rows.apply(jdbc);
        });
        this.steps.reached(Step.UPLOAD_ROWS_WRITTEN);
        return saved;
    }

}
