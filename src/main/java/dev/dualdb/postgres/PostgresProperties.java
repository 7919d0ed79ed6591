package dev.dualdb.postgres;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The media store (PostgreSQL) switch and how the service behaves while it is away or
 * hangs.
 *
 * @param enabled {@code false} runs without PostgreSQL at all (the original
 * {@code DB_ENABLED}): the catalog works, media is reported unavailable
 * @param retryAfter the {@code Retry-After} sent with a 503 when PostgreSQL is
 * unavailable
 * @param migrationRetry how often, at most, to try again to migrate the schema while
 * PostgreSQL is unreachable
 * @param connectTimeout how long opening a connection (TCP) may take (PgJDBC
 * {@code connectTimeout}; whole seconds, at least 1)
 * @param socketTimeout how long any read from PostgreSQL may wait for its answer, login
 * included (PgJDBC {@code socketTimeout}; whole seconds, at least 1): a server that hangs
 * (stopped, or a network path that drops packets) fails the statement after this instead
 * of holding the request for as long as it hangs
 * @param statementTimeout how long PostgreSQL lets one statement run before it cancels it
 * ({@code statement_timeout}); shorter than {@code socketTimeout}, so that a slow
 * statement is cancelled by the server (the connection stays usable) before the client
 * gives up on the connection
 */
@ConfigurationProperties("dualdb.postgres")
public record PostgresProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2s") Duration migrationRetry, @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration socketTimeout, @DefaultValue("5s") Duration statementTimeout) {

    /**
     * The PgJDBC connection properties that carry the timeouts; a property given in the
     * JDBC URL itself wins over these.
     * @return {@code connectTimeout}, {@code socketTimeout} (seconds) and {@code options}
     * setting {@code statement_timeout} (milliseconds)
     */
    public Map<String, String> driverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("connectTimeout", Long.toString(seconds(this.connectTimeout)));
        properties.put("socketTimeout", Long.toString(seconds(this.socketTimeout)));
        properties.put("options", "-c statement_timeout=" + this.statementTimeout.toMillis());
        return properties;
    }

    private static long seconds(Duration duration) {
        // PgJDBC counts whole seconds, and 0 would mean "wait forever".
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

}
