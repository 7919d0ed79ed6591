package dev.dualdb.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/auth/password}.
 *
 * @param currentPassword the password now
 * @param newPassword the new password, 10 to 64 characters
 */
record PasswordChangeRequest(@NotBlank @Size(max = 128) String currentPassword,
        @NotBlank @Size(min = 10, max = 64) String newPassword) {
}
