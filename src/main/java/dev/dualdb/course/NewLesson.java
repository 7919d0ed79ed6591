package dev.dualdb.course;

/** A lesson to add; validated by the web layer. */
public record NewLesson(String title, String description, Integer durationSeconds) {
}
