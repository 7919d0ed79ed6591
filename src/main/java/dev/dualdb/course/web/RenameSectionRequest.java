package dev.dualdb.course.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code PATCH /api/courses/{id}/sections/{sectionId}}. */
record RenameSectionRequest(@NotBlank @Size(max = 200) String title) {
}
