package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.dualdb.blob.BlobStore;

/**
 * The one pass over an upload: bytes go from the client's stream through a fixed buffer
 * into a temporary file while the SHA-256 and the size are computed, so memory use does
 * not depend on the size of the upload. The temporary file is deleted on every path that
 * does not hand back a {@link StagedBlob}.
 */
public final class Staging {

    /** Temporary files are named so that a sweep can recognise abandoned ones. */
    static final String PREFIX = "upload-";
    static final String SUFFIX = ".part";

    private static final int BUFFER_SIZE = 64 * 1024;

    private Staging() {
    }

    /**
     * Reads {@code in} to its end into a new temporary file, hashing and counting on the
     * way; see {@link BlobStore#stage}.
     * @param in the bytes to stage
     * @param maxBytes the most bytes accepted
     * @param directory where the temporary file goes
     * @param durable force the bytes to the disk before returning: needed where the file
     * is renamed into place (the rename must not outlive its contents in a crash), not
     * where it is only uploaded elsewhere
     * @return the staged bytes, to commit or to close
     */
    public static StagedBlob stage(InputStream in, long maxBytes, Path directory, boolean durable) {
        Path temp = createTempFile(directory);
        boolean staged = false;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            MessageDigest sha256 = sha256();
            byte[] buffer = new byte[BUFFER_SIZE];
            long size = 0;
            int n;
            while ((n = read(in, buffer)) >= 0) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLarge(maxBytes);
                }
                sha256.update(buffer, 0, n);
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            if (durable) {
                out.force(true);
            }
            staged = true;
            return new StagedBlob(temp, HexFormat.of().formatHex(sha256.digest()), size);
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot write " + directory, ex);
        }
        finally {
            if (!staged) {
                deleteQuietly(temp);
            }
        }
    }

    private static int read(InputStream in, byte[] buffer) {
        try {
            return in.read(buffer);
        }
        catch (IOException ex) {
            throw new UploadInterrupted(ex);
        }
    }

    private static Path createTempFile(Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, PREFIX, SUFFIX);
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot create a temporary file in " + directory, ex);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java runtime has SHA-256", ex);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ignored) {
            // Left for the sweep of abandoned uploads.
        }
    }

    /**
     * Deletes this store's temporary files older than {@code cutoffMillis} (epoch).
     * @param directory the directory of the temporary files
     * @param cutoffMillis the time, in milliseconds since the epoch, before which a file
     * counts as abandoned
     * @return how many files were deleted
     */
    static int purgeOlderThan(Path directory, long cutoffMillis) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (var files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).toMillis() < cutoffMillis && Files.deleteIfExists(file)) {
                    deleted++;
                }
            }
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot list " + directory, ex);
        }
        return deleted;
    }

}
