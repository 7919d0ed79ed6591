package dev.dualdb.course;

import java.util.List;

/**
 * One page of courses (their documents only; a course's media comes with {@code GET
 * /api/courses/{id}}).
 *
 * @param items the courses of this page, newest first
 * @param page the page number, from 0
 * @param size the most courses on a page
 * @param totalElements how many courses there are in all
 */
public record CoursePage(List<Course> items, int page, int size, long totalElements) {
}
