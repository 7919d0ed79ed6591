package dev.dualdb.product.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.NewProductImage;

/** One image given by URL (recorded, never fetched by the server). */
record ImageRequest(@NotBlank @Size(max = 2048) String imageUrl, @Size(max = 255) String fileName,
        @PositiveOrZero Long fileSize, @Size(max = 255) String mimeType, @PositiveOrZero @Max(10_000) Integer position,
        Boolean isPrimary, @Size(max = 500) String altText, @Positive @Max(100_000) Integer width,
        @Positive @Max(100_000) Integer height) {

    NewProductImage toNewImage() {
        return new NewProductImage(this.imageUrl, this.fileName, this.fileSize, this.mimeType, this.position,
                Boolean.TRUE.equals(this.isPrimary), this.altText, this.width, this.height);
    }
}
