package dev.dualdb.support;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A standalone PostgreSQL for the external-mode tests, instead of the embedded one they
 * start by default: named by the environment variable
 * {@code DUALDB_TEST_EXTERNAL_POSTGRES_URL} (or the system property
 * {@code dualdb.test.external-postgres-url}), a JDBC URL such as
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}, with the user
 * {@code DUALDB_TEST_EXTERNAL_POSTGRES_USER} ({@code postgres} when unset) and the
 * password {@code DUALDB_TEST_EXTERNAL_POSTGRES_PASSWORD} (empty when unset). The user
 * must be allowed to create databases: each use gets a database of its own, dropped
 * afterwards, so runs never see each other's rows. {@code bench/external-postgres} starts
 * Debian's PostgreSQL and runs the tests against it: {@code ExternalServersTests}, and
 * every {@link ApiTest} (their shared context then uses the standalone server instead of
 * starting the embedded one; tests that stop the embedded PostgreSQL cannot run so).
 */
public final class ExternalPostgres implements AutoCloseable {

    private final URI server;

    private final String user;

    private final String password;

    private final String database;

    private static Optional<ExternalPostgres> shared;

    private ExternalPostgres(URI server, String user, String password, String database) {
        this.server = server;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * A fresh database on the standalone PostgreSQL, if one is configured.
     * @return the database, empty when the tests are to use the embedded PostgreSQL
     */
    public static Optional<ExternalPostgres> createDatabaseIfConfigured() {
        String url = setting("dualdb.test.external-postgres-url", "DUALDB_TEST_EXTERNAL_POSTGRES_URL", "");
        if (url.isBlank()) {
            return Optional.empty();
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException(
                    "DUALDB_TEST_EXTERNAL_POSTGRES_URL is not a PostgreSQL JDBC URL: " + url);
        }
        URI server = URI.create(url.substring("jdbc:".length()));
        String user = setting("dualdb.test.external-postgres-user", "DUALDB_TEST_EXTERNAL_POSTGRES_USER", "postgres");
        String password = setting("dualdb.test.external-postgres-password", "DUALDB_TEST_EXTERNAL_POSTGRES_PASSWORD",
                "");
        String database = "dualdb_test_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create a test database on " + url, ex);
        }
        return Optional.of(new ExternalPostgres(server, user, password, database));
    }

    /**
     * One database on the standalone PostgreSQL for every test of this JVM that shares
     * the Spring test context ({@link ApiTest}), made on first use and dropped when the
     * JVM exits.
     * @return the database, empty when the tests are to use the embedded PostgreSQL
     */
    public static synchronized Optional<ExternalPostgres> sharedIfConfigured() {
        if (shared == null) {
            shared = createDatabaseIfConfigured();
            shared.ifPresent((postgres) -> Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                }
                catch (SQLException ex) {
                    // The JVM is leaving; the database is left for the next run's owner
                    // to drop.
                }
            })));
        }
        return shared;
    }

    private static String setting(String property, String variable, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(variable);
        }
        return (value == null || value.isBlank()) ? fallback : value;
    }

    /**
     * The server's host.
     * @return the host name or address
     */
    public String host() {
        return this.server.getHost();
    }

    /**
     * The server's port.
     * @return the port (5432 when the URL names none)
     */
    public int port() {
        return (this.server.getPort() != -1) ? this.server.getPort() : 5432;
    }

    /**
     * The name of the database made for this use.
     * @return the database name
     */
    public String database() {
        return this.database;
    }

    /**
     * The JDBC URL of the database made for this use.
     * @return the URL
     */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + this.database;
    }

    /**
     * The user to connect as.
     * @return the user name
     */
    public String user() {
        return this.user;
    }

    /**
     * The password of {@link #user()}.
     * @return the password, possibly empty
     */
    public String password() {
        return this.password;
    }

    /** Drops the database made for this use, whoever is still connected to it. */
    @Override
    public void close() throws SQLException {
        String url = "jdbc:postgresql://" + host() + ":" + port() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, this.user, this.password);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
        }
    }

}
