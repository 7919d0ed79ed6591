package dev.dualdb.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.dualdb.DualdbApplication;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.user.CreateAdminCommand;
import dev.dualdb.user.Role;
import dev.dualdb.user.UserService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The default embedded run keeps its data across restarts, and starts after a killed run
 * left PostgreSQL behind.
 */
class RestartTests {

    private static final String ADMIN = "restart-admin@example.com";

    private static final String PASSWORD = "restart admin password";

    private Path dataDirectory;

    private ConfigurableApplicationContext service;

    @BeforeEach
    void dataDirectory() throws IOException {
        this.dataDirectory = Files.createTempDirectory("dualdb-restart-");
    }

    @AfterEach
    void cleanUp() throws IOException {
        if (this.service != null) {
            this.service.close();
        }
        try (Stream<Path> paths = Files.walk(this.dataDirectory)) {
            paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
        }
    }

    private ApiClient start() {
        this.service = SpringApplication.run(DualdbApplication.class, "--server.port=0",
                "--dualdb.embedded.persistent=true", "--dualdb.embedded.data-directory=" + this.dataDirectory,
                "--dualdb.storage.local.directory=" + this.dataDirectory.resolve("blobs"));
        ApiClient anonymous = new ApiClient(((WebServerApplicationContext) this.service).getWebServer().getPort());
        if (this.service.getBean(UserService.class).findByEmail(ADMIN).isEmpty()) {
            this.service.getBean(UserService.class).create(ADMIN, "Admin", EnumSet.of(Role.ADMIN), PASSWORD);
        }
        return logIn(anonymous);
    }

    private static ApiClient logIn(ApiClient anonymous) {
        Response login = anonymous.post("/api/auth/login", Map.of("email", ADMIN, "password", PASSWORD));
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return anonymous.withToken(login.json().path("accessToken").asString());
    }

    @Test
    void dataInBothDatabasesSurvivesARestart() {
        ApiClient api = start();
        Response created = api.post("/api/products", Map.of("name", "Shelf", "price", 60, "sku", "SHELF-1", "images",
                List.of(Map.of("imageUrl", "https://cdn.example.com/shelf.jpg"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        this.service.close();

        api = start();

        Response read = api.get("/api/products/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("sku").asString()).isEqualTo("SHELF-1");
        assertThat(read.json().path("images")).hasSize(1);
        assertThat(Files.isDirectory(this.dataDirectory.resolve("postgres"))).isTrue();
        // Kept data is written durably: an acknowledged write survives a crash of
        // PostgreSQL or the machine.
        var jdbc = this.service.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SHOW fsync").query(String.class).single()).isEqualTo("on");
        assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
        assertThat(Files.isDirectory(this.dataDirectory.resolve("mongo"))).isTrue();
        // The unique SKU index is still there after the restart.
        assertThat(api.post("/api/products", Map.of("name", "Shelf", "price", 60, "sku", "SHELF-1")).status())
            .isEqualTo(409);
    }

    @Test
    void theNextStartWorksAfterTheServiceWasKilledWithSigkill() throws Exception {
        // The service as its own process, killed with SIGKILL once it is up: its embedded
        // postmaster is left running on the data directory, with its postmaster.pid, and
        // nobody to stop it.
        int port = freePort();
        InputStream stdin = System.in;
        System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            assertThat(CreateAdminCommand.run(DualdbApplication.class, new String[] { "create-admin", "--email", ADMIN,
                    "--dualdb.embedded.persistent=true", "--dualdb.embedded.data-directory=" + this.dataDirectory }))
                .isZero();
        }
        finally {
            System.setIn(stdin);
        }
        Process killed = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
                System.getProperty("java.class.path"), DualdbApplication.class.getName(), "--server.port=" + port,
                "--dualdb.embedded.persistent=true", "--dualdb.embedded.data-directory=" + this.dataDirectory,
                "--dualdb.storage.local.directory=" + this.dataDirectory.resolve("blobs"))
            .redirectErrorStream(true)
            .redirectOutput(this.dataDirectory.resolve("killed-service.log").toFile())
            .start();
        try {
            ApiClient anonymous = new ApiClient(port);
            try {
                await().atMost(Duration.ofMinutes(3))
                    .ignoreExceptions()
                    .until(() -> anonymous.get("/actuator/health").status() == 200);
            }
            catch (ConditionTimeoutException ex) {
                throw new AssertionError("The service did not come up; its log:\n"
                        + Files.readString(this.dataDirectory.resolve("killed-service.log")), ex);
            }
            ApiClient first = logIn(anonymous);
            assertThat(first.post("/api/products", Map.of("name", "Crate", "price", 5, "sku", "CRATE-1")).status())
                .isEqualTo(201);

            // While it runs, another process on the same data directory (here one that
            // shares its MongoDB, so MongoDB's file lock does not stop it first) must
            // neither start nor stop the running PostgreSQL.
            String log = Files.readString(this.dataDirectory.resolve("killed-service.log"));
            Matcher mongo = Pattern.compile("Embedded MongoDB-wire server listening on /127\\.0\\.0\\.1:(\\d+)")
                .matcher(log);
            assertThat(mongo.find()).as("the MongoDB port in the service's log").isTrue();
            assertThatThrownBy(() -> SpringApplication.run(DualdbApplication.class, "--server.port=0",
                    "--spring.mongodb.uri=mongodb://127.0.0.1:" + mongo.group(1) + "/dualdb",
                    "--dualdb.embedded.persistent=true", "--dualdb.embedded.data-directory=" + this.dataDirectory))
                .hasStackTraceContaining("in use by a running process");
            assertThat(first.get("/actuator/health")
                .json()
                .path("components")
                .path("postgresql")
                .path("status")
                .asString()).isEqualTo("UP");
        }
        finally {
            killed.destroyForcibly().waitFor();
        }
        long orphanPid = Long
            .parseLong(Files.readAllLines(this.dataDirectory.resolve("postgres/postmaster.pid")).get(0));
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("orphaned postmaster").hasValue(true);

        ApiClient api = start();

        assertThat(api.get("/actuator/health").json().path("components").path("postgresql").path("status").asString())
            .isEqualTo("UP");
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void aSecondServiceOnTheSameDataDirectoryIsRefusedAndTheFirstKeepsRunning() {
        ApiClient api = start();

        assertThatThrownBy(() -> SpringApplication.run(DualdbApplication.class, "--server.port=0",
                "--dualdb.embedded.persistent=true", "--dualdb.embedded.data-directory=" + this.dataDirectory))
            .hasStackTraceContaining("is another dualdb running on the same data directory");
        assertThat(api.get("/actuator/health").json().path("components").path("postgresql").path("status").asString())
            .isEqualTo("UP");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
