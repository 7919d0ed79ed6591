package dev.dualdb.user;

import java.time.Instant;
import java.util.Set;

/**
 * A user as stored in MongoDB ({@code users}); the email is unique, kept in lower case.
 *
 * @param id the user's id (an ObjectId as 24 hex characters)
 * @param email the email address, in lower case
 * @param name the name to show
 * @param roles what the user may do
 * @param createdAt when the user was created
 * @param updatedAt when the user was last changed
 */
public record User(String id, String email, String name, Set<Role> roles, Instant createdAt, Instant updatedAt) {
}
