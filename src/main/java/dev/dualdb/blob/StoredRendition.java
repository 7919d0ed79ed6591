package dev.dualdb.blob;

/**
 * A thumbnail stored in the blob store (content-addressed like the original).
 *
 * @param width its width in pixels
 * @param height its height in pixels
 * @param contentType {@code image/jpeg} or {@code image/png}
 * @param blob where its bytes are
 */
public record StoredRendition(int width, int height, String contentType, StoredBlob blob) {
}
