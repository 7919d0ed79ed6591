package dev.dualdb.user.web;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Caller;
import dev.dualdb.security.RouteRules;

/**
 * Who may call the user and enrolment routes: anyone registers; admins create users with
 * roles; the rest needs a token, and {@code EnrollmentAccess} decides which user and
 * which course (a user sees only their own, an instructor the enrolments of their
 * courses).
 */
@Component
class UserRouteRules implements RouteRules {

    @Override
    public void declare(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.POST, "/api/auth/register").permitAll();
        routes.requestMatchers(HttpMethod.POST, "/api/users").hasRole(Caller.ADMIN);
        routes.requestMatchers(HttpMethod.GET, "/api/users/{id}", "/api/users/{id}/enrollments").authenticated();
        routes.requestMatchers(HttpMethod.POST, "/api/courses/{courseId}/enrollments").authenticated();
        routes
            .requestMatchers(HttpMethod.GET, "/api/courses/{courseId}/enrollments",
                    "/api/courses/{courseId}/enrollments/{enrollmentId}")
            .authenticated();
    }

}
