package dev.dualdb.user.internal;

import dev.dualdb.system.DomainException;

/** Another user already has that email address. */
public class DuplicateEmail extends DomainException {

    public DuplicateEmail(String email) {
        super(Kind.CONFLICT, "duplicate-email", "A user with email '" + email + "' already exists");
    }

}
