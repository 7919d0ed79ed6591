package dev.dualdb.media;

/**
 * A lesson resource to record by its URL (recorded, never fetched).
 *
 * @param resourceName the name shown to students
 * @param resourceType what kind of file it is
 * @param resourceUrl the absolute http(s) URL to record
 * @param fileName the file name the client gave, or {@code null}
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 */
public record NewCourseResource(String resourceName, ResourceType resourceType, String resourceUrl, String fileName,
        Long fileSize, String mimeType) {
}
