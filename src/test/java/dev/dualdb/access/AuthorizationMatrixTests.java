package dev.dualdb.access;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.dualdb.access.AccessCase.Request;
import dev.dualdb.access.Cast.Column;
import dev.dualdb.blob.StorageProperties;
import dev.dualdb.media.internal.AccessCounts;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization matrix of issue 8, generated from the live OpenAPI document: every
 * operation, every case of its row in {@link RouteTable}, every column of the rule table.
 * An allowed caller gets a 2xx (or, for a request minimal on purpose, a 4xx that is not
 * 401, 403 or 404); everyone else gets 401, 403 or 404 as a problem, and MongoDB,
 * PostgreSQL and the blob directory are the same after the refused request as before it.
 */
class AuthorizationMatrixTests extends ApiTest {

    private static final Set<Integer> REFUSALS = Set.of(401, 403, 404);

    @Autowired
    private StorageProperties storage;

    @Autowired
    private AccessCounts accessCounts;

    private Cast cast;

    private World shared;

    private StoreSnapshot stores;

    private final AtomicInteger allowedCalls = new AtomicInteger();

    private final AtomicInteger refusedCalls = new AtomicInteger();

    private final AtomicInteger refusedAssertions = new AtomicInteger();

    private final Set<String> covered = new TreeSet<>();

    @TestFactory
    Stream<DynamicTest> everyOperationForEveryColumn() {
        Map<String, Operation> operations = operations(JsonMapper.builder().build().readTree(api.openApiDocument()));
        MatrixLogin login = new MatrixLogin();
        Map<String, List<AccessCase>> rows = RouteTable.rows(login);
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every operation has a row, every row an operation", () -> {
            assertThat(new TreeSet<>(rows.keySet())).as("rows of RouteTable and MediaRouteTable")
                .containsExactlyElementsOf(new TreeSet<>(operations.keySet()));
            operations.forEach((id, operation) -> {
                if (operation.multipart()) {
                    assertThat(rows.get(id)).as(id + " takes multipart: it needs a multipart case")
                        .anyMatch((c) -> c.label().equals("multipart"));
                }
            });
        }));
        tests.add(DynamicTest.dynamicTest("set up the callers and a world", () -> {
            this.cast = Cast.create(api, (roles) -> logIn(roles));
            login.register(this.cast.anonymous());
            this.shared = World.create(this.cast);
            this.stores = new StoreSnapshot(this.mongo, this.jdbc, this.storage.local().directory());
            // Some report must exist for the admin to read one.
            assertThat(api.post("/api/admin/reconciliation?dryRun=true").status()).isEqualTo(200);
        }));
        operations.forEach((id, operation) -> tests.add(DynamicTest.dynamicTest(id, () -> {
            assertThat(this.cast).as("the callers were set up").isNotNull();
            for (AccessCase row : rows.getOrDefault(id, List.of())) {
                check(id, operation, row);
            }
        })));
        tests.add(DynamicTest.dynamicTest("summary", () -> {
            String summary = String.format(Locale.ROOT,
                    "Authorization matrix: %d operations x %d roles (%d route cases), %d allowed calls, "
                            + "%d refused calls with %d refused-case assertions",
                    operations.size(), Column.values().length, this.covered.size(), this.allowedCalls.get(),
                    this.refusedCalls.get(), this.refusedAssertions.get());
            System.out.println(summary);
            assertThat(this.covered).hasSizeGreaterThanOrEqualTo(operations.size());
        }));
        return tests.stream();
    }

    private void check(String id, Operation operation, AccessCase row) {
        String name = id + (row.label().isEmpty() ? "" : " (" + row.label() + ")");
        this.covered.add(name);
        for (Column column : Column.values()) {
            if (row.allowed().contains(column)) {
                continue;
            }
            Request request = row.call().apply(this.shared, new Cast.Who(this.cast, column));
            assertThat(operation.matches(request)).as(name + ": " + request + " is " + operation).isTrue();
            this.accessCounts.flush();
            Map<String, Object> before = snapshot(this.shared);
            ApiClient.Response response = request.send(this.cast.client(column));
            this.accessCounts.flush();
            String what = name + " as " + column + ": " + request + " -> " + response;
            assertThat(response.status()).as(what).isIn(REFUSALS);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            if (column == Column.ANONYMOUS && response.status() == 404) {
                // A public route (anyone reads the media of a product) that hides what
                // the
                // caller may not see, as for anyone else.
                assertThat(request.method()).as(what).isIn("GET", "HEAD");
                this.refusedAssertions.addAndGet(1);
            }
            else if (column == Column.ANONYMOUS) {
                assertThat(response.status()).as(what).isEqualTo(401);
                assertThat(response.header("WWW-Authenticate")).as(what).startsWith("Bearer");
                this.refusedAssertions.addAndGet(2);
            }
            assertThat(snapshot(this.shared)).as(what + " changed the stores").isEqualTo(before);
            this.refusedCalls.incrementAndGet();
            this.refusedAssertions.addAndGet(3);
        }
        for (Column column : row.allowed()) {
            World world = row.mutates() ? World.create(this.cast) : this.shared;
            Request request = row.call().apply(world, new Cast.Who(this.cast, column));
            assertThat(operation.matches(request)).as(name + ": " + request + " is " + operation).isTrue();
            ApiClient.Response response = request.send(this.cast.client(column));
            String what = name + " as " + column + ": " + request + " -> " + response;
            if (request.malformed()) {
                assertThat(response.status()).as(what).isBetween(400, 499).isNotIn(REFUSALS);
            }
            else {
                assertThat(response.status()).as(what)
                    .satisfiesAnyOf((s) -> assertThat(s).isBetween(200, 299),
                            (s) -> assertThat(s).isBetween(400, 499).isNotIn(REFUSALS));
            }
            this.allowedCalls.incrementAndGet();
        }
    }

    private Map<String, Object> snapshot(World world) {
        return this.stores.take("products", world.productId(), "courses", world.courseId(), "enrollments",
                world.enrollmentId(), "users", this.cast.student().id(), "users", this.cast.enrolled().id(), "users",
                this.cast.instructor().id(), "users", this.cast.otherInstructor().id(), "users",
                this.cast.bystander().id());
    }

    /** Every operation of the document by its id. */
    private static Map<String, Operation> operations(JsonNode document) {
        Map<String, Operation> operations = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
            JsonNode operation = method.getValue();
            if (!operation.has("operationId")) {
                return;
            }
            String id = operation.path("operationId").asString();
            assertThat(seen.add(id)).as("operationId " + id + " is unique").isTrue();
            boolean multipart = operation.path("requestBody").path("content").has("multipart/form-data");
            operations.put(id, new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), multipart));
        }));
        return operations;
    }

    /**
     * An operation of the document.
     *
     * @param method its HTTP method
     * @param path its path template
     * @param multipart whether it takes multipart/form-data
     */
    record Operation(String method, String path, boolean multipart) {

        boolean matches(Request request) {
            String path = request.path().split("\\?")[0];
            return this.method.equals(request.method()) && path.matches(this.path.replaceAll("\\{[^}]+}", "[^/]+"));
        }

        @Override
        public String toString() {
            return this.method + " " + this.path;
        }

    }

    /** The user the matrix logs in as, registered through the API. */
    private static final class MatrixLogin implements RouteTable.Login {

        private final String email = Cast.unique("matrix") + "@example.com";

        private ApiClient client;

        void register(ApiClient anonymous) {
            this.client = anonymous;
            ApiClient.Response registered = anonymous.post("/api/auth/register",
                    Map.of("email", this.email, "name", "Matrix", "password", PASSWORD));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }

        @Override
        public String email() {
            return this.email;
        }

        @Override
        public String refreshToken() {
            ApiClient.Response login = this.client.post("/api/auth/login",
                    Map.of("email", this.email, "password", PASSWORD));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            return login.json().path("refreshToken").asString();
        }

    }

}
