package dev.dualdb.course.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.course.NewLesson;

/**
 * One lesson to add: in a new course, a new section, or {@code POST
 * /api/courses/{id}/sections/{sectionId}/lessons}.
 *
 * @param title the lesson's title, at most 200 characters
 * @param description a free-text description, at most 5,000 characters
 * @param durationSeconds how long the lesson takes, in seconds, at most a day
 */
record LessonRequest(@NotBlank @Size(max = 200) String title, @Size(max = 5_000) String description,
        // A day: longer is a mistake in the unit (milliseconds, say), not a real lesson.
        @PositiveOrZero @Max(86_400) Integer durationSeconds) {

    NewLesson toNewLesson() {
        return new NewLesson(this.title.strip(), this.description, this.durationSeconds);
    }
}
