package dev.dualdb.media;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import dev.dualdb.embedded.EmbeddedPostgresServer;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.TestUsers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The original {@code DB_ENABLED=false}: no PostgreSQL at all, the catalog works, media
 * says it is unavailable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "dualdb.postgres.enabled=false")
@ActiveProfiles("test")
class PostgresDisabledTests {

    @Autowired
    ApplicationContext context;

    ApiClient api;

    @BeforeEach
    void client() {
        this.api = TestUsers.adminOf((ConfigurableApplicationContext) this.context);
    }

    @Test
    void noDataSourceOrEmbeddedPostgresExists() {
        assertThat(this.context.getBeanNamesForType(DataSource.class)).isEmpty();
        assertThat(this.context.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
    }

    @Test
    void catalogWorksAndMediaIsReportedUnavailable() {
        Response created = this.api.post("/api/products", Map.of("name", "Mug", "price", 8, "sku", "MUG-DISABLED"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        Response read = this.api.get("/api/products/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("mediaAvailable").asBoolean()).isFalse();

        Response write = this.api.post("/api/products/" + id + "/images",
                Map.of("images", List.of(Map.of("imageUrl", "https://cdn.example.com/mug.jpg"))));
        assertThat(write.status()).isEqualTo(503);
        assertThat(write.header("Retry-After")).isNotBlank();
        assertThat(write.json().path("code").asString()).isEqualTo("media-store-unavailable");

        Response health = this.api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("components").path("postgresql").path("status").asString()).isEqualTo("DEGRADED");
    }

}
