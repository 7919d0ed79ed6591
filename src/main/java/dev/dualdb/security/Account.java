package dev.dualdb.security;

import java.util.Set;

/**
 * What the security module needs to know of a user to log them in and issue tokens.
 *
 * @param userId the user's id (an ObjectId in hex)
 * @param email the address the user logs in with, in lower case
 * @param passwordHash the encoded password ({@code {bcrypt}…}), or {@code null} for a
 * user who cannot log in here (created by an admin without a password, or provisioned
 * from an external issuer)
 * @param roles the user's roles
 * @param credentialsVersion a number that changes whenever the password changes
 */
public record Account(String userId, String email, String passwordHash, Set<String> roles, long credentialsVersion) {
}
