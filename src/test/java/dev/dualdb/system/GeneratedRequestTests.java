package dev.dualdb.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.dualdb.blob.TestFiles;
import dev.dualdb.support.ApiClient;
import dev.dualdb.support.ApiClient.Response;
import dev.dualdb.support.ApiTest;
import dev.dualdb.support.Multipart;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests made from the OpenAPI document itself, for every operation it lists: malformed
 * and unknown ids, malformed query strings, parameters of the wrong type or out of range,
 * bodies with missing fields, wrong types, too long strings, out-of-range numbers and
 * unknown properties, the wrong content type, broken multipart forms, bad
 * {@code Idempotency-Key}s and {@code Range}s, and every method a path does not have. The
 * ids are real (created first), so that each request reaches as deep as its one mistake
 * lets it. No answer may be a 5xx; every 4xx must be a problem with a {@code code}; every
 * answer must match the document (checked by {@link ApiClient}). The document is saved to
 * {@code target/openapi.json} for {@code bench/lint-openapi}.
 */
class GeneratedRequestTests extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private static final String UNKNOWN_OBJECT_ID = "0123456789abcdef01234567";

    /** Any 4xx. */
    private static final int CLIENT_ERROR = -4;

    @TempDir
    Path files;

    private final List<String> failures = new ArrayList<>();

    private final Set<String> operations = new java.util.TreeSet<>();

    private int sent;

    private JsonNode document;

    private Map<String, String> ids;

    @Test
    void noGeneratedRequestIsAServerErrorAndEveryRefusalIsAProblem() throws IOException {
        String text = this.api.openApiDocument();
        this.document = JSON.readTree(text);
        Path saved = Path.of("target", "openapi.json");
        Files.createDirectories(saved.getParent());
        Files.writeString(saved, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(this.document));
        this.ids = createOwners();

        this.document.path("paths").properties().forEach((entry) -> {
            String path = entry.getKey();
            JsonNode item = entry.getValue();
            for (String method : List.of("get", "head", "post", "put", "patch", "delete")) {
                if (item.has(method)) {
                    exercise(path, method.toUpperCase(Locale.ROOT), item.path(method));
                }
            }
            wrongMethods(path, item);
        });

        System.out.println("Generated " + this.sent + " requests for " + this.operations.size() + " operations");
        assertThat(this.operations).hasSizeGreaterThanOrEqualTo(45);
        assertThat(this.failures).as("%d of %d generated requests", this.failures.size(), this.sent).isEmpty();
    }

    // --- the owners every deeper path needs

    private Map<String, String> createOwners() throws IOException {
        Map<String, String> owners = new LinkedHashMap<>();
        Response product = this.api.post("/api/products", Map.of("name", "Generated", "price", 1, "sku", unique("GEN"),
                "images", List.of(Map.of("imageUrl", "https://cdn.example.com/generated.jpg"))));
        owners.put("product", product.json().path("id").asString());
        owners.put("imageId", product.json().path("images").get(0).path("id").asString());
        byte[] png = Files.readAllBytes(TestFiles.image(this.files, "generated.png", "png", 400, 300, false));
        Response uploaded = this.api.multipart("/api/products/" + owners.get("product") + "/images",
                new Multipart().file("files", "generated.png", "image/png", png));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        owners.put("stored", uploaded.json().get(0).path("id").asString());
        owners.put("width", uploaded.json().get(0).path("renditions").get(0).path("width").asString());
        Response course = this.api.post("/api/courses", Map.of("title", "Generated", "sections",
                List.of(Map.of("title", "One", "lessons", List.of(Map.of("title", "First"))))));
        String courseId = course.json().path("id").asString();
        owners.put("course", courseId);
        owners.put("sectionId", course.json().path("sections").get(0).path("id").asString());
        owners.put("lessonId", course.json().path("sections").get(0).path("lessons").get(0).path("id").asString());
        owners.put("videoId",
                this.api
                    .post("/api/courses/" + courseId + "/videos", Map.of("videoType", "YOUTUBE", "videoUrl",
                            "https://www.youtube.com/watch?v=generated", "title", "Generated"))
                    .json()
                    .path("id")
                    .asString());
        owners.put("resourceId",
                this.api.post("/api/courses/" + courseId + "/lessons/" + owners.get("lessonId") + "/resources",
                        Map.of("resourceName", "Notes", "resourceType", "PDF", "resourceUrl",
                                "https://cdn.example.com/generated.pdf"))
                    .json()
                    .path("id")
                    .asString());
        owners.put("user",
                this.api.post("/api/users", Map.of("email", unique("generated") + "@example.com", "name", "Generated"))
                    .json()
                    .path("id")
                    .asString());
        owners.put("enrollmentId",
                this.api.post("/api/courses/" + courseId + "/enrollments", Map.of("userId", owners.get("user")))
                    .json()
                    .path("id")
                    .asString());
        owners.put("media",
                this.api
                    .post("/api/media",
                            Map.of("referenceType", "PRODUCT", "referenceId", owners.get("product"), "mediaType",
                                    "DOCUMENT", "mediaUrl", "https://cdn.example.com/generated.pdf"))
                    .json()
                    .path("id")
                    .asString());
        return owners;
    }

    /** The real value of a path parameter of {@code path}. */
    private String real(String path, String parameter) {
        if (!parameter.equals("id")) {
            return switch (parameter) {
                case "courseId" -> this.ids.get("course");
                case "width" -> this.ids.get("width");
                default -> this.ids.get(parameter);
            };
        }
        if (path.startsWith("/api/products")) {
            return this.ids.get("product");
        }
        if (path.startsWith("/api/courses")) {
            return this.ids.get("course");
        }
        if (path.startsWith("/api/users")) {
            return this.ids.get("user");
        }
        if (path.startsWith("/api/media")) {
            return this.ids.get("media");
        }
        return this.ids.get("stored");
    }

    // --- the requests

    private void exercise(String path, String method, JsonNode operation) {
        this.operations.add(operation.path("operationId").asString());
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameters::add);
        Map<String, String> pathValues = new LinkedHashMap<>();
        parameters.stream()
            .filter((p) -> p.path("in").asString().equals("path"))
            .forEach((p) -> pathValues.put(p.path("name").asString(), real(path, p.path("name").asString())));
        String realPath = fill(path, pathValues);
        String validQuery = validQuery(parameters);

        // Ids of the wrong shape, and ids of the right shape that name nothing.
        pathValues.forEach((name, value) -> {
            JsonNode schema = parameters.stream()
                .filter((p) -> p.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow()
                .path("schema");
            for (String wrong : wrongPathValues(schema)) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, wrong);
                expect(sendWithBody(operation, method, fill(path, values) + validQuery), 400, null);
            }
            Map<String, String> unknown = new LinkedHashMap<>(pathValues);
            unknown.put(name, "uuid".equals(schema.path("format").asString()) ? UUID.randomUUID().toString()
                    : schema.path("type").asString().equals("integer") ? "7" : UNKNOWN_OBJECT_ID);
            expect(sendWithBody(operation, method, fill(path, unknown) + validQuery), 0, null);
        });

        // Query strings that cannot be parsed, on a route that exists.
        for (String query : List.of("?=x", "?a=%ZZ", "?a=%E2%82", "?a=%", "?%=1")) {
            expect(sendWithBody(operation, method, realPath + query), 400, "malformed-query");
        }

        // Each query parameter wrong or missing, the others right.
        for (JsonNode parameter : parameters) {
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            String name = parameter.path("name").asString();
            for (String wrong : wrongQueryValues(parameter.path("schema"), method)) {
                // An empty value means the default.
                expect(send(method, realPath + query(parameters, name, wrong), null), wrong.isEmpty() ? 0 : 400, null);
            }
            if (parameter.path("required").asBoolean()) {
                expect(send(method, realPath + query(parameters, name, null), null), 400, null);
            }
        }

        // Headers: a bad Idempotency-Key, odd ranges and validators on the bytes.
        if (parameters.stream().anyMatch((p) -> p.path("name").asString().equals("Idempotency-Key"))) {
            for (String key : List.of("has space", "k".repeat(256))) {
                expect(send(method, realPath, bytes("{}"), "Content-Type", "application/json", "Idempotency-Key", key),
                        400, "invalid-idempotency-key");
            }
        }
        if (parameters.stream().anyMatch((p) -> p.path("name").asString().equals("Range"))) {
            for (String range : List.of("bytes=abc", "bytes=999999999-", "bytes=5-1", "items=0-1", "bytes=0-0,2-3",
                    "bytes=" + "0-1,".repeat(300) + "0-1")) {
                expect(send(method, realPath, null, "Range", range), 0, null);
            }
            expect(send(method, realPath, null, "If-None-Match", "garbage"), 0, null);
            expect(send(method, realPath, null, "If-Modified-Since", "not a date"), 0, null);
        }

        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            jsonBodies(method, realPath + validQuery, resolve(content.path("application/json").path("schema")));
        }
        if (content.has("multipart/form-data")) {
            multipartBodies(realPath, resolve(content.path("multipart/form-data").path("schema")));
        }
        if (!content.isMissingNode()) {
            expect(send(method, realPath, "name=x".getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain"), 415,
                    null);
            expect(send(method, realPath, "<x/>".getBytes(StandardCharsets.UTF_8), "Content-Type", "application/xml"),
                    415, null);
        }
    }

    private void jsonBodies(String method, String path, JsonNode schema) {
        for (String body : List.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":1,}", "{}")) {
            expect(send(method, path, bytes(body), "Content-Type", "application/json"), 0, null);
        }
        ObjectNode valid = example(schema);
        ObjectNode unknown = valid.deepCopy();
        unknown.put("notAProperty", 1);
        expect(send(method, path, bytes(unknown.toString()), "Content-Type", "application/json"), 400,
                "unknown-property");
        schema.path("properties").properties().forEach((property) -> {
            JsonNode propertySchema = resolve(property.getValue());
            wrongValues(propertySchema).forEach((wrong, status) -> {
                ObjectNode body = valid.deepCopy();
                body.set(property.getKey(), wrong);
                expect(send(method, path, bytes(body.toString()), "Content-Type", "application/json"), status, null);
            });
        });
        for (JsonNode required : schema.path("required")) {
            ObjectNode body = valid.deepCopy();
            body.remove(required.asString());
            expect(send(method, path, bytes(body.toString()), "Content-Type", "application/json"), 400, null);
        }
    }

    private void multipartBodies(String path, JsonNode schema) {
        expect(send("POST", path, bytes("--b--\r\n"), "Content-Type", "multipart/form-data; boundary=b"), 400, null);
        expect(send("POST", path, bytes(""), "Content-Type", "multipart/form-data; boundary=b"), 400, null);
        expect(send("POST", path, bytes("not multipart"), "Content-Type", "multipart/form-data"), 0, null);
        expect(send("POST", path, bytes("--b\r\nno headers\r\n--b--"), "Content-Type",
                "multipart/form-data; boundary=b"), 400, null);
        String fileField = schema.path("properties").has("files") ? "files" : "file";
        boolean fileRequired = false;
        for (JsonNode required : schema.path("required")) {
            fileRequired |= required.asString().equals(fileField);
        }
        // Without the file part: refused where the file is required (a product may come
        // without images).
        Multipart fieldsOnly = textFields(schema);
        expect(send("POST", path, fieldsOnly.bytes(), "Content-Type", fieldsOnly.contentType()), fileRequired ? 400 : 0,
                null);
        Multipart wrongName = textFields(schema).file("attachment", "a.png", "image/png", new byte[] { 1, 2, 3 });
        expect(send("POST", path, wrongName.bytes(), "Content-Type", wrongName.contentType()),
                fileRequired ? CLIENT_ERROR : 0, null);
        Multipart garbage = textFields(schema).file(fileField, "a.png", "image/png",
                "not the bytes of any known type".getBytes(StandardCharsets.UTF_8));
        expect(send("POST", path, garbage.bytes(), "Content-Type", garbage.contentType()), 0, null);
        Multipart octets = textFields(schema).file(fileField, "a.bin", "application/octet-stream", new byte[0]);
        expect(send("POST", path, octets.bytes(), "Content-Type", octets.contentType()), 0, null);
    }

    private Multipart textFields(JsonNode schema) {
        Multipart form = new Multipart();
        schema.path("properties").properties().forEach((property) -> {
            JsonNode propertySchema = resolve(property.getValue());
            if ("binary".equals(propertySchema.path("format").asString())
                    || propertySchema.path("type").asString().equals("array")) {
                return;
            }
            String value = switch (property.getKey()) {
                case "product" -> "{\"name\":\"Generated\",\"price\":1,\"sku\":\"" + unique("GEN") + "\"}";
                case "referenceId" -> this.ids.get("product");
                case "lessonId" -> this.ids.get("lessonId");
                default -> example(propertySchema, property.getKey()).asString();
            };
            form.field(property.getKey(), value);
        });
        return form;
    }

    /** Each method a path does not have is a 405 naming the ones it has. */
    private void wrongMethods(String path, JsonNode item) {
        Map<String, String> values = new LinkedHashMap<>();
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{(\\w+)}").matcher(path);
        while (names.find()) {
            values.put(names.group(1), real(path, names.group(1)));
        }
        String realPath = fill(path, values);
        for (String method : METHODS) {
            if (item.has(method)) {
                continue;
            }
            Response answer = send(method.toUpperCase(Locale.ROOT), realPath, null);
            if (answer == null) {
                continue;
            }
            String allow = String.valueOf(answer.header("Allow"));
            boolean listsEach = METHODS.stream()
                .filter(item::has)
                .allMatch((m) -> allow.contains(m.toUpperCase(Locale.ROOT)));
            if (answer.status() != 405 || !listsEach) {
                fail(method + " " + realPath, answer, "expected 405 with Allow listing the documented methods");
            }
            expect(answer, 405, "method-not-allowed");
        }
    }

    // --- sending and judging

    private Response send(String method, String path, byte[] body, String... headers) {
        this.sent++;
        try {
            return this.api.malformed().request(method, path, body, headers);
        }
        catch (AssertionError ex) {
            // The answer does not match the document.
            this.failures.add(method + " " + path + ": " + ex.getMessage());
            return null;
        }
    }

    /**
     * No 5xx; a 4xx is a problem with a code; {@code status} (when not 0) and
     * {@code code} (when not null) as expected.
     */
    private void expect(Response answer, int status, String code) {
        if (answer == null) {
            return;
        }
        String where = "request #" + this.sent;
        if (answer.status() >= 500) {
            fail(where, answer, "a server error");
            return;
        }
        if (status == CLIENT_ERROR && (answer.status() < 400 || answer.status() >= 500)) {
            fail(where, answer, "expected a 4xx");
        }
        else if (status > 0 && answer.status() != status) {
            fail(where, answer, "expected " + status);
        }
        if (answer.status() >= 400 && answer.status() != 416 && answer.body() != null && !answer.body().isEmpty()) {
            if (!String.valueOf(answer.contentType()).startsWith("application/problem+json")
                    || !answer.json().path("code").isString()) {
                fail(where, answer, "a 4xx that is not a problem with a code");
            }
            else if (code != null && !code.equals(answer.json().path("code").asString())) {
                fail(where, answer, "expected code " + code);
            }
        }
    }

    private void fail(String where, Response answer, String why) {
        this.failures.add(where + ": " + why + ": " + answer);
    }

    // --- values from schemas

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String name = resolved.path("$ref").asString().substring("#/components/schemas/".length());
            resolved = this.document.path("components").path("schemas").path(name);
        }
        return resolved;
    }

    /** A body with every required property set to a value its schema accepts. */
    private ObjectNode example(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        for (JsonNode required : schema.path("required")) {
            String name = required.asString();
            body.set(name, example(resolve(schema.path("properties").path(name)), name));
        }
        return body;
    }

    private JsonNode example(JsonNode schema, String name) {
        if (schema.has("enum")) {
            return schema.path("enum").get(0);
        }
        String type = schema.path("type").asString();
        return switch (type) {
            case "integer", "number" -> JSON.getNodeFactory().numberNode(schema.path("minimum").asInt(1));
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> JSON.createArrayNode();
            case "object" -> example(schema);
            default -> JSON.getNodeFactory().stringNode(exampleText(schema, name));
        };
    }

    private String exampleText(JsonNode schema, String name) {
        String pattern = schema.path("pattern").asString();
        if (pattern.contains("0-9a-fA-F]{24}")) {
            return name.equals("userId") ? this.ids.get("user") : this.ids.get("product");
        }
        if (pattern.equals("^[A-Z]{3}$")) {
            return "EUR";
        }
        if ("email".equals(schema.path("format").asString())) {
            return unique("gen") + "@example.com";
        }
        if (name.toLowerCase(Locale.ROOT).endsWith("url")) {
            return "https://cdn.example.com/generated";
        }
        return unique("GEN");
    }

    /**
     * Values of the wrong type, too long, out of range, or null, each with the status it
     * must get: 400 for a value the schema refuses outright (a wrong JSON type is never
     * converted), any non-5xx for the rest.
     */
    private Map<JsonNode, Integer> wrongValues(JsonNode schema) {
        var nodes = JSON.getNodeFactory();
        Map<JsonNode, Integer> wrong = new LinkedHashMap<>();
        wrong.put(nodes.nullNode(), 0);
        String type = schema.path("type").asString();
        if (!type.equals("object")) {
            wrong.put(nodes.objectNode(), 400);
        }
        switch (type) {
            case "string" -> {
                wrong.put(nodes.numberNode(12), 400);
                wrong.put(nodes.booleanNode(false), 400);
                wrong.put(nodes.arrayNode().add("x"), 400);
                wrong.put(nodes.stringNode(""), 0);
                wrong.put(nodes.stringNode(" "), 0);
                if (schema.has("maxLength")) {
                    wrong.put(nodes.stringNode("x".repeat(schema.path("maxLength").asInt() + 1)), 400);
                }
                else {
                    wrong.put(nodes.stringNode("x".repeat(100_000)), 0);
                }
                if (schema.has("enum")) {
                    wrong.put(nodes.stringNode("NOT_ONE_OF_THEM"), 400);
                    wrong.put(nodes.stringNode(schema.path("enum").get(0).asString().toLowerCase(Locale.ROOT)), 400);
                }
            }
            case "integer", "number" -> {
                wrong.put(nodes.stringNode("12"), 400);
                wrong.put(nodes.booleanNode(true), 400);
                wrong.put(nodes.arrayNode().add(1), 400);
                wrong.put(nodes.numberNode(-1), 0);
                wrong.put(nodes.numberNode(1.5), type.equals("integer") ? 400 : 0);
                wrong.put(nodes.numberNode(new java.math.BigDecimal("1e30")), 0);
                wrong.put(nodes.numberNode(Long.MAX_VALUE), 0);
                if (schema.has("minimum")) {
                    wrong.put(
                            nodes.numberNode(schema.path("minimum").decimalValue().subtract(java.math.BigDecimal.ONE)),
                            400);
                }
                if (schema.has("maximum")) {
                    wrong.put(nodes.numberNode(schema.path("maximum").decimalValue().add(java.math.BigDecimal.ONE)),
                            400);
                }
            }
            case "boolean" -> {
                wrong.put(nodes.stringNode("yes"), 400);
                wrong.put(nodes.stringNode("true"), 400);
                wrong.put(nodes.numberNode(1), 400);
            }
            case "array" -> {
                wrong.put(nodes.stringNode("x"), 400);
                wrong.put(nodes.arrayNode().add(nodes.nullNode()), 0);
                wrong.put(nodes.arrayNode().add(nodes.arrayNode()), 400);
                if (schema.has("maxItems")) {
                    var many = nodes.arrayNode();
                    for (int i = 0; i <= schema.path("maxItems").asInt(); i++) {
                        many.add(example(resolve(schema.path("items")), "item"));
                    }
                    // Copies of one example: a set (uniqueItems) keeps one of them.
                    wrong.put(many, schema.path("uniqueItems").asBoolean() ? 0 : 400);
                }
            }
            default -> wrong.put(nodes.numberNode(1), 400);
        }
        return wrong;
    }

    private static List<String> wrongPathValues(JsonNode schema) {
        if (schema.path("type").asString().equals("integer")) {
            return List.of("abc", "1.5", "99999999999999999999");
        }
        if ("uuid".equals(schema.path("format").asString())) {
            return List.of("not-a-uuid", "123", "7d1c2f40-0000-4000-8000-00000000000z", "%20");
        }
        return List.of("not-an-id", "0123456789abcdef0123456z", "1", "%20", "0".repeat(25));
    }

    private static List<String> wrongQueryValues(JsonNode schema, String method) {
        // An empty value means the default: harmless on a read, a real run of the
        // reconciler on its POST.
        List<String> wrong = new ArrayList<>(method.equals("GET") ? List.of("", "%00") : List.of("%00"));
        switch (schema.path("type").asString()) {
            case "integer" -> {
                wrong.addAll(List.of("abc", "1.5", "99999999999999999999", "-1"));
                if (schema.has("maximum")) {
                    wrong.add(String.valueOf(schema.path("maximum").asLong() + 1));
                    wrong.add("1000000");
                }
                if (schema.has("minimum")) {
                    wrong.add(String.valueOf(schema.path("minimum").asLong() - 1));
                }
            }
            case "boolean" -> wrong.addAll(List.of("maybe", "2"));
            default -> wrong.addAll(List.of("NOT_ONE_OF_THEM", "zz", "%20"));
        }
        if (!schema.path("type").asString().equals("string") || schema.has("enum") || schema.has("pattern")) {
            return wrong;
        }
        return List.of();
    }

    /**
     * The required query parameters with right values ({@code ""} when there are none).
     */
    private String validQuery(List<JsonNode> parameters) {
        return query(parameters, null, null);
    }

    /**
     * The required query parameters, with {@code name} set to {@code value} (or left out
     * when null).
     */
    private String query(List<JsonNode> parameters, String name, String value) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : parameters) {
            String parameterName = parameter.path("name").asString();
            if (!parameter.path("in").asString().equals("query")) {
                continue;
            }
            if (parameterName.equals(name)) {
                if (value != null) {
                    pairs.add(parameterName + "=" + value);
                }
            }
            else if (parameter.path("required").asBoolean()) {
                JsonNode schema = resolve(parameter.path("schema"));
                String right = parameterName.equals("referenceId") ? this.ids.get("product")
                        : example(schema, parameterName).asString();
                pairs.add(parameterName + "=" + right);
            }
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    private static String fill(String path, Map<String, String> values) {
        String filled = path;
        for (Iterator<Map.Entry<String, String>> it = values.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, String> entry = it.next();
            filled = filled.replace("{" + entry.getKey() + "}", entry.getValue());
        }
        return filled;
    }

    /**
     * Sends with an empty JSON object where the operation takes JSON, so that the request
     * reaches the route (without a content type it would be a 415 first).
     */
    private Response sendWithBody(JsonNode operation, String method, String path) {
        if (operation.path("requestBody").path("content").has("application/json")) {
            return send(method, path, bytes("{}"), "Content-Type", "application/json");
        }
        return send(method, path, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

}
