package dev.dualdb.course.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.dualdb.course.NewSection;

/**
 * One section to add, optionally with lessons: in a new course, or {@code POST
 * /api/courses/{id}/sections}.
 *
 * @param title the section's title, at most 200 characters
 * @param lessons up to 200 lessons to add to the section, in order
 */
record SectionRequest(@NotBlank @Size(max = 200) String title,
        @Size(max = 200) List<@Valid @NotNull LessonRequest> lessons) {

    NewSection toNewSection() {
        return new NewSection(this.title.strip(),
                (this.lessons == null) ? List.of() : this.lessons.stream().map(LessonRequest::toNewLesson).toList());
    }
}
