package dev.dualdb.security.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the built-in token issuer and of how tokens of an external issuer are read
 * ({@code dualdb.security.*}).
 *
 * @param issuer the {@code iss} of the tokens the built-in issuer signs
 * @param accessTokenLifetime how long an access token is valid
 * @param refreshTokenLifetime how long a refresh token is valid (a family of rotated
 * tokens lives no longer than this from the login)
 * @param keyDirectory where the built-in issuer keeps its signing keys (created on first
 * start, readable by this user only)
 * @param keyRotation the age after which a new signing key is made at start; older keys
 * are still accepted until every token they signed has expired
 * @param rolesClaim the claim of an external issuer's tokens that holds the roles, a
 * dotted path such as {@code realm_access.roles}
 */
@ConfigurationProperties("dualdb.security")
public record SecurityProperties(@DefaultValue("dualdb") String issuer,
        @DefaultValue("10m") Duration accessTokenLifetime, @DefaultValue("14d") Duration refreshTokenLifetime,
        @DefaultValue("data/keys") Path keyDirectory, @DefaultValue("30d") Duration keyRotation,
        @DefaultValue("roles") String rolesClaim) {
}
