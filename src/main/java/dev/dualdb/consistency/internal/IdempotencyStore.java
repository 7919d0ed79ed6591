package dev.dualdb.consistency.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.springframework.stereotype.Repository;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * The {@code idempotency_keys} table. Every method throws {@code PostgresUnavailable}
 * when PostgreSQL is away.
 */
@Repository
class IdempotencyStore {

    private final PostgresDatabase database;

    IdempotencyStore(PostgresDatabase database) {
        this.database = database;
    }

    /**
     * Claims {@code key} for a new request: the owner token if this request now owns it
     * (no row, an expired row, or an in-progress row older than
     * {@code inProgressTimeout}, i.e. a request that died); empty if another request
     * holds it or it is completed.
     * @param key the client's {@code Idempotency-Key}
     * @param method the HTTP method of the request
     * @param path the request path
     * @param retention how long the key is remembered from now
     * @param inProgressTimeout how long an in-progress row may go without a heartbeat
     * before another request may take it over
     * @return the new owner token, or empty if the key is taken
     */
    Optional<UUID> claim(String key, String method, String path, Duration retention, Duration inProgressTimeout) {
        UUID token = UUID.randomUUID();
        boolean claimed = this.database.write((jdbc) -> {
            jdbc.sql("DELETE FROM idempotency_keys WHERE idempotency_key = :key AND expires_at < now()")
                .param("key", key)
                .update();
            int inserted = jdbc.sql("""
                    INSERT INTO idempotency_keys (idempotency_key, request_method, request_path, state,
                        owner_token, expires_at)
                    VALUES (:key, :method, :path, 'IN_PROGRESS', :token,
                        now() + make_interval(secs => :retention))
                    ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("key", key)
                .param("method", method)
                .param("path", path)
                .param("token", token)
                .param("retention", (double) retention.toSeconds())
                .update();
            if (inserted == 1) {
                return true;
            }
            // Take over an attempt that has been in progress for too long: its request
            // died.
            return jdbc.sql("""
                    UPDATE idempotency_keys SET updated_at = now(), owner_token = :token
                    WHERE idempotency_key = :key AND state = 'IN_PROGRESS'
                      AND request_method = :method AND request_path = :path
                      AND updated_at < now() - make_interval(secs => :timeout)""")
                .param("key", key)
                .param("method", method)
                .param("path", path)
                .param("token", token)
                .param("timeout", (double) inProgressTimeout.toSeconds())
                .update() == 1;
        });
        return claimed ? Optional.of(token) : Optional.empty();
    }

    /**
     * The request holding the key is still running (called every minute), so nobody takes
     * the key over.
     * @param key the client's {@code Idempotency-Key}
     * @param token the owner token {@link #claim} returned
     */
    void heartbeat(String key, UUID token) {
        this.database.write((jdbc) -> jdbc.sql("""
                UPDATE idempotency_keys SET updated_at = now()
                WHERE idempotency_key = :key AND owner_token = :token AND state = 'IN_PROGRESS'""")
            .param("key", key)
            .param("token", token)
            .update());
    }

    Optional<StoredKey> find(String key) {
        return this.database.read((jdbc) -> jdbc.sql("""
                SELECT idempotency_key, request_method, request_path, request_fingerprint, state,
                       response_status, response_content_type, response_location, response_body
                FROM idempotency_keys WHERE idempotency_key = :key""")
            .param("key", key)
            .query(IdempotencyStore::map)
            .optional());
    }

    /**
     * The id reserved for the thing this key creates, reserving {@code candidate} if
     * there is none yet.
     * @param key the client's {@code Idempotency-Key}
     * @param token the owner token {@link #claim} returned
     * @param candidate the id to reserve if none is reserved yet
     * @return the reserved id: {@code candidate} or one an earlier attempt reserved
     */
    ObjectId reserveId(String key, UUID token, ObjectId candidate) {
        return this.database.write((jdbc) -> jdbc.sql("""
                UPDATE idempotency_keys SET reserved_id = coalesce(reserved_id, :candidate), updated_at = now()
                WHERE idempotency_key = :key AND owner_token = :token
                RETURNING reserved_id""")
            .param("key", key)
            .param("token", token)
            .param("candidate", candidate.toHexString())
            .query(String.class)
            .optional()
            .map(ObjectId::new)
            .orElseThrow(IdempotencyKeyLost::new));
    }

    void complete(String key, UUID token, String fingerprint, int status, String contentType, String location,
            byte[] body) {
        this.database.write((jdbc) -> jdbc.sql("""
                UPDATE idempotency_keys SET state = 'COMPLETED', request_fingerprint = :fingerprint,
                    response_status = :status, response_content_type = :contentType,
                    response_location = :location, response_body = :body, updated_at = now()
                WHERE idempotency_key = :key AND owner_token = :token""")
            .param("key", key)
            .param("token", token)
            .param("fingerprint", fingerprint)
            .param("status", status)
            .param("contentType", contentType, Types.VARCHAR)
            .param("location", location, Types.VARCHAR)
            .param("body", body)
            .update());
    }

    /**
     * A failed attempt: the next request with the key may take over at once, keeping the
     * reserved id.
     * @param key the client's {@code Idempotency-Key}
     * @param token the owner token {@link #claim} returned
     */
    void markRetryable(String key, UUID token) {
        this.database.write((jdbc) -> jdbc
            .sql("UPDATE idempotency_keys SET updated_at = 'epoch'"
                    + " WHERE idempotency_key = :key AND owner_token = :token AND state = 'IN_PROGRESS'")
            .param("key", key)
            .param("token", token)
            .update());
    }

    void release(String key, UUID token) {
        this.database.write((jdbc) -> jdbc
            .sql("DELETE FROM idempotency_keys WHERE idempotency_key = :key AND"
                    + " owner_token = :token AND state = 'IN_PROGRESS'")
            .param("key", key)
            .param("token", token)
            .update());
    }

    /**
     * Forgets expired keys; uses {@code idx_idempotency_keys_expires_at}.
     * @return how many keys were deleted
     */
    int deleteExpired() {
        return this.database
            .write((jdbc) -> jdbc.sql("DELETE FROM idempotency_keys WHERE expires_at < now()").update());
    }

    private static StoredKey map(ResultSet rs, int row) throws SQLException {
        int status = rs.getInt("response_status");
        boolean noStatus = rs.wasNull();
        return new StoredKey(rs.getString("idempotency_key"), rs.getString("request_method"),
                rs.getString("request_path"), rs.getString("request_fingerprint"),
                "COMPLETED".equals(rs.getString("state")), noStatus ? 0 : status, rs.getString("response_content_type"),
                rs.getString("response_location"), rs.getBytes("response_body"));
    }

    /**
     * A remembered request and, once completed, its response.
     *
     * @param key the client's {@code Idempotency-Key}
     * @param method the HTTP method of the first request
     * @param path the request path of the first request
     * @param fingerprint the {@link RequestFingerprint} of the completed request, or
     * {@code null} while in progress
     * @param completed whether a response has been stored
     * @param status the stored response status, 0 while there is none
     * @param contentType the stored response's {@code Content-Type}, or {@code null}
     * @param location the stored response's {@code Location}, or {@code null}
     * @param body the stored response body, or {@code null}
     */
    record StoredKey(String key, String method, String path, String fingerprint, boolean completed, int status,
            String contentType, String location, byte[] body) {
    }

}
