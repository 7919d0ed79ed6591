package dev.dualdb.media;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.user.Role;

import static org.assertj.core.api.Assertions.assertThat;

class MediaApiTests extends ApiTest {

    private String product() {
        return api.post("/api/products", Map.of("name", "Lamp", "price", 20, "sku", unique("LAMP")))
            .json()
            .path("id")
            .asString();
    }

    private Response record(String referenceType, String referenceId, String url) {
        return api.post("/api/media", Map.of("referenceType", referenceType, "referenceId", referenceId, "mediaType",
                "DOCUMENT", "mediaUrl", url, "fileName", "manual.pdf", "fileSize", 1234));
    }

    @Test
    void recordsListsReadsCountsAndDeletesMediaOfAProduct() {
        String productId = product();

        Response created = record("PRODUCT", productId, "https://cdn.example.com/manual.pdf");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/media/" + id);
        assertThat(created.json().path("storageType").asString()).isEqualTo("EXTERNAL");
        assertThat(created.json().path("accessCount").asLong()).isZero();

        JsonNode list = api.get("/api/media?referenceType=PRODUCT&referenceId=" + productId).json();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).path("mediaUrl").asString()).isEqualTo("https://cdn.example.com/manual.pdf");
        assertThat(api.get("/api/media/" + id).json().path("fileName").asString()).isEqualTo("manual.pdf");

        api.post("/api/media/" + id + "/accesses");
        // Another admin: one user's accesses count once per view window.
        JsonNode counted = logIn(Role.ADMIN).client().post("/api/media/" + id + "/accesses").json();
        assertThat(counted.path("accessCount").asLong()).isEqualTo(2);
        assertThat(counted.path("lastAccessedAt").isNull()).isFalse();

        assertThat(api.delete("/api/media/" + id).status()).isEqualTo(204);
        assertThat(count("SELECT count(*) FROM media_storage WHERE id = ?::uuid", id)).isZero();
        assertProblem(api.get("/api/media/" + id), 404, "media-not-found");
        assertProblem(api.delete("/api/media/" + id), 404, "media-not-found");
    }

    @Test
    void mediaForAnOwnerThatDoesNotExistIsRefusedAndNotRecorded() {
        String missing = "0123456789abcdef01234567";

        assertProblem(record("PRODUCT", missing, "https://cdn.example.com/x.pdf"), 404, "product-not-found");
        assertProblem(record("USER", missing, "https://cdn.example.com/x.pdf"), 404, "user-not-found");
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id = ?", missing)).isZero();
    }

    @Test
    void unsafeUrlsAreRefused() {
        String productId = product();

        assertProblem(record("PRODUCT", productId, "javascript:alert(1)"), 400, "invalid-url");
        assertProblem(record("PRODUCT", productId, "file:///etc/passwd"), 400, "invalid-url");
        assertProblem(record("PRODUCT", productId, "https://user:secret@cdn.example.com/x.pdf"), 400, "invalid-url");
        assertProblem(record("PRODUCT", productId, "/relative/path.pdf"), 400, "invalid-url");
        assertThat(count("SELECT count(*) FROM media_storage WHERE reference_id = ?", productId)).isZero();
    }

    @Test
    void badIdsAndMissingFieldsAreClientErrors() {
        assertProblem(api.malformed().get("/api/media/not-a-uuid"), 400, "malformed-id");
        assertProblem(api.malformed().get("/api/media?referenceType=PRODUCT&referenceId=xyz"), 400, "malformed-id");
        assertProblem(api.malformed().get("/api/media?referenceType=SPACESHIP&referenceId=0123456789abcdef01234567"),
                400, "invalid-parameter");
        assertProblem(api.malformed().get("/api/media?referenceType=PRODUCT"), 400, "missing-parameter");
        Response invalid = api.malformed().post("/api/media", Map.of("referenceType", "PRODUCT", "referenceId", "123"));
        assertProblem(invalid, 400, "validation-failed");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).contains("referenceId", "mediaType",
                "mediaUrl");
    }

}
