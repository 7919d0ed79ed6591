package dev.dualdb.course;

import java.math.BigDecimal;

/**
 * A partial update of a course's own fields: {@code null} leaves a field as it is; fields
 * not named here (sections included, which have their own routes) are never touched.
 */
public record CourseChanges(String title, String description, String instructorId, BigDecimal price, String currency,
        CourseLevel level, Boolean published) {
}
