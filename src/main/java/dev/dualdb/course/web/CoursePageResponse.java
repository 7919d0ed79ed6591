package dev.dualdb.course.web;

import java.util.List;

import dev.dualdb.course.CoursePage;

/**
 * A page of courses.
 *
 * @param items the courses on this page, without their outline and media
 * @param page the number of this page, counting from 0
 * @param size the largest number of courses a page holds
 * @param totalElements how many courses there are on all pages
 * @param totalPages how many pages there are
 */
record CoursePageResponse(List<CourseSummaryResponse> items, int page, int size, long totalElements, int totalPages) {

    static CoursePageResponse of(CoursePage page) {
        int totalPages = (int) ((page.totalElements() + page.size() - 1) / page.size());
        return new CoursePageResponse(page.items().stream().map(CourseSummaryResponse::of).toList(), page.page(),
                page.size(), page.totalElements(), totalPages);
    }
}
