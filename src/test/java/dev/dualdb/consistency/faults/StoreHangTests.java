package dev.dualdb.consistency.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import tools.jackson.databind.JsonNode;

import dev.dualdb.DualdbApplication;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.FreezableProxy;
import dev.dualdb.support.InProcessS3;
import dev.dualdb.support.Multipart;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A store that hangs instead of dying: each of the three stores in turn stops answering
 * without closing a connection (a {@link FreezableProxy} between the service and the real
 * server, which is what {@code kill -STOP} looks like to a client). Every request answers
 * within the configured bounds (2 s here) — the ones that need the frozen store with 503,
 * {@code Retry-After} and the store's code, the others as usual — and once the store
 * answers again the same requests succeed without a restart, leaving nothing
 * half-written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StoreHangTests {

    /**
     * Generous: the bounds are 2 s; this only tells "bounded" from "waits for the store".
     */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(15);

    private static final Set<String> UNAVAILABLE_CODES = Set.of("catalog-unavailable", "media-store-unavailable",
            "blob-store-unavailable");

    /** Bytes stored for an upload whose rows were never written; their collection. */
    private static final Set<String> GARBAGE_A_CUT_OFF_STEP_LEAVES = Set.of("strayBytes", "unreferencedBlobs",
            "collectedBlobs");

    private final Path staging = Path.of("target", "test-staging", "hangs-" + UUID.randomUUID());

    private final Path postgresData = Path.of("target", "test-postgres", "hangs-" + UUID.randomUUID()).toAbsolutePath();

    private MongoServer mongo;

    private EmbeddedPostgres postgres;

    private InProcessS3 s3;

    private final Map<Store, FreezableProxy> proxies = new LinkedHashMap<>();

    private ConfigurableApplicationContext service;

    private ApiClient api;

    enum Store {

        POSTGRES, MONGODB, S3

    }

    @BeforeAll
    void startStoresBehindProxiesAndTheService() throws IOException {
        this.mongo = new MongoServer(new MemoryBackend());
        this.mongo.bind("127.0.0.1", 0);
        this.postgres = EmbeddedPostgres.builder().setDataDirectory(this.postgresData).start();
        this.s3 = InProcessS3.start("hangs");
        this.proxies.put(Store.MONGODB, FreezableProxy.to(this.mongo.getLocalAddress().getPort()));
        this.proxies.put(Store.POSTGRES, FreezableProxy.to(this.postgres.getPort()));
        this.proxies.put(Store.S3, FreezableProxy.to(this.s3.endpoint().getPort()));
        this.service = SpringApplication.run(DualdbApplication.class, "--server.port=0",
                "--spring.profiles.active=test",
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + this.proxies.get(Store.MONGODB).port() + "/shop",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + this.proxies.get(Store.POSTGRES).port()
                        + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=", "--dualdb.storage.type=s3",
                "--dualdb.storage.s3.bucket=" + this.s3.bucket(),
                "--dualdb.storage.s3.endpoint=http://127.0.0.1:" + this.proxies.get(Store.S3).port(),
                "--dualdb.storage.s3.access-key=" + InProcessS3.ACCESS_KEY,
                "--dualdb.storage.s3.secret-key=" + InProcessS3.SECRET_KEY, "--dualdb.storage.s3.path-style=true",
                "--dualdb.storage.s3.presign=false",
                "--dualdb.storage.s3.temp-directory=" + this.staging.toAbsolutePath(),
                // Small bounds, so that the test runs in seconds; production defaults are
                // a few seconds more.
                "--dualdb.postgres.connect-timeout=1s", "--dualdb.postgres.socket-timeout=2s",
                "--dualdb.postgres.statement-timeout=1s", "--spring.datasource.hikari.connection-timeout=2000",
                "--dualdb.mongodb.connect-timeout=1s", "--dualdb.mongodb.read-timeout=2s",
                "--dualdb.mongodb.server-selection-timeout=2s", "--dualdb.storage.s3.connect-timeout=1s",
                "--dualdb.storage.s3.socket-timeout=2s", "--dualdb.storage.s3.call-timeout=2s",
                // Bytes left by an upload that PostgreSQL never recorded are collected by
                // the first reconciler run.
                "--dualdb.reconciler.blob-grace=0s");
        this.api = TestUsers.adminOf(this.service);
    }

    @AfterEach
    void thawEverything() {
        this.proxies.values().forEach(FreezableProxy::thaw);
    }

    @AfterAll
    void stopEverything() throws IOException {
        if (this.service != null) {
            this.service.close();
        }
        this.proxies.values().forEach(FreezableProxy::close);
        if (this.postgres != null) {
            this.postgres.close();
        }
        if (this.mongo != null) {
            this.mongo.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Store.class)
    void requestsAnswerWithinTheBoundWhileAStoreHangsAndSucceedOnceItResumes(Store frozen) throws Exception {
        FreezableProxy proxy = this.proxies.get(frozen);
        hangAndResume(frozen.name() + " frozen", proxy::freeze, proxy::thaw, expectations(frozen));
    }

    /**
     * The real thing: the embedded PostgreSQL's postmaster and every backend it forked
     * stopped with {@code SIGSTOP} (found through {@code postmaster.pid}), then
     * continued.
     */
    @Test
    void requestsAnswerWithinTheBoundWhilePostgresIsStoppedBySigstop() throws Exception {
        List<Long> processes = postgresProcesses();
        try {
            hangAndResume("PostgreSQL SIGSTOPped", () -> signal("STOP", processes), () -> signal("CONT", processes),
                    expectations(Store.POSTGRES));
        }
        finally {
            signal("CONT", processes);
        }
    }

    private void hangAndResume(String hang, Runnable stop, Runnable resume, Map<String, Integer> expected)
            throws Exception {
        Owner owner = productWithImages();

        stop.run();
        Map<String, Timed> answers;
        try {
            answers = allAtOnce(requestsOf(owner));
        }
        finally {
            resume.run();
        }
        answers.forEach((request, answer) -> System.out.printf("%s: %s answered %s in %d ms%n", hang, request,
                (answer.response() != null) ? answer.response().status() : answer.failure(), answer.took().toMillis()));

        answers.forEach((request, answer) -> {
            assertThat(answer.response()).as(request + " with " + hang + ": " + answer.failure()).isNotNull();
            assertThat(answer.took()).as(request + " with " + hang + ": " + answer.response())
                .isLessThan(ANSWERED_WITHIN);
            Response response = answer.response();
            if (response.status() == 503) {
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.json().path("code").asString()).as(request).isIn(UNAVAILABLE_CODES);
                assertThat(response.header("Retry-After")).as(request).matches("[0-9]+");
                assertThat(response.header("ETag")).as(request + ": the problem is not the bytes").isNull();
            }
        });
        expected.forEach((request, status) -> assertThat(answers.get(request).response().status())
            .as(request + " with " + hang + ": " + answers.get(request).response())
            .isEqualTo(status));

        await().atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> assertThat(
                    this.api.get("/api/products/" + owner.product()).json().path("mediaAvailable").asBoolean())
                .isTrue());
        Map<String, Timed> after = allAtOnce(requestsOf(owner));
        assertThat(after.get("read the product").response().status()).isEqualTo(200);
        assertThat(after.get("deliver media not read before").response().status()).isEqualTo(200);
        assertThat(after.get("deliver a range").response().status()).isEqualTo(206);
        assertThat(after.get("upload an image").response().status()).isEqualTo(201);
        // It may have been deleted while the store hung, once the store read what waited.
        assertThat(after.get("delete an image").response().status()).isIn(204, 404);
        assertThat(this.api.fetch("GET", owner.doomed()).status()).isEqualTo(404);
        assertThat(after.get("deliver media read before").response().status()).isEqualTo(200);
        assertThat(after.get("reconcile (dry run)").response().status()).isEqualTo(200);
        // The connection that listens for deletions made by other instances is back.
        MeterRegistry meters = this.service.getBean(MeterRegistry.class);
        await().atMost(Duration.ofSeconds(30))
            .untilAsserted(() -> assertThat(meters.get("dualdb.media.change.listener.up").gauge().value()).isOne());

        assertNothingHalfWritten(hang);
    }

    private List<Long> postgresProcesses() throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(this.postgresData.resolve("postmaster.pid")).get(0).trim());
        List<Long> processes = new ArrayList<>();
        processes.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().children().forEach((child) -> processes.add(child.pid()));
        return processes;
    }

    private static void signal(String signal, List<Long> processes) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach((pid) -> command.add(Long.toString(pid)));
        try {
            // A backend may have ended meanwhile (kill then reports it and goes on with
            // the
            // others); the postmaster is checked below.
            Process kill = new ProcessBuilder(command).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroy();
                throw new IllegalStateException(command + " did not finish");
            }
            if (ProcessHandle.of(processes.get(0)).isEmpty()) {
                throw new IllegalStateException("The postmaster " + processes.get(0) + " is gone");
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private Map<String, Integer> expectations(Store frozen) {
        return switch (frozen) {
            // The catalog answers without media (degraded mode); everything else about
            // media needs PostgreSQL.
            case POSTGRES -> Map.of("read the product", 200, "deliver media not read before", 503, "deliver a range",
                    503, "upload an image", 503, "delete an image", 503, "deliver media read before", 200,
                    "reconcile (dry run)", 503, "liveness", 200);
            // Writes and catalog reads need MongoDB. Media served before is served from
            // the delivery cache; media never served may have been looked up already
            // (either answer is right, as long as it comes in time).
            case MONGODB -> Map.of("read the product", 503, "upload an image", 503, "delete an image", 503,
                    "deliver media read before", 200, "reconcile (dry run)", 503, "liveness", 200);
            // Reading the catalog and deleting (a row, and a queue entry for the
            // collector) do not need the bytes.
            case S3 -> Map.of("read the product", 200, "deliver media not read before", 503, "deliver a range", 503,
                    "upload an image", 503, "delete an image", 204, "deliver media read before", 503,
                    "reconcile (dry run)", 503, "liveness", 200);
        };
    }

    private Map<String, Callable<Response>> requestsOf(Owner owner) {
        Map<String, Callable<Response>> requests = new LinkedHashMap<>();
        requests.put("read the product", () -> this.api.get("/api/products/" + owner.product()));
        requests.put("deliver media not read before", () -> this.api.fetch("GET", owner.cold()));
        requests.put("deliver a range", () -> this.api.fetch("GET", owner.ranged(), "Range", "bytes=0-9"));
        requests.put("upload an image", () -> {
            Sample image = Sample.image();
            return this.api.multipart("/api/products/" + owner.product() + "/images",
                    new Multipart().file("files", image.fileName(), image.contentType(), image.bytes()));
        });
        requests.put("delete an image", () -> this.api
            .delete("/api/products/" + owner.product() + "/images/" + owner.doomed().substring("/media/".length())));
        requests.put("deliver media read before", () -> this.api.fetch("GET", owner.warm()));
        requests.put("reconcile (dry run)", () -> this.api.post("/api/admin/reconciliation?dryRun=true"));
        requests.put("liveness", () -> this.api.get("/actuator/health/liveness"));
        return requests;
    }

    private Owner productWithImages() {
        Response created = this.api.post("/api/products",
                Map.of("name", "Lamp", "price", 30, "sku", "LAMP-" + UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String product = created.json().path("id").asString();
        String warm = uploadedImage(product);
        // Served once, so this instance's delivery cache knows it.
        assertThat(this.api.fetch("GET", warm).status()).isEqualTo(200);
        return new Owner(product, uploadedImage(product), uploadedImage(product), uploadedImage(product), warm);
    }

    private String uploadedImage(String product) {
        Sample image = Sample.image();
        Response uploaded = this.api.multipart("/api/products/" + product + "/images",
                new Multipart().file("files", image.fileName(), image.contentType(), image.bytes()));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return uploaded.json().get(0).path("imageUrl").asString();
    }

    /**
     * No indexed blob without its bytes; after one reconciler run (which collects bytes
     * an interrupted upload left unrecorded) a dry run finds nothing, the bucket holds
     * exactly what the index names, and no staging file is left.
     */
    private void assertNothingHalfWritten(String hang) throws Exception {
        Set<String> stored = storedHashes();
        assertThat(stored).as("every indexed blob is stored").containsAll(indexedHashes());

        Response repair = this.api.post("/api/admin/reconciliation");
        assertThat(repair.status()).as(repair.toString()).isEqualTo(200);
        // What a step cut off by the hang may leave is what a crash there leaves: bytes
        // whose rows never came (collected now). Never a row without bytes, nor damage.
        repair.json().path("findings").properties().forEach((finding) -> {
            long found = finding.getValue().path("found").asLong();
            if (found > 0) {
                System.out.printf("%s: the reconciler found %d %s%n", hang, found, finding.getKey());
            }
            if (!GARBAGE_A_CUT_OFF_STEP_LEAVES.contains(finding.getKey())) {
                assertThat(found).as(finding.getKey() + " in " + repair).isZero();
            }
        });
        Response dryRun = this.api.post("/api/admin/reconciliation?dryRun=true");
        assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(200);
        JsonNode findings = dryRun.json().path("findings");
        findings.properties()
            .forEach((finding) -> assertThat(finding.getValue().path("found").asLong())
                .as(finding.getKey() + " in " + dryRun)
                .isZero());
        assertThat(storedHashes()).isEqualTo(indexedHashes());
        try (Stream<Path> left = Files.exists(this.staging) ? Files.list(this.staging) : Stream.empty()) {
            assertThat(left.toList()).as("staging files").isEmpty();
        }
    }

    private Set<String> indexedHashes() throws Exception {
        Set<String> hashes = new HashSet<>();
        try (Connection connection = this.postgres.getPostgresDatabase().getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT sha256 FROM blobs")) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        return hashes;
    }

    private Set<String> storedHashes() {
        try (S3Client client = S3Client.builder()
            .endpointOverride(this.s3.endpoint())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider
                .create(AwsBasicCredentials.create(InProcessS3.ACCESS_KEY, InProcessS3.SECRET_KEY)))
            .build()) {
            Set<String> hashes = new HashSet<>();
            client.listObjectsV2Paginator((list) -> list.bucket(this.s3.bucket()))
                .contents()
                .forEach((object) -> hashes.add(object.key().substring(object.key().lastIndexOf('/') + 1)));
            return hashes;
        }
    }

    private static Map<String, Timed> allAtOnce(Map<String, Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            Map<String, Future<Timed>> pending = new LinkedHashMap<>();
            requests.forEach((name, request) -> pending.put(name, pool.submit(() -> {
                long start = System.nanoTime();
                try {
                    return new Timed(request.call(), Duration.ofNanos(System.nanoTime() - start), null);
                }
                catch (RuntimeException ex) {
                    return new Timed(null, Duration.ofNanos(System.nanoTime() - start), ex.toString());
                }
            })));
            Map<String, Timed> answers = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Timed>> entry : pending.entrySet()) {
                answers.put(entry.getKey(), entry.getValue().get(70, TimeUnit.SECONDS));
            }
            return answers;
        }
        finally {
            pool.shutdownNow();
        }
    }

    /**
     * A product with four stored images: one never read, one read by range, one to
     * delete, one read before.
     */
    private record Owner(String product, String cold, String ranged, String doomed, String warm) {
    }

    private record Timed(Response response, Duration took, String failure) {
    }

}
