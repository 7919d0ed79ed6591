/**
 * The {@code users} and {@code enrollments} collections, their indexes, and the user
 * lookups the media module needs.
 */
package dev.dualdb.user.internal;
