/**
 * What operators see of a running instance: a request id in every log line of a request
 * (and in the {@code X-Request-Id} response header), and the {@code dualdb_*} metrics
 * served at {@code /actuator/prometheus} — uploads, deliveries, store errors, idempotency
 * replays and conflicts, and the time PostgreSQL has been unavailable. Everything here
 * watches the HTTP traffic and the health indicators from the outside; no other module
 * calls it.
 */
package dev.dualdb.observability;
