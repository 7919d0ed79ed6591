package dev.dualdb.security;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Whether tokens come from the built-in issuer or from an external one (set by
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri}):
 * with an external issuer, accounts are managed there, not here.
 */
@Component
public class IssuerMode {

    private final boolean external;

    IssuerMode(Environment environment) {
        this.external = hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                || hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    public boolean isExternal() {
        return this.external;
    }

    /**
     * Refuses what only the built-in issuer does (log in, register, change a password).
     * @throws ExternalIssuerOnly when an external issuer is configured
     */
    public void requireBuiltIn() {
        if (this.external) {
            throw new ExternalIssuerOnly();
        }
    }

}
