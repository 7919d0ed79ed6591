package dev.dualdb.media;

/** A lesson resource to record by its URL (recorded, never fetched). */
public record NewCourseResource(String resourceName, ResourceType resourceType, String resourceUrl, String fileName,
        Long fileSize, String mimeType) {
}
