package dev.dualdb.media;

import java.math.BigDecimal;
import java.util.List;

import dev.dualdb.media.internal.MediaUploads;

/**
 * A file taken from an upload into the blob store and checked: its bytes are stored under
 * their hash, but no metadata row refers to them yet. Hand it to one of the
 * {@code saveUploaded…} operations of {@link MediaService}, or to
 * {@link MediaUploads#discard} if the request fails before that.
 *
 * @param newlyStored whether this upload put the bytes there (false when identical bytes
 * were stored already)
 */
public record UploadedFile(String sha256, long size, String contentType, String displayName, String storageType,
        String storageKey, boolean newlyStored, Integer width, Integer height, BigDecimal durationSeconds,
        Integer pageCount, List<Thumbnail> thumbnails) {

    /** A thumbnail stored with the upload. */
    public record Thumbnail(int width, int height, String sha256, long size, String contentType, String storageType,
            String storageKey, boolean newlyStored) {
    }
}
