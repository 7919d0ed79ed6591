package dev.dualdb.system;

import java.util.List;
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
        // An encoded NUL is refused by Tomcat itself, before any route: still a problem.
        assertProblem(api.malformed().delete("/api/products/%00"), 400, "malformed-request");
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
        assertThat(notAllowed.header("Allow")).contains("GET", "POST").doesNotContain("PUT");
    }

    @Test
    void theSectionOrderIsOnlyPutAndASectionIdIsStillAnId() {
        String course = api.post("/api/courses", Map.of("title", "Order")).json().path("id").asString();

        Response patch = api.malformed()
            .raw("PATCH", "/api/courses/" + course + "/sections/order", "application/json", "{\"title\":\"x\"}");
        assertProblem(patch, 405, "method-not-allowed");
        assertThat(patch.header("Allow")).isEqualTo("PUT");
        assertProblem(api.malformed().delete("/api/courses/" + course + "/sections/order"), 405, "method-not-allowed");
        assertProblem(api.malformed().patch("/api/courses/" + course + "/sections/not-an-id", Map.of("title", "x")),
                400, "malformed-id");
        assertProblem(api.malformed().delete("/api/courses/" + course + "/sections/orders"), 400, "malformed-id");
    }

    @Test
    void aQueryStringThatCannotBeParsedIs400OnEveryRoute() {
        for (String route : List.of("/actuator/health", "/api/products", "/api/products/0123456789abcdef01234567",
                "/media/7d1c2f40-0000-4000-8000-000000000000", "/api/nothing-here")) {
            for (String query : List.of("?=x", "?a=%ZZ", "?a=%E2%82")) {
                assertProblem(api.malformed().get(route + query), 400, "malformed-query");
            }
        }
    }

    @Test
    void bodiesAreStrictAboutTypes() {
        Response bool = api.malformed().post("/api/courses", Map.of("title", false));
        assertProblem(bool, 400, "malformed-body");
        assertThat(bool.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertProblem(api.malformed().post("/api/courses", Map.of("title", 12)), 400, "malformed-body");
        assertProblem(api.malformed().post("/api/products", Map.of("name", "x", "price", "12", "sku", unique("S"))),
                400, "malformed-body");
        assertProblem(
                api.malformed()
                    .post("/api/products", Map.of("name", "x", "price", 1, "sku", unique("S"), "stock", 1.5)),
                400, "malformed-body");
        assertProblem(
                api.malformed().post("/api/products", Map.of("name", "x", "price", 1, "sku", unique("S"), "status", 0)),
                400, "malformed-body");
        assertProblem(api.malformed().patch("/api/products/0123456789abcdef01234567", Map.of("stock", "3")), 400,
                "malformed-body");
        assertThat(mongo.getCollection("courses").countDocuments(new org.bson.Document("title", "false"))).isZero();
    }

    @Test
    void anUnknownPropertyIsRefusedByName() {
        Response top = api.malformed().post("/api/courses", Map.of("title", "Colour", "color", "red"));
        assertProblem(top, 400, "unknown-property");
        assertThat(top.json().path("errors").get(0).path("field").asString()).isEqualTo("color");
        assertThat(top.json().path("detail").asString()).contains("color");

        Response nested = api.malformed()
            .post("/api/products", Map.of("name", "x", "price", 1, "sku", unique("S"), "images",
                    List.of(Map.of("imageUrl", "https://cdn.example.com/a.jpg", "caption", "a"))));
        assertProblem(nested, 400, "unknown-property");
        assertThat(nested.json().path("errors").get(0).path("field").asString()).isEqualTo("images[0].caption");
    }

    @Test
    void pageParametersOutOfRangeAre400() {
        assertProblem(api.malformed().get("/api/products?size=0"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?size=1000"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?page=-1"), 400, "validation-failed");
        assertProblem(api.malformed().get("/api/products?page=abc"), 400, "invalid-parameter");
    }

}
