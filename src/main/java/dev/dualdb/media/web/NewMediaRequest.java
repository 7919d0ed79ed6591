package dev.dualdb.media.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.NewMediaStorage;
import dev.dualdb.media.OwnerKind;

/**
 * Body of {@code POST /api/media}: media recorded by URL against a product, course,
 * lesson or user.
 *
 * @param referenceType the kind of owner the media is attached to (product, course,
 * lesson or user)
 * @param referenceId the owner's id (24 hexadecimal characters)
 * @param mediaType the broad type of the media (image, video, audio or document)
 * @param mediaUrl the absolute http(s) URL of the media; recorded, never fetched
 * @param fileName the file name to show, or none
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 */
record NewMediaRequest(@NotNull OwnerKind referenceType,
        @NotBlank @Pattern(regexp = "^[0-9a-fA-F]{24}$",
                message = "must be 24 hexadecimal characters") String referenceId,
        @NotNull MediaType mediaType, @NotBlank @Size(max = 2048) String mediaUrl, @Size(max = 255) String fileName,
        @PositiveOrZero Long fileSize, @Size(max = 255) String mimeType) {

    NewMediaStorage toNewMedia() {
        return new NewMediaStorage(this.referenceType, this.referenceId, this.mediaType, this.mediaUrl, this.fileName,
                this.fileSize, this.mimeType);
    }
}
