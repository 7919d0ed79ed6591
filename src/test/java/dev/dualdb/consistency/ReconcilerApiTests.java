package dev.dualdb.consistency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class ReconcilerApiTests extends ApiTest {

    @Autowired
    DataSource dataSource;

    /**
     * A product with images whose MongoDB document is then removed behind the service's
     * back (a crash).
     */
    private String orphanedProduct() {
        Response created = api.post("/api/products", Map.of("name", "Vase", "price", 15, "sku", unique("VASE"),
                "images", List.of(Map.of("imageUrl", "https://cdn.example.com/vase.jpg"))));
        String id = created.json().path("id").asString();
        mongo.getCollection("products").deleteOne(new Document("_id", new ObjectId(id)));
        return id;
    }

    @Test
    void aDryRunReportsOrphanRowsAndLeavesThem() {
        String id = orphanedProduct();

        Response run = api.post("/api/admin/reconciliation?dryRun=true");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonNode orphans = run.json().path("findings").path("orphanRows");
        assertThat(orphans.path("found").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(orphans.path("repaired").asLong()).isZero();
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aRunRemovesTheRowsOfOwnersThatAreGoneAndKeepsTheOthers() {
        String orphan = orphanedProduct();
        String kept = api
            .post("/api/products",
                    Map.of("name", "Bowl", "price", 9, "sku", unique("BOWL"), "images",
                            List.of(Map.of("imageUrl", "https://cdn.example.com/bowl.jpg"))))
            .json()
            .path("id")
            .asString();

        Response run = api.post("/api/admin/reconciliation");

        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().path("findings").path("orphanRows").path("repaired").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", orphan)).isZero();
        assertThat(count("SELECT count(*) FROM product_images WHERE mongo_product_id = ?", kept)).isEqualTo(1);
        Response latest = api.get("/api/admin/reconciliation");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("dryRun").asBoolean()).isFalse();
        assertThat(latest.json().path("findings").has("danglingMongoPointers")).isTrue();
        Response metric = api.get("/actuator/metrics/dualdb.reconciler.repaired?tag=kind:orphanRows");
        assertThat(metric.status()).as(metric.toString()).isEqualTo(200);
        assertThat(metric.json().path("measurements").get(0).path("value").asDouble()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void onlyOneInstanceReconcilesAtATime() throws Exception {
        try (Connection other = this.dataSource.getConnection();
                PreparedStatement lock = other.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
            lock.setString(1, "dualdb-reconciler");
            lock.executeQuery().close();
            try {
                assertProblem(api.post("/api/admin/reconciliation"), 409, "reconciliation-running");
            }
            finally {
                try (PreparedStatement unlock = other.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
                    unlock.setString(1, "dualdb-reconciler");
                    unlock.executeQuery().close();
                }
            }
        }
        assertThat(api.post("/api/admin/reconciliation?dryRun=true").status()).isEqualTo(200);
    }

}
