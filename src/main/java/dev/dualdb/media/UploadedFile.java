package dev.dualdb.media;

import java.math.BigDecimal;

import dev.dualdb.media.internal.MediaUploads;

/**
 * A file taken from an upload into the blob store and checked: its bytes are stored under
 * their hash, but no metadata row refers to them yet. Hand it to one of the {@code
 * saveUploaded…} operations of the media facades ({@link ProductImageService},
 * {@link CourseVideoService}, {@link CourseResourceService}, {@link MediaService}), or to
 * {@link MediaUploads#discard} if the request fails before that.
 *
 * @param sha256 the SHA-256 of the bytes, in hex: their key in the blob index
 * @param size the size in bytes
 * @param contentType the type sniffed from the bytes
 * @param displayName the client's file name, made safe to show and to send back
 * @param storageType the blob store holding the bytes ({@code LOCAL} or {@code S3})
 * @param storageKey the key of the bytes in that store
 * @param newlyStored whether this upload put the bytes there (false when identical bytes
 * were stored already)
 * @param width the width in pixels of an image, or {@code null}
 * @param height the height in pixels of an image, or {@code null}
 * @param durationSeconds the length of a video in seconds (millisecond precision), or
 * {@code null}
 * @param pageCount the number of pages of a PDF, or {@code null}
 */
public record UploadedFile(String sha256, long size, String contentType, String displayName, String storageType,
        String storageKey, boolean newlyStored, Integer width, Integer height, BigDecimal durationSeconds,
        Integer pageCount) {
}
