package dev.dualdb.course;

import java.util.List;

/**
 * A section to add, optionally with its first lessons; validated by the web layer.
 *
 * @param title the title shown to students
 * @param lessons its first lessons, in order, possibly none
 */
public record NewSection(String title, List<NewLesson> lessons) {
}
