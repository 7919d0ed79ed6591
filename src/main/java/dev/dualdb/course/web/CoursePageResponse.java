package dev.dualdb.course.web;

import java.util.List;

import dev.dualdb.course.CoursePage;

/** A page of courses. */
record CoursePageResponse(List<CourseSummaryResponse> items, int page, int size, long totalElements, int totalPages) {

    static CoursePageResponse of(CoursePage page) {
        int totalPages = (int) ((page.totalElements() + page.size() - 1) / page.size());
        return new CoursePageResponse(page.items().stream().map(CourseSummaryResponse::of).toList(), page.page(),
                page.size(), page.totalElements(), totalPages);
    }
}
