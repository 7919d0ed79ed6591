package dev.dualdb.security;

import dev.dualdb.system.DomainException;

/**
 * Logging in, refreshing or changing a password here, while tokens come from an external
 * issuer: accounts are managed there.
 */
public class ExternalIssuerOnly extends DomainException {

    public ExternalIssuerOnly() {
        super(Kind.CONFLICT, "external-issuer",
                "Tokens come from an external issuer here: log in and manage passwords there");
    }

}
