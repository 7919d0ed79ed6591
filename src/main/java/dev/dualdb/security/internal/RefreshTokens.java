package dev.dualdb.security.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * Opaque refresh tokens, stored as SHA-256 hashes in PostgreSQL ({@code refresh_tokens}).
 * A token is used once: using it marks it used and issues the next one of its family;
 * using a token already used revokes its whole family (someone holds a stolen copy).
 */
@Component
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PostgresDatabase database;

    private final SecurityProperties properties;

    RefreshTokens(PostgresDatabase database, SecurityProperties properties) {
        this.database = database;
        this.properties = properties;
    }

    /**
     * Starts a new family (a login).
     * @param userId the user logged in
     * @param credentialsVersion the user's credentials version now
     * @return the new token, in clear (only the caller ever sees it)
     */
    public String issue(String userId, long credentialsVersion) {
        Instant now = Instant.now();
        return this.database.write((jdbc) -> {
            // The user's tokens that expired a day ago go now: they are refused anyway,
            // and
            // this keeps the table as small as the live sessions without a scheduled job.
            jdbc.sql("delete from refresh_tokens where user_id = ? and expires_at < ?")
                .params(userId, Timestamp.from(now.minusSeconds(86_400)))
                .update();
            return insert(jdbc, UUID.randomUUID(), userId, credentialsVersion, now,
                    now.plus(this.properties.refreshTokenLifetime()));
        });
    }

    private static String insert(JdbcClient jdbc, UUID family, String userId, long credentialsVersion, Instant now,
            Instant expires) {
        String token = newToken();
        jdbc.sql("""
                insert into refresh_tokens (token_hash, family_id, user_id, credentials_version, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
            .params(hash(token), family, userId, credentialsVersion, Timestamp.from(now), Timestamp.from(expires))
            .update();
        return token;
    }

    /**
     * Uses a token: the next token of its family, or why not.
     * @param token the token presented
     * @return the rotation's outcome
     */
    public Rotation rotate(String token) {
        byte[] hash = hash(token);
        Instant now = Instant.now();
        return this.database.write((jdbc) -> {
            Optional<Row> found = jdbc.sql("""
                    select family_id, user_id, credentials_version, expires_at, used_at, revoked_at
                    from refresh_tokens where token_hash = ? for update""")
                .param(hash)
                .query((rs, n) -> new Row(rs.getObject("family_id", UUID.class), rs.getString("user_id"),
                        rs.getLong("credentials_version"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("used_at") != null, rs.getTimestamp("revoked_at") != null))
                .optional();
            if (found.isEmpty()) {
                return Rotation.refused(Outcome.UNKNOWN);
            }
            Row row = found.get();
            if (row.revoked() || !row.expires().isAfter(now)) {
                return Rotation.refused(Outcome.EXPIRED);
            }
            if (row.used()) {
                jdbc.sql("update refresh_tokens set revoked_at = ? where family_id = ? and revoked_at is null")
                    .params(Timestamp.from(now), row.family())
                    .update();
                return Rotation.refused(Outcome.REUSED);
            }
            jdbc.sql("update refresh_tokens set used_at = ? where token_hash = ?")
                .params(Timestamp.from(now), hash)
                .update();
            String next = insert(jdbc, row.family(), row.userId(), row.credentialsVersion(), now, row.expires());
            return new Rotation(Outcome.ROTATED, next, row.userId(), row.credentialsVersion());
        });
    }

    /**
     * Revokes the family of {@code token} (log out); an unknown token changes nothing.
     * @param token the token presented
     */
    public void revokeFamilyOf(String token) {
        Timestamp now = Timestamp.from(Instant.now());
        this.database.write((jdbc) -> jdbc.sql("""
                update refresh_tokens set revoked_at = ?
                where revoked_at is null
                  and family_id = (select family_id from refresh_tokens where token_hash = ?)""")
            .params(now, hash(token))
            .update());
    }

    /**
     * Revokes every token of a user (password change).
     * @param userId the user
     */
    public void revokeAllOf(String userId) {
        Timestamp now = Timestamp.from(Instant.now());
        this.database.write(
                (jdbc) -> jdbc.sql("update refresh_tokens set revoked_at = ? where user_id = ? and revoked_at is null")
                    .params(now, userId)
                    .update());
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private record Row(UUID family, String userId, long credentialsVersion, Instant expires, boolean used,
            boolean revoked) {
    }

    /** How a rotation went. */
    public enum Outcome {

        /** A new token was issued. */
        ROTATED,

        /** No such token. */
        UNKNOWN,

        /** The token expired or its family was revoked. */
        EXPIRED,

        /** The token had been used already; its family is now revoked. */
        REUSED

    }

    /**
     * The outcome of a rotation.
     *
     * @param outcome what happened
     * @param token the next token, when rotated
     * @param userId the token's user, when rotated
     * @param credentialsVersion the credentials version the family was issued under
     */
    public record Rotation(Outcome outcome, String token, String userId, long credentialsVersion) {

        static Rotation refused(Outcome outcome) {
            return new Rotation(outcome, null, null, 0);
        }

    }

}
