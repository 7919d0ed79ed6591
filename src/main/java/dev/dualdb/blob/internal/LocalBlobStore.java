package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.dualdb.blob.BlobContent;
import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.StoredBlob;

/**
 * Blobs as files under one directory: {@code
 *
<dir>
 * /ab/cd/abcd…}. Uploads are staged in {@code
 *
<dir>
 * /tmp}, on the same file system, so that committing is an atomic rename after an fsync:
 * a blob file is either absent or complete.
 */
public final class LocalBlobStore implements BlobStore {

    private final Path root;

    private final Path temp;

    public LocalBlobStore(Path directory) {
        this.root = directory.toAbsolutePath().normalize();
        this.temp = this.root.resolve("tmp");
    }

    @Override
    public String storageType() {
        return "LOCAL";
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) {
        return Staging.stage(in, maxBytes, this.temp, true);
    }

    @Override
    public StoredBlob commit(StagedBlob staged) {
        requireOwn(staged);
        String key = BlobKeys.keyOf(staged.sha256());
        Path target = this.root.resolve(key);
        try {
            // Same hash and same size: the same bytes are there already. A size that
            // differs can only be damage done outside this service; the fresh, verified
            // copy replaces it.
            if (Files.isRegularFile(target) && Files.size(target) == staged.size()) {
                return stored(staged, key, true);
            }
            Files.createDirectories(target.getParent());
            move(staged.file(), target);
            syncDirectory(target.getParent());
            return stored(staged, key, false);
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot store a blob in " + this.root, ex);
        }
        finally {
            // Dropped if it was a duplicate or the move failed; already moved away
            // otherwise.
            staged.close();
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException ex) {
            // Only when tmp/ is a separate mount: still never expose a partial file under
            // the final name.
            throw new IOException("The temporary directory is not on the same file system as " + to.getParent(), ex);
        }
    }

    /**
     * Makes the new directory entry itself durable; without it a crash can lose a
     * completed rename.
     * @param directory the directory that was changed
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException ignored) {
            // Some file systems cannot open a directory; the rename itself is still
            // atomic.
        }
    }

    private StoredBlob stored(StagedBlob staged, String key, boolean alreadyStored) {
        return new StoredBlob(staged.sha256(), staged.size(), storageType(), key, alreadyStored);
    }

    private void requireOwn(StagedBlob staged) {
        if (!this.temp.equals(staged.file().getParent())) {
            throw new IllegalArgumentException("Staged by another store: " + staged);
        }
    }

    private Path pathOf(String sha256) {
        return this.root.resolve(BlobKeys.keyOf(sha256));
    }

    @Override
    public Optional<BlobContent> open(String sha256) {
        Path file = pathOf(sha256);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                return Optional.of(new BlobContent(sha256, channel.size(), Channels.newInputStream(channel)));
            }
            catch (IOException ex) {
                channel.close();
                throw ex;
            }
        }
        catch (NoSuchFileException ex) {
            return Optional.empty();
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot read " + file, ex);
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) {
        Path file = pathOf(sha256);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                checkRange(offset, length, channel.size());
                channel.position(offset);
            }
            catch (RuntimeException ex) {
                channel.close();
                throw ex;
            }
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        catch (NoSuchFileException ex) {
            throw new BlobNotFound(sha256);
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot read " + file, ex);
        }
    }

    static void checkRange(long offset, long length, long size) {
        if (offset < 0 || length < 0 || offset > size || length > size - offset) {
            throw new IllegalArgumentException(
                    "Range of " + length + " bytes from " + offset + " is outside a blob of " + size + " bytes");
        }
    }

    @Override
    public Optional<Path> localPath(String sha256) {
        Path file = pathOf(sha256);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public boolean exists(String sha256) {
        return Files.isRegularFile(pathOf(sha256));
    }

    @Override
    public OptionalLong size(String sha256) {
        try {
            return OptionalLong.of(Files.size(pathOf(sha256)));
        }
        catch (NoSuchFileException ex) {
            return OptionalLong.empty();
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot read " + this.root, ex);
        }
    }

    @Override
    public boolean delete(String sha256) {
        try {
            return Files.deleteIfExists(pathOf(sha256));
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot delete from " + this.root, ex);
        }
    }

    @Override
    public String storageKey(String sha256) {
        return BlobKeys.keyOf(sha256);
    }

    @Override
    public Optional<URI> presignedGetUrl(String sha256, Duration expiry, String contentType,
            String contentDisposition) {
        return Optional.empty();
    }

    @Override
    public void forEachBlob(Consumer<ListedBlob> action) {
        if (!Files.isDirectory(this.root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(this.root, 3)) {
            files.filter((file) -> file.getNameCount() - this.root.getNameCount() == 3)
                .filter((file) -> !file.startsWith(this.temp))
                .filter((file) -> BlobKeys.isHash(file.getFileName().toString()))
                .forEach((file) -> {
                    try {
                        var attributes = Files.readAttributes(file, BasicFileAttributes.class);
                        action.accept(new ListedBlob(file.getFileName().toString(), attributes.size(),
                                attributes.lastModifiedTime().toInstant()));
                    }
                    catch (IOException ex) {
                        // deleted while we walked: not there any more, nothing to list
                    }
                });
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot list " + this.root, ex);
        }
    }

    @Override
    public int purgeAbandonedUploads(Duration olderThan) {
        return Staging.purgeOlderThan(this.temp, System.currentTimeMillis() - olderThan.toMillis());
    }

    @Override
    public Map<String, Object> health() {
        try {
            Files.createDirectories(this.temp);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("type", storageType());
            details.put("directory", this.root.toString());
            details.put("writable", Files.isWritable(this.temp));
            details.put("freeBytes", Files.getFileStore(this.root).getUsableSpace());
            if (!Files.isWritable(this.temp)) {
                throw new IllegalStateException(this.root + " is not writable");
            }
            return details;
        }
        catch (IOException ex) {
            throw new BlobStoreUnavailable("cannot use " + this.root, ex);
        }
    }

    /**
     * The directory the blobs are under.
     * @return the absolute, normalised directory
     */
    public Path root() {
        return this.root;
    }

}
