package dev.dualdb.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A course as stored in MongoDB ({@code courses}) with its sections and lessons in order;
 * ids are ObjectIds in hex.
 *
 * @param id the ObjectId in hex
 * @param title the title shown to students
 * @param description a longer text about the course, or {@code null}
 * @param instructorId the user who teaches it (ObjectId in hex), or {@code null}
 * @param price the price, in {@code currency} (zero for a free course)
 * @param currency the ISO 4217 code of the price's currency (such as {@code EUR})
 * @param level who the course is for
 * @param published whether students can see it ({@code false} for a draft)
 * @param sections its sections, in order, each with its lessons
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Course(String id, String title, String description, String instructorId, BigDecimal price,
        String currency, CourseLevel level, boolean published, List<Section> sections, Instant createdAt,
        Instant updatedAt) {

    /**
     * Every lesson of every section, in order.
     * @return the lessons, section by section
     */
    public Stream<Lesson> lessons() {
        return this.sections.stream().flatMap((section) -> section.lessons().stream());
    }
}
