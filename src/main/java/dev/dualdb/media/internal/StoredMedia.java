package dev.dualdb.media.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The stored bytes behind a media id, as delivery needs them.
 *
 * @param displayName the client's file name, sanitised, for {@code Content-Disposition}
 * @param thumbnails the thumbnails of an image, by width
 */
public record StoredMedia(UUID id, String sha256, long size, String contentType, String displayName, Instant createdAt,
        List<Thumbnail> thumbnails) {

    /** A stored thumbnail. */
    public record Thumbnail(int width, int height, String sha256, long size, String contentType) {
    }
}
