package dev.dualdb.security.internal;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of the audit trail.
 *
 * @param occurredAt when the request was answered
 * @param userId who (the caller's user id; for a failed login the account's id, or
 * {@code null} when no account has that email)
 * @param action {@code WRITE} (a write by an admin or instructor) or {@code LOGIN_FAILED}
 * @param method the HTTP method
 * @param route the route pattern, such as {@code /api/courses/{id}/videos}
 * @param targetIds the ids in the path, as {@code name=value} pairs joined by {@code &}
 * @param status the status answered
 * @param clientAddress the client's address (see {@code server.forward-headers-strategy})
 * @param detail for a failed login, the email tried
 */
public record AuditEvent(Instant occurredAt, @Schema(nullable = true) String userId, String action, String method,
        String route, @Schema(nullable = true) String targetIds, int status,
        @Schema(nullable = true) String clientAddress, @Schema(nullable = true) String detail) {

    static final String WRITE = "WRITE";

    static final String LOGIN_FAILED = "LOGIN_FAILED";

}
