package dev.dualdb.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.dualdb.postgres.internal.ConnectionFailures;

/**
 * The PostgreSQL every module shares, and the original design's database initialiser:
 * connects to PostgreSQL, creates the tables (Flyway) and makes them available to the
 * routes, failing gracefully. Every media query goes through {@link #read} or
 * {@link #write}: when PostgreSQL is disabled, not yet migrated or unreachable, they
 * throw {@link PostgresUnavailable} (a 503 with {@code Retry-After}) instead of an error,
 * and the next call after PostgreSQL returns simply works.
 */
@Component
public class PostgresDatabase {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabase.class);

    private final PostgresProperties properties;

    private final ObjectProvider<DataSource> dataSource;

    private final ObjectProvider<JdbcClient> jdbc;

    private final ObjectProvider<PlatformTransactionManager> transactions;

    private volatile boolean migrated;

    private Instant nextMigrationAttempt = Instant.MIN;

    public PostgresDatabase(PostgresProperties properties, ObjectProvider<DataSource> dataSource,
            ObjectProvider<JdbcClient> jdbc, ObjectProvider<PlatformTransactionManager> transactions) {
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Whether PostgreSQL is switched on at all ({@code dualdb.postgres.enabled}).
     * @return {@code false} when media is switched off by configuration
     */
    public boolean enabled() {
        return this.properties.enabled();
    }

    /**
     * Runs {@code query} outside a transaction (a single statement).
     * @param <T> the query's result
     * @param query the statement to run, given a ready client
     * @return the query's result
     * @throws PostgresUnavailable when PostgreSQL is disabled, not migrated or
     * unreachable
     */
    public <T> T read(Function<JdbcClient, T> query) {
        JdbcClient client = ready();
        try {
            return query.apply(client);
        }
        catch (RuntimeException ex) {
            throw translate(ex);
        }
    }

    /**
     * Runs {@code work} in one PostgreSQL transaction.
     * @param <T> the work's result
     * @param work the statements to run in the transaction, given a ready client
     * @return the work's result, once committed
     * @throws PostgresUnavailable when PostgreSQL is disabled, not migrated or
     * unreachable
     */
    public <T> T write(Function<JdbcClient, T> work) {
        JdbcClient client = ready();
        try {
            return new TransactionTemplate(this.transactions.getObject()).execute((status) -> work.apply(client));
        }
        catch (RuntimeException ex) {
            throw translate(ex);
        }
    }

    /**
     * Runs {@code work} only if this instance gets the PostgreSQL advisory lock
     * {@code name} (held on a connection of its own for the whole run, released
     * afterwards), so that one instance at a time does it; empty otherwise.
     * @param <T> the work's result
     * @param name the lock's name, hashed into the advisory lock key
     * @param work what only one instance at a time may do
     * @return the work's result (empty if it returned {@code null}), or empty if another
     * instance holds the lock
     */
    public <T> Optional<T> withLeaderLock(String name, Supplier<T> work) {
        ready();
        try (Connection connection = this.dataSource.getObject().getConnection()) {
            if (!advisoryLock(connection, "SELECT pg_try_advisory_lock(hashtext(?))", name)) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            }
            finally {
                advisoryLock(connection, "SELECT pg_advisory_unlock(hashtext(?))", name);
            }
        }
        catch (SQLException ex) {
            throw new PostgresUnavailable("PostgreSQL cannot be reached", this.properties.retryAfter(), ex);
        }
    }

    private static boolean advisoryLock(Connection connection, String sql, String name) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (var result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Migrates now if PostgreSQL is reachable (called at start; a failure only logs). */
    public void migrateAtStart() {
        if (!enabled()) {
            log.warn("PostgreSQL is disabled (dualdb.postgres.enabled=false): media is unavailable");
            return;
        }
        try {
            ready();
        }
        catch (PostgresUnavailable ex) {
            log.warn("PostgreSQL is not reachable at start; the service runs without media until it is: {}{}",
                    ex.getMessage(), (ex.getCause() != null) ? " (" + ex.getCause().getMessage() + ")" : "");
        }
    }

    private JdbcClient ready() {
        if (!enabled()) {
            throw new PostgresUnavailable("PostgreSQL is disabled", this.properties.retryAfter(), null);
        }
        if (!this.migrated) {
            migrate();
        }
        return this.jdbc.getObject();
    }

    private synchronized void migrate() {
        if (this.migrated) {
            return;
        }
        Instant now = Instant.now();
        if (now.isBefore(this.nextMigrationAttempt)) {
            throw new PostgresUnavailable("PostgreSQL cannot be reached", this.properties.retryAfter(), null);
        }
        try {
            Flyway.configure()
                .dataSource(this.dataSource.getObject())
                .locations("classpath:db/migration")
                .load()
                .migrate();
            this.migrated = true;
            log.info("PostgreSQL schema is up to date");
        }
        catch (RuntimeException ex) {
            this.nextMigrationAttempt = now.plus(this.properties.migrationRetry());
            throw new PostgresUnavailable("PostgreSQL cannot be reached", this.properties.retryAfter(), ex);
        }
    }

    private RuntimeException translate(RuntimeException e) {
        if (e instanceof PostgresUnavailable || !ConnectionFailures.isConnectionFailure(e)) {
            return e;
        }
        return new PostgresUnavailable("PostgreSQL cannot be reached", this.properties.retryAfter(), e);
    }

    /**
     * How long a client is told to wait before it retries while PostgreSQL is away.
     * @return the {@code Retry-After} duration
     */
    public Duration retryAfter() {
        return this.properties.retryAfter();
    }

}
