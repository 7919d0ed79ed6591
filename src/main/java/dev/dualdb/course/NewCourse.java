package dev.dualdb.course;

import java.math.BigDecimal;
import java.util.List;

/**
 * A course to create, optionally with its sections and lessons; validated (and defaulted)
 * by the web layer.
 */
public record NewCourse(String title, String description, String instructorId, BigDecimal price, String currency,
        CourseLevel level, boolean published, List<NewSection> sections) {
}
