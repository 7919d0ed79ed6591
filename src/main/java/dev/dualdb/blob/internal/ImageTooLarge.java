package dev.dualdb.blob.internal;

import dev.dualdb.system.DomainException;

/**
 * An image declares more pixels than the limit. Checked from the header, before any
 * decoding: a small file can declare a huge canvas (a "pixel flood") whose decoded form
 * would exhaust the memory.
 */
public class ImageTooLarge extends DomainException {

    public ImageTooLarge(long width, long height, long maxPixels) {
        super(Kind.TOO_LARGE, "image-dimensions-too-large",
                "The image is " + width + "×" + height + " pixels; at most " + maxPixels + " pixels are accepted");
    }

}
