/**
 * The idempotency-key filter and its {@code idempotency_keys} table, and the reconciler's
 * machinery: the leader-locked run, the tally of findings, the stored reports and the
 * schedule.
 */
package dev.dualdb.consistency.internal;
