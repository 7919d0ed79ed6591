package dev.dualdb.user.web;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.dualdb.user.Role;

/**
 * Body of {@code POST /api/users}.
 *
 * @param email the address the user signs in with; unique among users, at most 254
 * characters
 * @param name the name shown for the user, at most 200 characters
 * @param roles what the user may do (student, instructor, admin); a student if none are
 * given
 * @param password the password the user logs in with (10 to 64 characters), or none for a
 * user who cannot log in yet
 */
record CreateUserRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
        @Size(max = 3) Set<@NotNull Role> roles, @Size(min = 10, max = 64) String password) {
}
