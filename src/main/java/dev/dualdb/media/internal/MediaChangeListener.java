package dev.dualdb.media.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;
import dev.dualdb.postgres.PostgresProperties;

/**
 * Hears, on a PostgreSQL connection of its own (not one of the pool's), what any instance
 * announces on {@value DeliveryCache#CHANNEL}, and drops the matching entries of this
 * instance's {@link DeliveryCache}. When the connection is lost it tries again with a
 * growing pause; once it listens again it drops the whole cache, because announcements
 * made meanwhile are lost. While it cannot listen, entries still expire after
 * {@code dualdb.media.delivery-cache.max-staleness}.
 */
@Component
class MediaChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MediaChangeListener.class);

    private static final int POLL_MILLIS = 1000;

    private static final Duration FIRST_RETRY = Duration.ofMillis(200);

    private static final Duration MAX_RETRY = Duration.ofSeconds(5);

    // A connection that died without a word (a dropped network path, a stopped server)
    // would wait for notifications forever: ask it something now and then. The socket
    // timeout (dualdb.postgres.socket-timeout) bounds how long the question may wait.
    private static final Duration PROBE_EVERY = Duration.ofSeconds(10);

    private final DeliveryCache cache;

    private final PostgresDatabase database;

    private final ObjectProvider<JdbcConnectionDetails> connectionDetails;

    private final PostgresProperties timeouts;

    private volatile boolean running;

    private volatile Thread thread;

    private volatile boolean listening;

    MediaChangeListener(DeliveryCache cache, PostgresDatabase database,
            ObjectProvider<JdbcConnectionDetails> connectionDetails, PostgresProperties timeouts,
            ObjectProvider<MeterRegistry> meters) {
        this.cache = cache;
        this.timeouts = timeouts;
        this.database = database;
        this.connectionDetails = connectionDetails;
        meters.ifAvailable((registry) -> Gauge.builder("dualdb.media.change.listener.up", this::up)
            .description("1 while this instance hears media deletions announced by the others")
            .register(registry));
    }

    private double up() {
        return (this.listening) ? 1 : 0;
    }

    @Override
    public void start() {
        JdbcConnectionDetails details = this.connectionDetails.getIfAvailable();
        this.running = true;
        if (!this.cache.enabled() || !this.database.enabled() || details == null) {
            return;
        }
        Thread listener = new Thread(() -> listen(details), "media-change-listener");
        listener.setDaemon(true);
        this.thread = listener;
        listener.start();
    }

    @Override
    public void stop() {
        this.running = false;
        Thread listener = this.thread;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(Duration.ofSeconds(2).toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    private void listen(JdbcConnectionDetails details) {
        Duration retry = FIRST_RETRY;
        boolean lost = false;
        while (this.running) {
            try (Connection connection = connect(details); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + DeliveryCache.CHANNEL);
                this.cache.invalidateAll();
                this.listening = true;
                retry = FIRST_RETRY;
                if (lost) {
                    log.info("Listening for media changes again; the delivery cache was emptied");
                    lost = false;
                }
                receive(connection.unwrap(PGConnection.class), statement);
            }
            catch (SQLException ex) {
                this.listening = false;
                if (!this.running) {
                    return;
                }
                if (!lost) {
                    log.warn("Cannot listen for media changes ({}); cached media expires after at most the "
                            + "delivery cache's max-staleness until it can", ex.getMessage());
                    lost = true;
                }
                if (!pause(retry)) {
                    return;
                }
                retry = (retry.multipliedBy(2).compareTo(MAX_RETRY) > 0) ? MAX_RETRY : retry.multipliedBy(2);
            }
        }
        this.listening = false;
    }

    private void receive(PGConnection connection, Statement statement) throws SQLException {
        long lastProbe = System.nanoTime();
        while (this.running) {
            PGNotification[] notifications = connection.getNotifications(POLL_MILLIS);
            if (notifications != null && notifications.length > 0) {
                List<String> changes = Arrays.stream(notifications).map(PGNotification::getParameter).toList();
                this.cache.invalidate(changes);
            }
            if (System.nanoTime() - lastProbe > PROBE_EVERY.toNanos()) {
                statement.execute("SELECT 1");
                lastProbe = System.nanoTime();
            }
        }
    }

    private Connection connect(JdbcConnectionDetails details) throws SQLException {
        Properties properties = new Properties();
        // The same bounds as the pool's connections: a hanging server fails the login or
        // the probe instead of holding this thread until it resumes.
        properties.putAll(this.timeouts.driverProperties());
        if (details.getUsername() != null) {
            properties.setProperty("user", details.getUsername());
        }
        if (details.getPassword() != null) {
            properties.setProperty("password", details.getPassword());
        }
        properties.setProperty("ApplicationName", "dualdb media change listener");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(details.getJdbcUrl(), properties);
    }

    private boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

}
