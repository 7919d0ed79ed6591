package dev.dualdb.course.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PATCH /api/courses/{id}/sections/{sectionId}}.
 *
 * @param title the section's new title, at most 200 characters
 */
record RenameSectionRequest(@NotBlank @Size(max = 200) String title) {
}
