package dev.dualdb.blob;

import java.time.Duration;

/**
 * What the bytes of an accepted upload are, found by looking at them. Fields that do not
 * apply to the type, or could not be read from it, are {@code null}.
 *
 * @param contentType the type sniffed from the bytes (lower case, no parameters), e.g.
 * {@code image/png}; the type to record and to serve the bytes with
 * @param width images: the width in pixels, as shown (a JPEG's EXIF orientation applied)
 * @param height images: the height in pixels, as shown
 * @param duration videos: the running time, when the container states it
 * @param pageCount PDFs: the number of pages, when the document can be opened
 */
public record ProbeResult(String contentType, Integer width, Integer height, Duration duration, Integer pageCount) {

    public boolean isImage() {
        return this.width != null && this.height != null;
    }
}
