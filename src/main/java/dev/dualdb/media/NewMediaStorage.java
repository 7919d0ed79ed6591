package dev.dualdb.media;

/**
 * Media to record by its URL against any owner (recorded, never fetched).
 *
 * @param referenceType the kind of owner to attach it to
 * @param referenceId the owner's id (24 hex characters)
 * @param mediaType the broad type of the media
 * @param mediaUrl the absolute http(s) URL to record
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 */
public record NewMediaStorage(OwnerKind referenceType, String referenceId, MediaType mediaType, String mediaUrl,
        String fileName, Long fileSize, String mimeType) {
}
