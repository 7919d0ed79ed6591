package dev.dualdb.media;

/** Media to record by its URL against any owner (recorded, never fetched). */
public record NewMediaStorage(OwnerKind referenceType, String referenceId, MediaType mediaType, String mediaUrl,
        String fileName, Long fileSize, String mimeType) {
}
