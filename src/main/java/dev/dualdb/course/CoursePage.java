package dev.dualdb.course;

import java.util.List;

/**
 * One page of courses (their documents only; a course's media comes with {@code GET
 * /api/courses/{id}}).
 */
public record CoursePage(List<Course> items, int page, int size, long totalElements) {
}
