package dev.dualdb.security;

import java.util.Optional;
import java.util.Set;

/**
 * Where accounts live (the user module provides it), so that the security module does not
 * depend on the module that stores users.
 */
public interface AccountStore {

    /**
     * The account that logs in with {@code email}.
     * @param email the address as typed, any case
     * @return the account, or empty
     */
    Optional<Account> findByEmail(String email);

    /**
     * The account of a user.
     * @param userId the user's id
     * @return the account, or empty if the user is gone
     */
    Optional<Account> findById(String userId);

    /**
     * Replaces the user's encoded password (and so bumps its credentials version).
     * @param userId the user's id
     * @param passwordHash the new encoded password
     */
    void changePassword(String userId, String passwordHash);

    /**
     * The local user for a subject of an external issuer, created on first sight.
     * @param issuer the issuer's identifier ({@code iss})
     * @param subject the subject ({@code sub}), unique within the issuer
     * @param email the email claim, or {@code null}
     * @param name the name claim, or {@code null}
     * @param roles the roles the issuer grants (stored so that they show on the user)
     * @return the local user's id
     */
    String provision(String issuer, String subject, String email, String name, Set<String> roles);

}
