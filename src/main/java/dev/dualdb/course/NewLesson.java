package dev.dualdb.course;

/**
 * A lesson to add; validated by the web layer.
 *
 * @param title the title shown to students
 * @param description a longer text about the lesson, or {@code null}
 * @param durationSeconds the length in seconds, or {@code null} if unknown
 */
public record NewLesson(String title, String description, Integer durationSeconds) {
}
