package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.dualdb.blob.BlobStore;

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
     * @param file the temporary file
     * @param sha256 the SHA-256 of its bytes, in lower-case hex
     * @param size its size in bytes
     */
    public StagedBlob(Path file, String sha256, long size) {
        this.file = file;
        this.sha256 = sha256;
        this.size = size;
    }

    /**
     * The temporary file, to be read only; it is gone after {@link #close()} or a local
     * commit.
     * @return the temporary file
     */
    public Path file() {
        return this.file;
    }

    public String sha256() {
        return this.sha256;
    }

    public long size() {
        return this.size;
    }

    /**
     * Reads the staged bytes from the start.
     * @return a new stream over the temporary file, for the caller to close
     */
    public InputStream openStream() {
        try {
            return Files.newInputStream(this.file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(this.file);
        }
        catch (IOException ex) {
            // Nothing a caller could do; the store's stale-upload sweep removes it later.
            log.warn("Could not delete temporary file {}", this.file, ex);
        }
    }

    @Override
    public String toString() {
        return "StagedBlob[" + this.sha256 + ", " + this.size + " bytes]";
    }

}
