/**
 * The PostgreSQL module's insides: the {@code dualdb.postgres.enabled} switch, telling a
 * lost connection from a wrong statement, the health indicator, and schema migration at
 * start-up.
 */
package dev.dualdb.postgres.internal;
