package dev.dualdb.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.NewProductImage;

/**
 * One image given by URL (recorded, never fetched by the server).
 *
 * @param imageUrl the absolute http(s) URL of the image
 * @param fileName the file name to show, or none
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 * @param position the place among the product's images, from 0; appended at the end if
 * absent
 * @param isPrimary whether this is the product's main image (at most one is); not if
 * absent
 * @param altText the text that describes the image to those who cannot see it, at most
 * 500 characters
 * @param width the width in pixels, if the client knows it
 * @param height the height in pixels, if the client knows it
 */
record ImageRequest(@NotBlank @Size(max = 2048) String imageUrl, @Size(max = 255) String fileName,
        @PositiveOrZero Long fileSize, @Size(max = 255) String mimeType, @PositiveOrZero @Max(10_000) Integer position,
        Boolean isPrimary, @Size(max = 500) String altText, @Positive @Max(100_000) Integer width,
        @Positive @Max(100_000) Integer height) {

    NewProductImage toNewImage() {
        return new NewProductImage(this.imageUrl, this.fileName, this.fileSize, this.mimeType, this.position,
                Boolean.TRUE.equals(this.isPrimary), this.altText, this.width, this.height);
    }
}
