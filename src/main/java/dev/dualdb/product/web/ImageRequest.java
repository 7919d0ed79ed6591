package dev.dualdb.product.web;

import dev.dualdb.media.NewProductImage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** One image given by URL (recorded, never fetched by the server). */
record ImageRequest(@NotBlank @Size(max = 2048) String imageUrl, @Size(max = 255) String fileName,
        @PositiveOrZero Long fileSize, @Size(max = 255) String mimeType, @PositiveOrZero @Max(10_000) Integer position,
        Boolean isPrimary, @Size(max = 500) String altText, @Positive @Max(100_000) Integer width,
        @Positive @Max(100_000) Integer height) {

    NewProductImage toNewImage() {
        return new NewProductImage(imageUrl, fileName, fileSize, mimeType, position, Boolean.TRUE.equals(isPrimary),
                altText, width, height);
    }
}
