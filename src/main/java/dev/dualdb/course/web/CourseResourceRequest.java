package dev.dualdb.course.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.media.NewCourseResource;
import dev.dualdb.media.ResourceType;

/**
 * Body of {@code POST /api/courses/{id}/lessons/{lessonId}/resources} as JSON: a resource
 * given by URL.
 *
 * @param resourceName the name shown to students, at most 300 characters
 * @param resourceType what kind of file it is
 * @param resourceUrl the absolute http(s) URL of the file; recorded, never fetched
 * @param fileName the file name to show, or none
 * @param fileSize the size in bytes, if the client knows it
 * @param mimeType the content type, if the client knows it
 */
record CourseResourceRequest(@NotBlank @Size(max = 300) String resourceName, @NotNull ResourceType resourceType,
        @NotBlank String resourceUrl, @Size(max = 255) String fileName, @PositiveOrZero Long fileSize,
        @Size(max = 255) String mimeType) {

    NewCourseResource toNewResource() {
        return new NewCourseResource(this.resourceName, this.resourceType, this.resourceUrl, this.fileName,
                this.fileSize, this.mimeType);
    }
}
