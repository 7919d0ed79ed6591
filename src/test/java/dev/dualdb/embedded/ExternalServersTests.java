package dev.dualdb.embedded;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import dev.dualdb.DualdbApplication;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ExternalPostgres;
import dev.dualdb.support.TcpForwarder;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * External mode: MongoDB and PostgreSQL started separately (as real servers would be),
 * the service pointed at them by {@code spring.mongodb.uri} and
 * {@code spring.datasource.url}: no embedded server starts, the data lands in the
 * external servers, and a PostgreSQL that is down at start does not stop the service.
 * <p>
 * The PostgreSQL is an embedded one started by the test, or, with
 * {@code DUALDB_TEST_EXTERNAL_POSTGRES_URL} set ({@link ExternalPostgres}), a standalone
 * server of another major version (a database of its own on it), reached through a
 * {@link TcpForwarder} that "starts" it by opening the port the service was given.
 */
class ExternalServersTests {

    private MongoServer mongoServer;

    private EmbeddedPostgres postgres;

    private Optional<ExternalPostgres> external;

    private TcpForwarder forwarder;

    private ConfigurableApplicationContext service;

    private int postgresPort;

    @BeforeEach
    void startMongo() {
        this.mongoServer = new MongoServer(new MemoryBackend());
        this.mongoServer.bind("127.0.0.1", 0);
        this.postgresPort = freePort();
        this.external = ExternalPostgres.createDatabaseIfConfigured();
    }

    @AfterEach
    void stopEverything() throws Exception {
        if (this.service != null) {
            this.service.close();
        }
        if (this.postgres != null) {
            this.postgres.close();
        }
        if (this.forwarder != null) {
            this.forwarder.close();
        }
        if (this.external.isPresent()) {
            this.external.get().close();
        }
        this.mongoServer.shutdownNow();
    }

    private void startPostgres() throws IOException {
        if (this.external.isPresent()) {
            this.forwarder = TcpForwarder.start(this.postgresPort, this.external.get().host(),
                    this.external.get().port());
        }
        else {
            this.postgres = EmbeddedPostgres.builder().setPort(this.postgresPort).start();
        }
    }

    private String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + this.postgresPort + "/"
                + this.external.map(ExternalPostgres::database).orElse("postgres");
    }

    private String user() {
        return this.external.map(ExternalPostgres::user).orElse("postgres");
    }

    private String password() {
        return this.external.map(ExternalPostgres::password).orElse("");
    }

    private ApiClient startService() {
        this.service = SpringApplication.run(DualdbApplication.class, "--server.port=0",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + this.mongoServer.getLocalAddress().getPort() + "/shop",
                "--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password(),
                "--dualdb.storage.local.directory=target/test-blobs/external");
        return TestUsers.adminOf(this.service);
    }

    @Test
    void noEmbeddedServerStartsAndTheDataLandsInTheExternalServers() throws Exception {
        startPostgres();
        ApiClient api = startService();

        assertThat(this.service.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
        assertThat(this.service.getBeanNamesForType(MongoServer.class)).isEmpty();

        Response created = api.post("/api/products", Map.of("name", "Stool", "price", 45, "sku", "STOOL-EXT", "images",
                List.of(Map.of("imageUrl", "https://cdn.example.com/stool.jpg"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        try (MongoClient client = MongoClients
            .create("mongodb://127.0.0.1:" + this.mongoServer.getLocalAddress().getPort())) {
            Document product = client.getDatabase("shop")
                .getCollection("products")
                .find(new Document("_id", new ObjectId(id)))
                .first();
            assertThat(product).isNotNull();
            assertThat(product.getString("sku")).isEqualTo("STOOL-EXT");
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), password());
                ResultSet rs = connection.createStatement()
                    .executeQuery("SELECT image_url FROM product_images WHERE mongo_product_id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("https://cdn.example.com/stool.jpg");
        }
    }

    @Test
    void aPostgresThatIsDownAtStartDoesNotStopTheServiceAndIsUsedOnceItIsUp() throws Exception {
        ApiClient api = startService();

        Response created = api.post("/api/products", Map.of("name", "Bench", "price", 99, "sku", "BENCH-EXT"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(api.get("/api/products/" + id).json().path("mediaAvailable").asBoolean()).isFalse();
        Response refused = api.post("/api/products/" + id + "/images",
                Map.of("images", List.of(Map.of("imageUrl", "https://cdn.example.com/bench.jpg"))));
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();

        startPostgres();

        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(api
                .post("/api/products/" + id + "/images",
                        Map.of("images", List.of(Map.of("imageUrl", "https://cdn.example.com/bench.jpg"))))
                .status()).isEqualTo(201));
        Response read = api.get("/api/products/" + id);
        assertThat(read.json().path("mediaAvailable").asBoolean()).isTrue();
        assertThat(read.json().path("images")).hasSize(1);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
