package dev.dualdb.course.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.dualdb.course.LessonChanges;
import dev.dualdb.system.ObjectIdParser;

/**
 * Body of {@code PATCH /api/courses/{id}/lessons/{lessonId}}: only the fields given are
 * changed; a {@code sectionId} other than the lesson's own moves it to the end of that
 * section.
 *
 * @param title the lesson's new title, not blank, at most 200 characters
 * @param description the new free-text description, at most 5,000 characters
 * @param durationSeconds how long the lesson takes, in seconds, at most a day
 * @param sectionId the section to move the lesson to (at its end)
 */
record UpdateLessonRequest(
        @Size(min = 1, max = 200) @Pattern(regexp = "[\\s\\S]*\\S[\\s\\S]*",
                message = "must not be blank") String title,
        @Size(max = 5_000) String description, @PositiveOrZero @Max(86_400) Integer durationSeconds,
        @Pattern(regexp = Ids.OBJECT_ID, message = Ids.OBJECT_ID_MESSAGE) String sectionId) {

    LessonChanges toChanges() {
        return new LessonChanges((this.title == null) ? null : this.title.strip(), this.description,
                this.durationSeconds, (this.sectionId == null) ? null : ObjectIdParser.parse(this.sectionId));
    }
}
