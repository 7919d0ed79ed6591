package dev.dualdb.course.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/courses/{id}/sections/{sectionId}/lessons/order}: every lesson
 * id of the section, once, in the new order.
 *
 * @param lessonIds the ids of all the section's lessons, each once, in the order they are
 * to have
 */
record LessonOrderRequest(@NotNull @Size(
        max = 200) List<@NotNull @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String> lessonIds) {
}
