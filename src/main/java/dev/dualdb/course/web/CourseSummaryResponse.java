package dev.dualdb.course.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseLevel;

/**
 * A course in a list: its own fields and the size of its outline; the outline and media
 * come with the course.
 *
 * @param id the course's id (24 hexadecimal characters)
 * @param title the course's title
 * @param description the free-text description, or {@code null}
 * @param instructorId the id of the user who teaches the course, or {@code null}
 * @param price the price; zero for a free course
 * @param currency the ISO 4217 code of the price's currency
 * @param level the level the course is for (beginner, intermediate or advanced)
 * @param published whether students can see the course; {@code false} for a draft
 * @param sectionCount how many sections the course has
 * @param lessonCount how many lessons the course has, in all its sections
 * @param createdAt when the course was created
 * @param updatedAt when the course last changed
 */
record CourseSummaryResponse(String id, String title, @Schema(nullable = true) String description,
        @Schema(nullable = true) String instructorId, BigDecimal price, String currency, CourseLevel level,
        boolean published, int sectionCount, int lessonCount, @Schema(nullable = true) Instant createdAt,
        @Schema(nullable = true) Instant updatedAt) {

    static CourseSummaryResponse of(Course c) {
        return new CourseSummaryResponse(c.id(), c.title(), c.description(), c.instructorId(), c.price(), c.currency(),
                c.level(), c.published(), c.sections().size(), (int) c.lessons().count(), c.createdAt(), c.updatedAt());
    }
}
