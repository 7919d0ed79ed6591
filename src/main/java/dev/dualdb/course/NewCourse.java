package dev.dualdb.course;

import java.math.BigDecimal;
import java.util.List;

/**
 * A course to create, optionally with its sections and lessons; validated (and defaulted)
 * by the web layer.
 *
 * @param title the title shown to students
 * @param description a longer text about the course, or {@code null}
 * @param instructorId the user who teaches it (ObjectId in hex), or {@code null}
 * @param price the price, in {@code currency} (zero for a free course)
 * @param currency the ISO 4217 code of the price's currency (such as {@code EUR})
 * @param level who the course is for
 * @param published whether students can see it at once
 * @param sections its first sections, in order, each with its lessons
 */
public record NewCourse(String title, String description, String instructorId, BigDecimal price, String currency,
        CourseLevel level, boolean published, List<NewSection> sections) {

    /**
     * The same course, taught by {@code instructorId}.
     * @param instructorId the instructor's user id
     * @return the course with that instructor
     */
    public NewCourse taughtBy(String instructorId) {
        return new NewCourse(this.title, this.description, instructorId, this.price, this.currency, this.level,
                this.published, this.sections);
    }

}
