package dev.dualdb.blob.internal;

import dev.dualdb.blob.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An upload that has been read completely into a temporary file, hashed and counted, but
 * is not yet in the store: the moment to inspect the bytes ({@link ContentProbe}) before
 * {@link BlobStore#commit committing} them. Closing it deletes the temporary file if it
 * is still there, so {@code try (StagedBlob staged = store.stage(…))} leaves nothing
 * behind whether the upload is committed, rejected or fails.
 */
public final class StagedBlob implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StagedBlob.class);

    private final Path file;

    private final String sha256;

    private final long size;

    /**
     * For {@link BlobStore} implementations: {@code file} is their own temporary file.
     */
    public StagedBlob(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * The temporary file, to be read only; it is gone after {@link #close()} or a local
     * commit.
     */
    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    /** Reads the staged bytes from the start. */
    public InputStream openStream() {
        try {
            return Files.newInputStream(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException e) {
            // Nothing a caller could do; the store's stale-upload sweep removes it later.
            log.warn("Could not delete temporary file {}", file, e);
        }
    }

    @Override
    public String toString() {
        return "StagedBlob[" + sha256 + ", " + size + " bytes]";
    }

}
