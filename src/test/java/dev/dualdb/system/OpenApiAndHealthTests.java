package dev.dualdb.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class OpenApiAndHealthTests extends ApiTest {

    @Test
    void healthHasOneComponentPerStoreAndAllAreUp() {
        Response health = api.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        JsonNode components = health.json().path("components");
        assertThat(components.path("mongodb").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("postgresql").path("status").asString()).isEqualTo("UP");
        assertThat(components.path("blobStore").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutes() {
        Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().path("paths");
        assertThat(paths.has("/api/products")).isTrue();
        assertThat(paths.has("/api/products/{id}")).isTrue();
        assertThat(paths.has("/api/products/{id}/images")).isTrue();
        assertThat(paths.has("/api/products/{id}/images/{imageId}")).isTrue();
        assertThat(paths.has("/api/media")).isTrue();
        assertThat(paths.has("/api/media/{id}")).isTrue();
        assertThat(paths.has("/api/users")).isTrue();
        assertThat(paths.has("/api/courses/{courseId}/enrollments")).isTrue();
        assertThat(paths.has("/media/{id}")).isTrue();
        assertThat(paths.has("/media/{id}/renditions/{width}")).isTrue();
        assertThat(paths.has("/api/admin/reconciliation")).isTrue();
        assertThat(paths.has("/api/courses/{id}/videos")).isTrue();
        assertThat(paths.has("/api/courses/{id}/lessons/{lessonId}/resources")).isTrue();
        // Uploads and URL-recorded media share their paths: both bodies are described.
        JsonNode imageBodies = paths.path("/api/products/{id}/images").path("post").path("requestBody").path("content");
        assertThat(imageBodies.has("application/json")).isTrue();
        assertThat(imageBodies.has("multipart/form-data")).isTrue();
        assertThat(paths.path("/api/courses/{id}/videos")
            .path("post")
            .path("requestBody")
            .path("content")
            .has("multipart/form-data")).isTrue();
        assertThat(paths.path("/api/media").path("post").path("requestBody").path("content").has("multipart/form-data"))
            .isTrue();
        assertThat(docs.json().path("info").path("title").asString()).isEqualTo("dualdb");
    }

    @Test
    void swaggerUiIsServed() {
        Response ui = api.get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }

}
