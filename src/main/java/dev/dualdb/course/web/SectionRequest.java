package dev.dualdb.course.web;

import java.util.List;

import dev.dualdb.course.NewSection;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One section to add, optionally with lessons: in a new course, or {@code POST
 * /api/courses/{id}/sections}.
 */
record SectionRequest(@NotBlank @Size(max = 200) String title,
        @Size(max = 200) List<@Valid @NotNull LessonRequest> lessons) {

    NewSection toNewSection() {
        return new NewSection(title.strip(),
                lessons == null ? List.of() : lessons.stream().map(LessonRequest::toNewLesson).toList());
    }
}
