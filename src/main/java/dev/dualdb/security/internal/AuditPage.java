package dev.dualdb.security.internal;

import java.util.List;

/**
 * One page of the audit trail.
 *
 * @param items the events of this page, newest first
 * @param page the page number, from 0
 * @param size the most events on a page
 * @param totalElements how many events match in all
 */
public record AuditPage(List<AuditEvent> items, int page, int size, long totalElements) {
}
