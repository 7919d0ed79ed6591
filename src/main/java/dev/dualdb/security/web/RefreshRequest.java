package dev.dualdb.security.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/auth/refresh} and {@code POST /api/auth/logout}.
 *
 * @param refreshToken the refresh token from the login or the last refresh
 */
record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
}
