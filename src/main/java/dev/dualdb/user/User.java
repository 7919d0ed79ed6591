package dev.dualdb.user;

import java.time.Instant;
import java.util.Set;

/**
 * A user as stored in MongoDB ({@code users}); the email is unique, kept in lower case.
 */
public record User(String id, String email, String name, Set<Role> roles, Instant createdAt, Instant updatedAt) {
}
