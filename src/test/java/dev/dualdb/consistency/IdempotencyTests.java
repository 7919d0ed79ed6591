package dev.dualdb.consistency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTests extends ApiTest {

    private static Map<String, Object> product(String sku) {
        return Map.of("name", "Rug", "price", 80, "sku", sku, "images",
                List.of(Map.of("imageUrl", "https://cdn.example.com/rug.jpg")));
    }

    private long productsWithSku(String sku) {
        return mongo.getCollection("products").countDocuments(new Document("sku", sku));
    }

    @Test
    void aRetryWithTheSameKeyReplaysTheFirstResponseAndCreatesNothing() {
        String key = UUID.randomUUID().toString();
        String sku = unique("RUG");

        Response first = api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key);
        Response retry = api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(productsWithSku(sku)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?",
                first.json().path("id").asString()))
            .isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIs422() {
        String key = UUID.randomUUID().toString();
        String sku = unique("RUG");
        assertThat(api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key).status()).isEqualTo(201);

        Response otherBody = api.postWithHeaders("/api/products", product(unique("OTHER")), "Idempotency-Key", key);
        Response otherPath = api.postWithHeaders("/api/users",
                Map.of("email", unique("u") + "@example.com", "name", "U"), "Idempotency-Key", key);

        assertProblem(otherBody, 422, "idempotency-key-reused");
        assertProblem(otherPath, 422, "idempotency-key-reused");
        assertThat(productsWithSku(sku)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneProduct() throws Exception {
        String key = UUID.randomUUID().toString();
        String sku = unique("RACE");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> future : pool.invokeAll(calls)) {
                statuses.add(future.get().status());
            }

            assertThat(statuses).containsOnly(201, 409).contains(201);
            assertThat(productsWithSku(sku)).isEqualTo(1);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        String key = UUID.randomUUID().toString();
        String taken = unique("TAKEN");
        assertThat(api.post("/api/products", product(taken)).status()).isEqualTo(201);

        Response conflict = api.postWithHeaders("/api/products", product(taken), "Idempotency-Key", key);
        assertProblem(conflict, 409, "duplicate-sku");
        assertThat(count("SELECT count(*) FROM idempotency_keys WHERE idempotency_key = ?", adminId() + " " + key))
            .isZero();

        String fresh = unique("FRESH");
        assertThat(api.postWithHeaders("/api/products", product(fresh), "Idempotency-Key", key).status())
            .isEqualTo(201);
    }

    @Test
    void anotherCallersKeyNeitherReplaysNorBlocks() {
        String key = UUID.randomUUID().toString();
        String sku = unique("SCOPED");
        Response mine = api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key);
        ApiClient other = logIn(Role.ADMIN).client();

        Response sameRequest = other.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key);
        String otherSku = unique("SCOPED");
        Response otherRequest = other.postWithHeaders("/api/products", product(otherSku), "Idempotency-Key", key);

        assertThat(mine.status()).as(mine.toString()).isEqualTo(201);
        assertProblem(sameRequest, 409, "duplicate-sku");
        assertThat(sameRequest.header("Idempotent-Replayed")).as("not the first caller's answer").isNull();
        assertThat(otherRequest.status()).as(otherRequest.toString()).isEqualTo(201);
        assertThat(otherRequest.header("Idempotent-Replayed")).isNull();
        assertThat(productsWithSku(sku)).isEqualTo(1);
        assertThat(productsWithSku(otherSku)).isEqualTo(1);
    }

    @Test
    void aRetryAfterACrashBetweenTheStepsFinishesTheFirstAttempt() {
        // The first attempt claimed its key, reserved the product id and wrote the
        // product to MongoDB, then the
        // service died before the images reached PostgreSQL.
        String key = UUID.randomUUID().toString();
        String sku = unique("CRASH");
        ObjectId reserved = new ObjectId();
        jdbc.sql("""
                INSERT INTO idempotency_keys (idempotency_key, request_method, request_path, state, reserved_id,
                    created_at, updated_at, expires_at)
                VALUES (?, 'POST', '/api/products', 'IN_PROGRESS', ?, now() - interval '1 hour',
                    now() - interval '1 hour', now() + interval '23 hours')""")
            .param(adminId() + " " + key)
            .param(reserved.toHexString())
            .update();
        mongo.insert(new Document("_id", reserved).append("name", "Rug")
            .append("sku", sku)
            .append("price", new Decimal128(80))
            .append("status", "DRAFT"), "products");

        Response retry = api.postWithHeaders("/api/products", product(sku), "Idempotency-Key", key);

        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(reserved.toHexString());
        assertThat(retry.json().path("images")).hasSize(1);
        assertThat(productsWithSku(sku)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", reserved.toHexString()))
            .isEqualTo(1);
    }

    @Test
    void aMalformedKeyIs400() {
        Response response = api.malformed()
            .postWithHeaders("/api/products", product(unique("BAD")), "Idempotency-Key", "x".repeat(300));

        assertProblem(response, 400, "invalid-idempotency-key");
    }

}
