package dev.dualdb.media.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored bytes behind a media id, as delivery needs them.
 *
 * @param id the media row's id
 * @param sha256 the SHA-256 of the bytes, in hex (their ETag)
 * @param size the size in bytes
 * @param contentType the type sniffed from the bytes
 * @param displayName the client's file name, sanitised, for {@code Content-Disposition}
 * @param createdAt when the row was written (its {@code Last-Modified})
 * @param thumbnails the thumbnails of an image, by width
 * @param quarantined whether the bytes failed an integrity check (and are not served)
 * @param width the width in pixels of an image as shown, when its row records it; else
 * {@code null}
 */
public record StoredMedia(UUID id, String sha256, long size, String contentType, String displayName, Instant createdAt,
        List<Thumbnail> thumbnails, boolean quarantined, Integer width) {

    /**
     * A stored thumbnail.
     *
     * @param width the width in pixels
     * @param height the height in pixels
     * @param sha256 the SHA-256 of the thumbnail's bytes, in hex
     * @param size the size in bytes
     * @param contentType the thumbnail's type
     * @param quarantined whether its bytes failed an integrity check (and are not served)
     */
    public record Thumbnail(int width, int height, String sha256, long size, String contentType, boolean quarantined) {
    }
}
