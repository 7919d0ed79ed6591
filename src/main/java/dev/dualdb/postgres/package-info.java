/**
 * The PostgreSQL every module shares: the DataSource switch, failure classification
 * ({@link dev.dualdb.postgres.PostgresUnavailable}), advisory and leader locks, and
 * schema migration.
 */
@ApplicationModule(displayName = "PostgreSQL", allowedDependencies = "system")
package dev.dualdb.postgres;

import org.springframework.modulith.ApplicationModule;
