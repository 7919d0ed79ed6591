package dev.dualdb.course;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A course as stored in MongoDB ({@code courses}) with its sections and lessons in order;
 * ids are ObjectIds in hex.
 */
public record Course(String id, String title, String description, String instructorId, BigDecimal price,
        String currency, CourseLevel level, boolean published, List<Section> sections, Instant createdAt,
        Instant updatedAt) {

    /** Every lesson of every section, in order. */
    public Stream<Lesson> lessons() {
        return this.sections.stream().flatMap((section) -> section.lessons().stream());
    }
}
