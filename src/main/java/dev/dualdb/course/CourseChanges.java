package dev.dualdb.course;

import java.math.BigDecimal;

/**
 * A partial update of a course's own fields: {@code null} leaves a field as it is; fields
 * not named here (sections included, which have their own routes) are never touched.
 *
 * @param title the new title
 * @param description the new description
 * @param instructorId the new instructor (ObjectId in hex)
 * @param price the new price
 * @param currency the new currency (ISO 4217 code)
 * @param level the new level
 * @param published whether students can now see it
 */
public record CourseChanges(String title, String description, String instructorId, BigDecimal price, String currency,
        CourseLevel level, Boolean published) {
}
