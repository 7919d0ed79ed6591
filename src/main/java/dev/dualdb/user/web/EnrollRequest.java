package dev.dualdb.user.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/courses/{id}/enrollments}.
 *
 * @param userId the id of the user to enrol in the course (24 hexadecimal characters)
 */
record EnrollRequest(
        @NotBlank @Pattern(regexp = "^[0-9a-fA-F]{24}$", message = "must be 24 hexadecimal characters") String userId) {
}
