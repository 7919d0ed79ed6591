package dev.dualdb.course.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.course.internal.CourseAccess;
import dev.dualdb.security.Caller;
import dev.dualdb.security.RouteRules;

/**
 * Who may call the course routes: the catalog and outlines are public (private media is
 * left out of them for those who may not see it), instructors create courses, a course's
 * instructor and admins change it, and they and its enrolled students count views.
 */
@Component
class CourseRouteRules implements RouteRules {

    private static final String COURSE = "/api/courses/{id}";

    private final CourseAccess access;

    CourseRouteRules(CourseAccess access) {
        this.access = access;
    }

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/courses", COURSE).permitAll();
        routes.requestMatchers(HttpMethod.POST, "/api/courses").hasAnyRole(Caller.INSTRUCTOR, Caller.ADMIN);
        routes
            .requestMatchers(HttpMethod.POST, COURSE + "/videos/{videoId}/views",
                    COURSE + "/resources/{resourceId}/accesses")
            .access(this.access.learner());
        routes
            .requestMatchers(HttpMethod.PATCH, COURSE, COURSE + "/sections/{sectionId}", COURSE + "/lessons/{lessonId}")
            .access(this.access.editor());
        routes
            .requestMatchers(HttpMethod.DELETE, COURSE, COURSE + "/sections/{sectionId}",
                    COURSE + "/lessons/{lessonId}", COURSE + "/videos/{videoId}", COURSE + "/resources/{resourceId}")
            .access(this.access.editor());
        routes
            .requestMatchers(HttpMethod.POST, COURSE + "/videos", COURSE + "/sections",
                    COURSE + "/sections/{sectionId}/lessons", COURSE + "/lessons/{lessonId}/resources")
            .access(this.access.editor());
        routes
            .requestMatchers(HttpMethod.PUT, COURSE + "/sections/order", COURSE + "/sections/{sectionId}/lessons/order")
            .access(this.access.editor());
    }

}
