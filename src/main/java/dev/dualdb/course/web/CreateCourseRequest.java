package dev.dualdb.course.web;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.dualdb.course.CourseLevel;
import dev.dualdb.course.NewCourse;

/**
 * Body of {@code POST /api/courses}: the course and, optionally, its sections and their
 * lessons.
 *
 * @param title the course's title, at most 200 characters
 * @param description a free-text description, at most 10,000 characters
 * @param instructorId the id of the user who teaches the course (24 hexadecimal
 * characters)
 * @param price the price, zero or more, with at most four decimal places; free if absent
 * @param currency the ISO 4217 code of the price's currency, such as EUR; USD if absent
 * @param level the level the course is for (beginner, intermediate or advanced); beginner
 * if absent
 * @param published whether students can see the course; a draft if absent
 * @param sections up to 100 sections to create with the course, in order, each with its
 * lessons
 */
record CreateCourseRequest(@NotBlank @Size(max = 200) String title, @Size(max = 10_000) String description,
        @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String instructorId,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        CourseLevel level, Boolean published, @Size(max = 100) List<@Valid @NotNull SectionRequest> sections) {

    /**
     * A course with no price is free; with no currency, priced in USD; with no level, for
     * beginners; a draft.
     */
    NewCourse toNewCourse() {
        return new NewCourse(this.title.strip(), this.description, this.instructorId,
                (this.price == null) ? BigDecimal.ZERO : this.price, (this.currency == null) ? "USD" : this.currency,
                (this.level == null) ? CourseLevel.BEGINNER : this.level, Boolean.TRUE.equals(this.published),
                (this.sections == null) ? List.of()
                        : this.sections.stream().map(SectionRequest::toNewSection).toList());
    }
}
