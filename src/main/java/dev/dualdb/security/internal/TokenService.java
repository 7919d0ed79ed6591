package dev.dualdb.security.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;

import dev.dualdb.postgres.PostgresUnavailable;
import dev.dualdb.security.Account;
import dev.dualdb.security.AccountStore;
import dev.dualdb.security.IssuerMode;

/**
 * The built-in issuer: logs users in with their password and hands out a short-lived
 * signed access token (a JWT) with an opaque refresh token; refreshes, logs out and
 * changes passwords.
 */
@Service
public class TokenService {

    private final AccountStore accounts;

    private final PasswordEncoder passwords;

    private final JwtEncoder encoder;

    private final SigningKeys keys;

    private final RefreshTokens refreshTokens;

    private final SecurityProperties properties;

    private final IssuerMode issuer;

    private final AbuseLimits limits;

    private final AuditTrail audit;

    // Compared against when the email is unknown, so that an unknown address costs as
    // much time as a wrong password.
    private final String unknownAccountHash;

    TokenService(AccountStore accounts, PasswordEncoder passwords, JwtEncoder encoder, SigningKeys keys,
            RefreshTokens refreshTokens, SecurityProperties properties, IssuerMode issuer, AbuseLimits limits,
            AuditTrail audit) {
        this.issuer = issuer;
        this.limits = limits;
        this.audit = audit;
        this.accounts = accounts;
        this.passwords = passwords;
        this.encoder = encoder;
        this.keys = keys;
        this.refreshTokens = refreshTokens;
        this.properties = properties;
        this.unknownAccountHash = passwords.encode("no account has this password");
    }

    /**
     * Logs in with email and password.
     * @param email the email, any case
     * @param password the password
     * @return the tokens
     * @throws InvalidCredentials if the pair does not match an account that can log in
     */
    public Tokens login(String email, String password) {
        requireBuiltIn();
        Optional<Account> account = this.accounts.findByEmail(email);
        try {
            this.limits.checkLoginAttempt(email);
        }
        catch (RateLimited ex) {
            this.audit.loginFailed(account.map(Account::userId).orElse(null), email, 429);
            throw ex;
        }
        String hash = account.map(Account::passwordHash).orElse(null);
        boolean matches = this.passwords.matches(password, (hash != null) ? hash : this.unknownAccountHash);
        if (!matches || hash == null) {
            this.audit.loginFailed(account.map(Account::userId).orElse(null), email, 401);
            throw new InvalidCredentials("invalid-credentials", "The email or password is wrong");
        }
        return issue(account.get());
    }

    /**
     * Exchanges a refresh token for new tokens; the old one can no longer be used.
     * @param refreshToken the refresh token
     * @return the new tokens
     * @throws InvalidCredentials if the token is unknown, expired, revoked or reused
     */
    public Tokens refresh(String refreshToken) {
        requireBuiltIn();
        RefreshTokens.Rotation rotation = this.refreshTokens.rotate(refreshToken);
        switch (rotation.outcome()) {
            case REUSED -> throw new InvalidCredentials("refresh-token-reused",
                    "This refresh token was used before; every session of its login is now ended");
            case UNKNOWN, EXPIRED -> throw new InvalidCredentials("invalid-refresh-token",
                    "The refresh token is unknown, expired or revoked");
            case ROTATED -> {
            }
        }
        Optional<Account> account = this.accounts.findById(rotation.userId());
        if (account.isEmpty() || account.get().credentialsVersion() != rotation.credentialsVersion()) {
            this.refreshTokens.revokeAllOf(rotation.userId());
            throw new InvalidCredentials("invalid-refresh-token", "The refresh token is unknown, expired or revoked");
        }
        return new Tokens(accessToken(account.get()), "Bearer", this.properties.accessTokenLifetime().toSeconds(),
                rotation.token());
    }

    /**
     * Ends the session a refresh token belongs to.
     * @param refreshToken the refresh token
     */
    public void logout(String refreshToken) {
        this.refreshTokens.revokeFamilyOf(refreshToken);
    }

    /**
     * Changes a user's password after checking the current one, ending every session.
     * @param userId the user, who is the caller
     * @param currentPassword the password now
     * @param newPassword the new password
     */
    public void changePassword(String userId, String currentPassword, String newPassword) {
        requireBuiltIn();
        Account account = this.accounts.findById(userId)
            .orElseThrow(() -> new InvalidCredentials("invalid-credentials", "The account no longer exists"));
        if (account.passwordHash() == null || !this.passwords.matches(currentPassword, account.passwordHash())) {
            throw new InvalidCredentials("invalid-credentials", "The current password is wrong");
        }
        this.accounts.changePassword(userId, this.passwords.encode(newPassword));
        this.refreshTokens.revokeAllOf(userId);
    }

    private void requireBuiltIn() {
        this.issuer.requireBuiltIn();
    }

    private Tokens issue(Account account) {
        String refreshToken;
        try {
            refreshToken = this.refreshTokens.issue(account.userId(), account.credentialsVersion());
        }
        catch (PostgresUnavailable ex) {
            // Refresh tokens live in PostgreSQL: while it is away a login still gets an
            // access token (verified with the signing keys alone), and logs in again
            // later.
            refreshToken = null;
        }
        return new Tokens(accessToken(account), "Bearer", this.properties.accessTokenLifetime().toSeconds(),
                refreshToken);
    }

    private String accessToken(Account account) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
            .issuer(this.properties.issuer())
            .subject(account.userId())
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(now.plus(this.properties.accessTokenLifetime()))
            .claim("roles", List.copyOf(account.roles()))
            .build();
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keys.signing().getKeyID()).build();
        return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }

    /**
     * What a login or refresh hands out.
     *
     * @param accessToken the signed JWT to send as {@code Authorization: Bearer}
     * @param tokenType always {@code Bearer}
     * @param expiresIn seconds until the access token expires
     * @param refreshToken the opaque token that gets the next access token, once;
     * {@code null} while PostgreSQL (where refresh tokens are kept) is unavailable
     */
    public record Tokens(String accessToken, String tokenType, long expiresIn,
            @Schema(nullable = true) String refreshToken) {
    }

}
