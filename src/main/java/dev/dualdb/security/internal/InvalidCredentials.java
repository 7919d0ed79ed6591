package dev.dualdb.security.internal;

import dev.dualdb.system.DomainException;

/**
 * A login, refresh or password change with credentials that do not hold; the same answer
 * whether the account exists or not.
 */
public class InvalidCredentials extends DomainException {

    public InvalidCredentials(String code, String message) {
        super(Kind.UNAUTHENTICATED, code, message);
    }

}
