package dev.dualdb.course.web;

import java.math.BigDecimal;
import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.dualdb.course.Course;
import dev.dualdb.course.CourseLevel;

/**
 * A course in a list: its own fields and the size of its outline; the outline and media
 * come with the course.
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
