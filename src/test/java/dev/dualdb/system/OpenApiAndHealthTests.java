package dev.dualdb.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
    void everyOperationIsNamedAndDocumentsItsProblems() {
        JsonNode document = api.get("/v3/api-docs").json();

        assertThat(document.path("openapi").asString()).startsWith("3.0.");
        assertThat(document.has("security")).isTrue();
        List<String> ids = new ArrayList<>();
        document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
            String where = operation.getKey() + " " + path.getKey();
            JsonNode op = operation.getValue();
            ids.add(op.path("operationId").asString());
            assertThat(op.path("operationId").asString()).as(where).matches("[a-z][a-zA-Z]+");
            assertThat(op.path("summary").asString()).as(where).isNotBlank();
            assertThat(op.path("responses").has("500")).as(where).isFalse();
            assertThat(op.path("responses").has("400")).as(where).isTrue();
            assertThat(op.path("responses").has("503")).as(where).isTrue();
            op.path("responses").properties().forEach((response) -> {
                boolean error = response.getKey().startsWith("4") || response.getKey().startsWith("5");
                // A 416 has no body, HEAD none at all; health answers DOWN as health.
                boolean bodiless = response.getKey().equals("416") || operation.getKey().equals("head");
                boolean health = path.getKey().equals("/actuator/health") && response.getKey().equals("503");
                if (error && !bodiless && !health) {
                    assertThat(response.getValue().path("content").has("application/problem+json"))
                        .as(where + " " + response.getKey())
                        .isTrue();
                }
            });
        }));
        assertThat(ids).hasSizeGreaterThanOrEqualTo(45).doesNotHaveDuplicates();
    }

    @Test
    void idsCarryTheirShapeAndNullableFieldsSaySo() {
        JsonNode document = api.get("/v3/api-docs").json();
        JsonNode paths = document.path("paths");
        JsonNode schemas = document.path("components").path("schemas");

        JsonNode productId = paths.path("/api/products/{id}").path("get").path("parameters").get(0).path("schema");
        assertThat(productId.path("pattern").asString()).isEqualTo("^[0-9a-fA-F]{24}$");
        JsonNode mediaId = paths.path("/api/media/{id}").path("get").path("parameters").get(0).path("schema");
        assertThat(mediaId.path("format").asString()).isEqualTo("uuid");
        JsonNode size = paths.path("/api/products").path("get").path("parameters").get(1).path("schema");
        assertThat(size.path("minimum").asInt()).isEqualTo(1);
        assertThat(size.path("maximum").asInt()).isEqualTo(100);
        assertThat(schemas.path("ProductResponse").path("properties").path("description").path("nullable").asBoolean())
            .isTrue();
        assertThat(schemas.path("CourseResponse").path("properties").path("instructorId").path("nullable").asBoolean())
            .isTrue();
        assertThat(schemas.path("ProductImage").path("properties").path("altText").path("nullable").asBoolean())
            .isTrue();
        assertThat(schemas.path("ProductResponse").path("required")).hasSizeGreaterThan(10);
        assertThat(schemas.path("CreateProductRequest").path("additionalProperties").asBoolean(true)).isFalse();
        assertThat(paths.path("/media/{id}").path("get").path("responses").properties()).extracting(Map.Entry::getKey)
            .contains("200", "206", "304", "404", "416");
    }

    @Test
    void swaggerUiIsServed() {
        Response ui = api.get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger");
    }

}
