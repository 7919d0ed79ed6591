package dev.dualdb.user.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/auth/register}.
 *
 * @param email the address to log in with; unique among users, at most 254 characters
 * @param name the name shown for the user, at most 200 characters
 * @param password the password, 10 to 64 characters
 */
record RegistrationRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 10, max = 64) String password) {
}
