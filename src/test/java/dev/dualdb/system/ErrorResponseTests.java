package dev.dualdb.system;

import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every sort is a 4xx problem+json with a stable code, never a 500 or a
 * stack trace.
 */
class ErrorResponseTests extends ApiTest {

    @Test
    void malformedObjectIdIs400() {
        assertProblem(api.malformed().get("/api/products/not-an-id"), 400, "malformed-id");
        assertProblem(api.malformed().get("/api/products/0123456789abcdef0123456z"), 400, "malformed-id");
        // An encoded NUL is refused by Tomcat itself, before any route: still a 400, no
        // stack trace.
        Response nul = api.malformed().delete("/api/products/%00");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body()).doesNotContain("Exception");
    }

    @Test
    void malformedUuidIs400() {
        String product = api.post("/api/products", Map.of("name", "Pen", "price", 1, "sku", unique("PEN")))
            .json()
            .path("id")
            .asString();

        assertProblem(api.malformed().delete("/api/products/" + product + "/images/123"), 400, "malformed-id");
    }

    @Test
    void unknownIdsAre404() {
        assertProblem(api.get("/api/products/0123456789abcdef01234567"), 404, "product-not-found");
        assertProblem(api.patch("/api/products/0123456789abcdef01234567", Map.of("stock", 1)), 404,
                "product-not-found");
        assertProblem(api.delete("/api/products/0123456789abcdef01234567"), 404, "product-not-found");
        assertProblem(api.get("/api/users/0123456789abcdef01234567"), 404, "user-not-found");
    }

    @Test
    void validationErrorsListEveryBadField() {
        Response response = api.malformed()
            .post("/api/products",
                    Map.of("name", " ", "price", -1, "currency", "euro", "sku", "has spaces", "stock", -5));

        assertProblem(response, 400, "validation-failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).contains("name", "price", "currency",
                "sku", "stock");
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.malformed().raw("POST", "/api/products", "application/json", "{\"name\": "), 400,
                "malformed-body");
        assertProblem(api.malformed().raw("POST", "/api/products", "application/json", "[1,2,3]"), 400,
                "malformed-body");
        assertProblem(api.malformed()
            .raw("POST", "/api/products", "application/json", "{\"name\":\"x\",\"price\":\"cheap\",\"sku\":\"A1\"}"),
                400, "malformed-body");
        assertProblem(
                api.malformed()
                    .raw("POST", "/api/products", "application/json",
                            "{\"name\":\"x\",\"price\":1,\"sku\":\"A1\",\"status\":\"SOLD_OUT\"}"),
                400, "malformed-body");
    }

    @Test
    void aHugeJsonBodyIs413WithoutBeingRead() {
        String huge = "{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"price\":1,\"sku\":\"HUGE\"}";

        assertProblem(api.malformed().raw("POST", "/api/products", "application/json", huge), 413, "request-too-large");
        assertThat(mongo.getCollection("products").countDocuments(new Document("sku", "HUGE"))).isZero();
    }

    @Test
    void anUnsupportedRequestContentTypeIs415() {
        assertProblem(api.malformed().raw("POST", "/api/products", "text/plain", "name=desk"), 415,
                "unsupported-media-type");
        assertProblem(api.malformed().raw("POST", "/api/users", "application/xml", "<user/>"), 415,
                "unsupported-media-type");
    }

    @Test
    void unknownRoutesAndMethodsAreProblemsToo() {
        assertProblem(api.malformed().get("/api/nothing-here"), 404, "no-such-route");
        Response notAllowed = api.malformed().raw("PUT", "/api/products", "application/json", "{}");
        assertProblem(notAllowed, 405, "method-not-allowed");
    }

    @Test
    void pageParametersOutOfRangeAre400() {
        assertProblem(api.malformed().get("/api/products?size=0"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?size=1000"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?page=-1"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?page=abc"), 400, "invalid-parameter");
    }

}
