package dev.dualdb.user;

import java.time.Instant;

/**
 * A user enrolled in a course ({@code enrollments}); one per user and course.
 *
 * @param id the enrolment's id (an ObjectId as 24 hex characters)
 * @param userId the enrolled user's id
 * @param courseId the course's id
 * @param enrolledAt when the user enrolled
 */
public record Enrollment(String id, String userId, String courseId, Instant enrolledAt) {
}
