package dev.dualdb.course.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.dualdb.course.CourseChanges;
import dev.dualdb.course.CourseLevel;

/**
 * Body of {@code PATCH /api/courses/{id}}: only the fields given are changed; sections
 * have their own routes.
 *
 * @param title the new title, not blank, at most 200 characters
 * @param description a free-text description, at most 10,000 characters
 * @param instructorId the id of the user who teaches the course (24 hexadecimal
 * characters)
 * @param price the price, zero or more, with at most four decimal places
 * @param currency the ISO 4217 code of the price's currency, such as EUR
 * @param level the level the course is for (beginner, intermediate or advanced)
 * @param published whether students can see the course; {@code false} keeps it a draft
 */
record UpdateCourseRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*",
                message = "must not be blank") String title,
        @Size(max = 10_000) String description,
        @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String instructorId,
        @DecimalMin("0") @Digits(integer = 12, fraction = 4) BigDecimal price,
        @Pattern(regexp = "^[A-Z]{3}$", message = "must be an ISO 4217 code such as EUR") String currency,
        CourseLevel level, Boolean published) {

    CourseChanges toChanges() {
        return new CourseChanges((this.title == null) ? null : this.title.strip(), this.description, this.instructorId,
                this.price, this.currency, this.level, this.published);
    }
}
