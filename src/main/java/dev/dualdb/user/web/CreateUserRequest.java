package dev.dualdb.user.web;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.dualdb.user.Role;

/** Body of {@code POST /api/users}. */
record CreateUserRequest(@NotBlank @Email @Size(max = 254) String email, @NotBlank @Size(max = 200) String name,
        @Size(max = 3) Set<@NotNull Role> roles) {
}
