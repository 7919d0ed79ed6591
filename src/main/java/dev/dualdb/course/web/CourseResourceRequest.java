package dev.dualdb.course.web;

import dev.dualdb.media.NewCourseResource;
import dev.dualdb.media.ResourceType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/courses/{id}/lessons/{lessonId}/resources} as JSON: a resource
 * given by URL.
 */
record CourseResourceRequest(@NotBlank @Size(max = 300) String resourceName, @NotNull ResourceType resourceType,
        @NotBlank String resourceUrl, @Size(max = 255) String fileName, @PositiveOrZero Long fileSize,
        @Size(max = 255) String mimeType) {

    NewCourseResource toNewResource() {
        return new NewCourseResource(resourceName, resourceType, resourceUrl, fileName, fileSize, mimeType);
    }
}
