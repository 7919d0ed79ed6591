package dev.dualdb.security.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;
import dev.dualdb.support.TestUsers.LoggedIn;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits, the instructors' quota and the audit trail, over HTTP with tiny limits.
 * Clients pose as different addresses through {@code X-Forwarded-For}, honoured because
 * this context sets {@code server.forward-headers-strategy=native} (as a deployment
 * behind a proxy must).
 */
@TestPropertySource(properties = { "server.forward-headers-strategy=native",
        "dualdb.security.limits.login-per-account=3/1h", "dualdb.security.limits.login-per-address=15/1h",
        "dualdb.security.limits.registration-per-address=2/1h", "dualdb.security.limits.uploads-per-user=2/1h",
        "dualdb.security.limits.upload-bytes-per-user=3500/1h", "dualdb.security.limits.instructor-quota=4KB",
        "dualdb.security.audit.flush-interval=1h" })
class AbuseLimitTests extends ApiTest {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    AuditTrail audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    BlobStore store;

    @Test
    void loginsAreLimitedPerAccountWithRetryAfter() {
        LoggedIn student = logIn(Role.STUDENT);
        String email = student.user().email();
        String address = "203.0.113.10";
        // The login of logIn was the first attempt.
        for (int i = 0; i < 2; i++) {
            assertProblem(login(address, email, "wrong password " + i), 401, "invalid-credentials");
        }
        Response refused = login(address, email, PASSWORD);
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        // Another account from the same address is not affected.
        assertProblem(login(address, "nobody-" + unique("x") + "@example.com", "whatever it is"), 401,
                "invalid-credentials");
    }

    @Test
    void loginsAreLimitedPerAddress() {
        String address = "203.0.113.20";
        for (int i = 0; i < 15; i++) {
            assertProblem(login(address, unique("nobody") + "@example.com", "whatever it is"), 401,
                    "invalid-credentials");
        }
        Response refused = login(address, unique("nobody") + "@example.com", "whatever it is");
        assertProblem(refused, 429, "rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        // Another address still gets an answer on the merits.
        assertProblem(login("203.0.113.21", unique("nobody") + "@example.com", "whatever it is"), 401,
                "invalid-credentials");
    }

    @Test
    void registrationsAreLimitedPerAddressAndNoUserIsCreatedWhenRefused() {
        String address = "203.0.113.30";
        assertThat(register(address, unique("a") + "@example.com").status()).isEqualTo(201);
        assertThat(register(address, unique("b") + "@example.com").status()).isEqualTo(201);
        String refusedEmail = unique("c") + "@example.com";
        Response refused = register(address, refusedEmail);
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(this.mongo.getCollection("users").countDocuments(new Document("email", refusedEmail))).isZero();
    }

    @Test
    void aLimitIsSharedByEveryInstanceOnTheSameDatabase() {
        // A second instance: its own buckets object on the same PostgreSQL.
        RateLimits otherInstance = new RateLimits(this.dataSource, Duration.ofSeconds(5), new SimpleMeterRegistry());
        String address = "203.0.113.40";
        AbuseLimitProperties.Rate rate = AbuseLimitProperties.Rate.valueOf("2/1h");
        assertThat(otherInstance.tryTake(AbuseLimits.REGISTRATION_ADDRESS, rate, address, 1)).isEmpty();
        assertThat(otherInstance.tryTake(AbuseLimits.REGISTRATION_ADDRESS, rate, address, 1)).isEmpty();

        assertProblem(register(address, unique("d") + "@example.com"), 429, "rate-limited");
        // And what this instance took, the other one sees.
        Optional<Duration> wait = otherInstance.tryTake(AbuseLimits.REGISTRATION_ADDRESS, rate, address, 1);
        assertThat(wait).isPresent();
        assertThat(count("SELECT count(*) FROM rate_limit_buckets WHERE id LIKE ?", "%:" + address)).isEqualTo(1);
    }

    @Test
    void uploadsAreLimitedPerUserByCount() {
        LoggedIn instructor = logIn(Role.INSTRUCTOR);
        Course course = course(instructor.client());
        assertThat(uploadResource(instructor.client(), course, 10).status()).isEqualTo(201);
        assertThat(uploadResource(instructor.client(), course, 10).status()).isEqualTo(201);
        Response refused = uploadResource(instructor.client(), course, 10);
        assertProblem(refused, 429, "rate-limited");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ?", course.id())).isEqualTo(2);
        // Admins are not limited.
        for (int i = 0; i < 3; i++) {
            assertThat(uploadResource(this.api, course, 10).status()).isEqualTo(201);
        }
    }

    @Test
    void uploadsAreLimitedPerUserByDeclaredBytes() throws IOException {
        LoggedIn instructor = logIn(Role.INSTRUCTOR);
        Course course = course(instructor.client());
        assertThat(uploadResource(instructor.client(), course, 1000).status()).isEqualTo(201);
        Set<String> stored = storedHashes();
        Response refused = uploadResource(instructor.client(), course, 2500);
        assertProblem(refused, 429, "rate-limited");
        assertThat(count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ?", course.id())).isEqualTo(1);
        assertThat(storedHashes()).isEqualTo(stored);
        assertThat(stagedFiles()).isZero();
    }

    @Test
    void anUploadOverTheInstructorsQuotaIsRefusedBeforeAnyByteIsKept() throws IOException {
        LoggedIn instructor = logIn(Role.INSTRUCTOR);
        Course course = course(instructor.client());
        assertThat(uploadResource(instructor.client(), course, 2000).status()).isEqualTo(201);
        Set<String> stored = storedHashes();

        Response refused = uploadResource(instructor.client(), course, 2500);

        assertProblem(refused, 413, "quota-exceeded");
        assertThat(count("SELECT count(*) FROM course_resources WHERE mongo_course_id = ?", course.id())).isEqualTo(1);
        assertThat(storedHashes()).isEqualTo(stored);
        assertThat(stagedFiles()).isZero();
        // An admin uploading into the same course is exempt.
        assertThat(uploadResource(this.api, course, 2500).status()).isEqualTo(201);
    }

    @Test
    void writesOfAdminsAndInstructorsAndFailedLoginsAreAudited() {
        LoggedIn instructor = logIn(Role.INSTRUCTOR);
        LoggedIn student = logIn(Role.STUDENT);
        Course course = course(instructor.client());
        Response product = this.api.post("/api/products",
                Map.of("name", "Audited lamp", "price", 20, "sku", unique("AUDIT")));
        String productId = product.json().path("id").asString();
        assertThat(this.api.delete("/api/products/" + productId).status()).isEqualTo(204);
        assertThat(instructor.client().delete("/api/products/" + productId).status()).isEqualTo(403);
        assertThat(student.client().get("/api/courses/" + course.id()).status()).isEqualTo(200);
        assertThat(student.client().post("/api/courses", Map.of("title", "Not mine")).status()).isEqualTo(403);
        assertProblem(login("203.0.113.50", student.user().email(), "not the password"), 401, "invalid-credentials");
        this.audit.flush();

        List<JsonNode> admin = events(adminId());
        assertThat(admin).anySatisfy((e) -> {
            assertThat(e.path("action").asString()).isEqualTo("WRITE");
            assertThat(e.path("method").asString()).isEqualTo("DELETE");
            assertThat(e.path("route").asString()).isEqualTo("/api/products/{id}");
            assertThat(e.path("targetIds").asString()).isEqualTo("id=" + productId);
            assertThat(e.path("status").asInt()).isEqualTo(204);
            assertThat(e.path("clientAddress").asString()).isEqualTo("127.0.0.1");
        });
        assertThat(admin).anySatisfy((e) -> {
            assertThat(e.path("method").asString()).isEqualTo("POST");
            assertThat(e.path("route").asString()).isEqualTo("/api/products");
            assertThat(e.path("status").asInt()).isEqualTo(201);
        });
        List<JsonNode> teacher = events(instructor.id());
        assertThat(teacher).anySatisfy((e) -> {
            assertThat(e.path("route").asString()).isEqualTo("/api/courses");
            assertThat(e.path("status").asInt()).isEqualTo(201);
        });
        assertThat(teacher).anySatisfy((e) -> {
            assertThat(e.path("method").asString()).isEqualTo("DELETE");
            assertThat(e.path("status").asInt()).isEqualTo(403);
        });
        // A student's reads and writes are not audited; their failed login is.
        List<JsonNode> learner = events(student.id());
        assertThat(learner).hasSize(1);
        assertThat(learner.get(0).path("action").asString()).isEqualTo("LOGIN_FAILED");
        assertThat(learner.get(0).path("status").asInt()).isEqualTo(401);
        assertThat(learner.get(0).path("clientAddress").asString()).isEqualTo("203.0.113.50");
        assertThat(learner.get(0).path("detail").asString()).isEqualTo(student.user().email());
        assertThat(count("SELECT count(*) FROM audit_events WHERE user_id = ? AND method = 'GET'", student.id()))
            .isZero();
    }

    @Test
    void theAuditTrailIsPagedNewestFirstAndForAdminsOnly() {
        LoggedIn instructor = logIn(Role.INSTRUCTOR);
        for (int i = 0; i < 3; i++) {
            course(instructor.client());
        }
        this.audit.flush();

        Response first = this.api.get("/api/admin/audit?size=2&page=0&userId=" + instructor.id());
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("totalElements").asLong()).isEqualTo(3);
        assertThat(first.json().path("items")).hasSize(2);
        Response last = this.api.get("/api/admin/audit?size=2&page=1&userId=" + instructor.id());
        assertThat(last.json().path("items")).hasSize(1);
        String newest = first.json().path("items").get(0).path("occurredAt").asString();
        String oldest = last.json().path("items").get(0).path("occurredAt").asString();
        assertThat(newest.compareTo(oldest)).isPositive();
        Response later = this.api.get("/api/admin/audit?userId=" + instructor.id() + "&since=2999-01-01T00:00:00Z");
        assertThat(later.json().path("items")).isEmpty();

        assertProblem(instructor.client().get("/api/admin/audit"), 403, "forbidden");
        assertProblem(this.api.anonymous().malformed().get("/api/admin/audit"), 401, "unauthenticated");
    }

    // --- helpers

    private Response login(String address, String email, String password) {
        return this.api.anonymous()
            .postWithHeaders("/api/auth/login", Map.of("email", email, "password", password), "X-Forwarded-For",
                    address);
    }

    private Response register(String address, String email) {
        return this.api.anonymous()
            .postWithHeaders("/api/auth/register", Map.of("email", email, "name", "New user", "password", PASSWORD),
                    "X-Forwarded-For", address);
    }

    private List<JsonNode> events(String userId) {
        Response page = this.api.get("/api/admin/audit?size=500&userId=" + userId);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().path("items").valueStream().toList();
    }

    private static Course course(ApiClient client) {
        Response created = client.post("/api/courses", Map.of("title", "Course " + unique("c"), "sections",
                List.of(Map.of("title", "S", "lessons", List.of(Map.of("title", "L"))))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode course = created.json();
        return new Course(course.path("id").asString(),
                course.path("sections").get(0).path("lessons").get(0).path("id").asString());
    }

    private static Response uploadResource(ApiClient client, Course course, int size) {
        byte[] text = "a".repeat(size).getBytes();
        return client.multipart("/api/courses/" + course.id() + "/lessons/" + course.lessonId() + "/resources",
                new Multipart().file("file", unique("notes") + ".txt", "text/plain", text));
    }

    private Set<String> storedHashes() {
        Set<String> hashes = new HashSet<>();
        this.store.forEachBlob((blob) -> hashes.add(blob.sha256()));
        return hashes;
    }

    private long stagedFiles() throws IOException {
        Path staging = ((LocalBlobStore) this.store).root().resolve("tmp");
        if (!Files.isDirectory(staging)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(staging)) {
            return files.count();
        }
    }

    private record Course(String id, String lessonId) {
    }

}
