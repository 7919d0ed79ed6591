package dev.dualdb.blob;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

import dev.dualdb.blob.internal.BlobNotFound;
import dev.dualdb.blob.internal.BlobStoreUnavailable;
import dev.dualdb.blob.internal.BlobTooLarge;
import dev.dualdb.blob.internal.StagedBlob;
import dev.dualdb.blob.internal.UploadInterrupted;

/**
 * Content-addressed storage of media bytes: a blob is stored under its SHA-256, so
 * identical bytes are stored once, and its key is derived from the hash only (sharded as
 * {@code ab/cd/abcd…}), never from anything a client sent. An upload is streamed in one
 * pass into a temporary file while it is hashed and counted (never held in memory), then
 * committed atomically: a reader never sees half of a blob. Which implementation runs is
 * chosen by {@code dualdb.storage.type} ({@code local} or {@code s3}).
 *
 * <p>
 * Failures of the store itself are {@link BlobStoreUnavailable}; a hash that is not 64
 * lower-case hex characters is rejected as invalid input.
 */
public interface BlobStore {

    /**
     * The kind of store, for the {@code storage_type} columns.
     * @return {@code LOCAL} or {@code S3}
     */
    String storageType();

    /**
     * Reads {@code in} to its end into a temporary file of this store, computing its
     * SHA-256 and size on the way.
     * @param in the bytes to store
     * @param maxBytes the most bytes accepted
     * @return the staged bytes, to commit or to close
     * @throws BlobTooLarge as soon as more than {@code maxBytes} arrive; nothing is left
     * behind
     * @throws UploadInterrupted when reading {@code in} fails; nothing is left behind
     */
    StagedBlob stage(InputStream in, long maxBytes);

    /**
     * Moves staged bytes into the store under their hash. If identical bytes are there
     * already, the staged copy is dropped and the result says
     * {@link StoredBlob#alreadyStored() alreadyStored}. The staged file is gone
     * afterwards.
     * @param staged bytes staged by this store
     * @return the stored blob
     */
    StoredBlob commit(StagedBlob staged);

    /**
     * {@link #stage} then {@link #commit}, for bytes that need no inspection in between
     * (renditions, say).
     * @param in the bytes to store
     * @param maxBytes the most bytes accepted
     * @return the stored blob
     */
    default StoredBlob put(InputStream in, long maxBytes) {
        try (StagedBlob staged = stage(in, maxBytes)) {
            return commit(staged);
        }
    }

    /**
     * Opens the whole blob.
     * @param sha256 the blob's hash
     * @return the blob's content, or empty if there is no such blob
     */
    Optional<BlobContent> open(String sha256);

    /**
     * Opens {@code length} bytes of the blob from {@code offset} (a range request).
     * @param sha256 the blob's hash
     * @param offset the first byte to read
     * @param length how many bytes to read
     * @return a stream of exactly those bytes
     * @throws BlobNotFound if there is no such blob
     * @throws IllegalArgumentException if the range does not lie within the blob
     */
    InputStream open(String sha256, long offset, long length);

    /**
     * The blob's file, for stores that keep files on this machine (so they can be sent
     * zero-copy); else empty.
     * @param sha256 the blob's hash
     * @return the file, or empty for a remote store or a missing blob
     */
    Optional<Path> localPath(String sha256);

    /**
     * Whether the store holds the blob.
     * @param sha256 the blob's hash
     * @return whether there is such a blob
     */
    boolean exists(String sha256);

    /**
     * The blob's size in bytes.
     * @param sha256 the blob's hash
     * @return the size, or empty if there is no such blob
     */
    OptionalLong size(String sha256);

    /**
     * Removes the blob. The caller makes sure nothing refers to it any more: the store
     * does not count references.
     * @param sha256 the blob's hash
     * @return whether there was such a blob
     */
    boolean delete(String sha256);

    /**
     * The key the store keeps {@code sha256} under (for the {@code storage_key} column).
     * @param sha256 the blob's hash
     * @return the key, derived from the hash only
     */
    String storageKey(String sha256);

    /**
     * A time-limited URL from which a client can download the blob straight from the
     * store, for stores that can sign one and when that is enabled; else empty.
     * {@code contentType} and {@code contentDisposition} (either may be {@code null})
     * become the response headers of that download.
     * @param sha256 the blob's hash
     * @param expiry how long the URL stays valid, or {@code null} for the store's default
     * @param contentType the {@code Content-Type} of the download, or {@code null}
     * @param contentDisposition the {@code Content-Disposition} of the download, or
     * {@code null}
     * @return the URL, or empty if this store does not sign URLs
     */
    Optional<URI> presignedGetUrl(String sha256, Duration expiry, String contentType, String contentDisposition);

    /**
     * Calls {@code action} for every blob in the store (not temporary files), in no
     * particular order, without holding the list in memory: the reconciler uses it to
     * find bytes that no index row knows.
     * @param action what to do with each blob
     */
    void forEachBlob(Consumer<ListedBlob> action);

    /**
     * Deletes temporary files of uploads that were abandoned (a crash between staging and
     * commit) and are older than {@code olderThan}.
     * @param olderThan the age from which a temporary file counts as abandoned
     * @return how many were deleted
     */
    int purgeAbandonedUploads(Duration olderThan);

    /**
     * Checks that the store can be reached, for the health endpoint.
     * @return details to show (type, directory or bucket, …)
     * @throws RuntimeException when it cannot be reached
     */
    Map<String, Object> health();

    /**
     * A blob found by {@link #forEachBlob}.
     *
     * @param sha256 the blob's hash
     * @param size the blob's size in bytes
     * @param lastModified when the blob was written
     */
    record ListedBlob(String sha256, long size, Instant lastModified) {
    }

}
