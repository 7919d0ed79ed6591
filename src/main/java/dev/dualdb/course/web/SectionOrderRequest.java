package dev.dualdb.course.web;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/courses/{id}/sections/order}: every section id of the course,
 * once, in the new order.
 *
 * @param sectionIds the ids of all the course's sections, each once, in the order they
 * are to have
 */
record SectionOrderRequest(@NotNull @Size(
        max = 100) List<@NotNull @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String> sectionIds) {
}
