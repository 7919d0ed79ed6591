package dev.dualdb.blob.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import dev.dualdb.blob.BlobStore;

/**
 * A thumbnail of an image, made in memory (a thumbnail is tens of kilobytes) and ready to
 * be {@link BlobStore#put put} into the blob store like any other bytes.
 *
 * @param width its width in pixels, one of the configured widths
 * @param height its height in pixels, keeping the image's aspect ratio
 * @param contentType {@code image/jpeg}, or {@code image/png} for images with
 * transparency
 * @param bytes the encoded image
 */
public record Rendition(int width, int height, String contentType, byte[] bytes) {

    public InputStream openStream() {
        return new ByteArrayInputStream(this.bytes);
    }
}
