package dev.dualdb.user;

import java.time.Instant;

/** A user enrolled in a course ({@code enrollments}); one per user and course. */
public record Enrollment(String id, String userId, String courseId, Instant enrolledAt) {
}
