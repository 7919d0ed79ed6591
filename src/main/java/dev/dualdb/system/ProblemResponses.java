package dev.dualdb.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Adds to every operation the problem responses it shares with others, so that each
 * operation documents every status it can answer while the controllers only annotate what
 * is particular to them:
 * <ul>
 * <li>400 for any operation (a malformed query string is refused on every route), with
 * the codes its parameters and body can cause;</li>
 * <li>404 for operations with path parameters; 408, 413 and 415 for operations with a
 * body;</li>
 * <li>the {@code Idempotency-Key} header of every POST under {@code /api/} with its 409
 * and 422 answers;</li>
 * <li>503 with {@code Retry-After} for every operation: each needs a store.</li>
 * </ul>
 * Every 4xx and 5xx is the problem schema as {@code application/problem+json}; every 201
 * gets its {@code Location}. A 500 is never documented: it is a bug, not part of the
 * contract.
 */
class ProblemResponses implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    static final String PROBLEM = "Problem";

    static final String FIELD_ERROR = "FieldError";

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        openApi.getComponents().addSchemas(PROBLEM, problemSchema()).addSchemas(FIELD_ERROR, fieldError());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            addShared(path, method, operation);
            complete(operation.getResponses());
        }));
    }

    private void addShared(String path, PathItem.HttpMethod method, Operation operation) {
        List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
        boolean pathParameters = parameters.stream().anyMatch((p) -> "path".equals(p.getIn()));
        boolean queryParameters = parameters.stream().anyMatch((p) -> "query".equals(p.getIn()));
        boolean body = operation.getRequestBody() != null;
        boolean jsonBody = body && operation.getRequestBody().getContent().containsKey("application/json");
        boolean upload = body && operation.getRequestBody().getContent().containsKey("multipart/form-data");
        boolean idempotent = method == PathItem.HttpMethod.POST && path.startsWith("/api/")
                && !path.startsWith("/api/auth/");

        Set<String> badRequest = new LinkedHashSet<>();
        badRequest.add("`malformed-query`: the query string cannot be parsed (such as `?=x` or `?a=%ZZ`)");
        if (pathParameters) {
            badRequest.add("`malformed-id`: an id in the path is not an id (24 hexadecimal characters, or a UUID "
                    + "for media)");
        }
        if (queryParameters) {
            badRequest.add("`invalid-parameter`, `missing-parameter`, `validation-failed`: a query parameter is "
                    + "missing, of the wrong type or out of range");
        }
        if (jsonBody) {
            badRequest.add("`malformed-body`: the body is not JSON of the documented shape (a number or boolean "
                    + "where a string is expected, or the reverse, is malformed too)");
            badRequest.add(
                    "`unknown-property`: the body has a property this operation does not know; `errors` " + "names it");
            badRequest.add("`validation-failed`: fields break the documented constraints; `errors` lists each");
        }
        if (upload) {
            badRequest.add("`malformed-multipart`, `too-many-files`, `too-many-fields`, `field-too-large`, "
                    + "`upload-interrupted`: the form is not valid multipart, carries more files or text fields than "
                    + "allowed, has a text field over 64 KiB, or ends before its declared length");
            badRequest.add("`digest-mismatch`, `malformed-digest`: the body's `Content-Digest`/`Repr-Digest`, or the "
                    + "file's `x-amz-checksum-sha256`, does not match what arrived or cannot be read; nothing is kept");
        }
        if (idempotent) {
            badRequest.add("`invalid-idempotency-key`: the Idempotency-Key is not 1 to 255 visible ASCII characters");
        }
        merge(operation, "400", "Bad request", badRequest);
        merge(operation, "401", "Unauthorized; `WWW-Authenticate` says why",
                Set.of("`unauthenticated`: this needs a bearer token", "`invalid-token`: the bearer token is expired, "
                        + "not yet valid, tampered with, from another issuer or signed with an unknown key"));
        merge(operation, "403", "Forbidden",
                Set.of("`forbidden`: the caller's role does not allow this (see the access rules in the README)"));
        if (pathParameters && !operation.getResponses().containsKey("404")) {
            merge(operation, "404", "Not found", Set.of("A resource named in the path does not exist"));
        }
        if (body) {
            merge(operation, "408", "Request timeout",
                    Set.of("`upload-too-slow`: the body arrived slower than `dualdb.http.min-upload-rate` once "
                            + "`dualdb.http.upload-rate-grace` was over, and was cut off; nothing of it is kept"));
            merge(operation, "413", "Content too large",
                    Set.of("`request-too-large`: a JSON body over 1 MiB (uploads have their own limits)"));
            merge(operation, "415", "Unsupported media type",
                    Set.of("`unsupported-media-type`: the request's Content-Type is not one documented here"));
        }
        if (upload) {
            addDigestHeaders(operation);
            merge(operation, "413", "Content too large", Set.of(
                    "`upload-too-large`, `image-dimensions-too-large`: an uploaded file is over its size or pixel limit",
                    "`request-too-large`: the whole request is over the route's limit (refused from its "
                            + "`Content-Length` before `100 Continue`, or as soon as a body sent without one "
                            + "passes it)",
                    "`fields-too-large`: the text fields of the form are together over their limit"));
            merge(operation, "415", "Unsupported media type",
                    Set.of("`unsupported-media-type`, `content-type-mismatch`: an uploaded file is not of a type "
                            + "accepted here (judged by its bytes, not by its name or the claimed type)"));
            merge(operation, "422", "Unprocessable",
                    Set.of("`unreadable-content`: an uploaded file's bytes cannot be read as the type they are"));
        }
        if (idempotent) {
            addIdempotencyKey(operation);
            merge(operation, "409", "Conflict",
                    Set.of("`idempotency-key-in-use`: a request with this Idempotency-Key is still running"));
            merge(operation, "422", "Unprocessable",
                    Set.of("`idempotency-key-reused`: this Idempotency-Key was used for a different request"));
        }
        Set<String> unavailable = new LinkedHashSet<>();
        unavailable.add("`catalog-unavailable`: MongoDB cannot be reached");
        unavailable.add("`media-store-unavailable`: PostgreSQL is disabled or cannot be reached (where the "
                + "operation needs it)");
        unavailable.add("`blob-store-unavailable`: the blob store cannot be reached (where the operation needs it)");
        if (upload) {
            unavailable.add("`too-many-uploads`: as many uploads as this instance reads at once "
                    + "(`dualdb.http.max-concurrent-uploads`) are running; the body was not read");
        }
        if (idempotent) {
            unavailable.add("`idempotency-unavailable`: the Idempotency-Key cannot be checked right now");
        }
        if (upload) {
            unavailable.add("`upload-capacity-exhausted`: uploads in progress hold the most bytes allowed in "
                    + "temporary files");
        }
        merge(operation, "503", "Service unavailable; retry after `Retry-After` seconds", unavailable);
    }

    /**
     * Adds {@code lines} to the description of the response {@code status}, creating it
     * with {@code title} if the operation does not declare it yet.
     * @param operation the operation to document
     * @param status the response status, such as {@code 503}
     * @param title the description of a response the operation does not declare yet
     * @param lines the error codes and their meaning to list under the response
     */
    private static void merge(Operation operation, String status, String title, Set<String> lines) {
        ApiResponse response = operation.getResponses().get(status);
        List<String> parts = new ArrayList<>();
        if (response == null) {
            response = new ApiResponse();
            operation.getResponses().addApiResponse(status, response);
            parts.add(title + ".");
        }
        else {
            parts.add(response.getDescription());
        }
        for (String line : lines) {
            parts.add("- " + line);
        }
        response.setDescription(String.join("\n", parts));
    }

    /**
     * The integrity headers every upload takes ({@code RequestDigests}).
     * @param operation an upload operation
     */
    private static void addDigestHeaders(Operation operation) {
        addHeader(operation, "Content-Digest",
                "RFC 9530: the SHA-256 of the whole request body as sent (`sha-256=:base64:`; other algorithms are "
                        + "ignored); a mismatch is `400 digest-mismatch` and nothing is kept",
                new StringSchema());
        addHeader(operation, "Repr-Digest", "RFC 9530: as `Content-Digest` (the body is sent with no content coding)",
                new StringSchema());
        addHeader(operation, "x-amz-checksum-sha256",
                "The base64 SHA-256 of the one file of the request; a mismatch is `400 digest-mismatch` and nothing "
                        + "is kept",
                new StringSchema().pattern("^[A-Za-z0-9+/]{43}=$"));
    }

    private static void addHeader(Operation operation, String name, String description, Schema<?> schema) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch((p) -> name.equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParametersItem(
                    new HeaderParameter().name(name).required(false).description(description).schema(schema));
        }
    }

    private static void addIdempotencyKey(Operation operation) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch((p) -> IDEMPOTENCY_KEY.equalsIgnoreCase(p.getName()));
        if (declared) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(IDEMPOTENCY_KEY)
            .required(false)
            .description("Makes a retry safe: a second request with the same key and the same body replays the "
                    + "first answer (with `Idempotent-Replayed: true`) instead of creating again")
            .schema(new StringSchema().minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
    }

    /**
     * Problem content for every error, {@code Retry-After} on 503s, {@code Location} on
     * 201s, responses in status order.
     * @param responses the responses of one operation, completed in place
     */
    private static void complete(ApiResponses responses) {
        Map<String, ApiResponse> sorted = new TreeMap<>(responses);
        responses.clear();
        sorted.forEach((status, response) -> {
            // A 416 answers a Range header with Content-Range and no body.
            boolean error = (status.startsWith("4") || status.startsWith("5")) && !"416".equals(status);
            // springdoc gives an annotated error the method's own return type: an error
            // is
            // a problem.
            if (error && (response.getContent() == null || !response.getContent().containsKey(PROBLEM_JSON))) {
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
            if ("503".equals(status)) {
                header(response, "Retry-After", "Seconds to wait before retrying",
                        new IntegerSchema().minimum(BigDecimal.ZERO));
            }
            if ("201".equals(status)) {
                header(response, "Location", "Where the created resource is", new StringSchema());
            }
            responses.addApiResponse(status, response);
        });
    }

    private static void header(ApiResponse response, String name, String description, Schema<?> schema) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeaderObject(name, new Header().description(description).schema(schema));
        }
    }

    /**
     * The RFC 9457 problem, as {@code ProblemDetailsAdvice} and the filters write it.
     * @return the schema of an {@code application/problem+json} body
     */
    @SuppressWarnings("rawtypes")
    private static Schema<?> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new StringSchema().format("uri")
            .description("A URI naming the kind of problem: https://dualdb.dev/problems/{code}"));
        properties.put("title", new StringSchema().description("The HTTP reason phrase"));
        properties.put("status",
                new IntegerSchema().minimum(BigDecimal.valueOf(400))
                    .maximum(BigDecimal.valueOf(599))
                    .description("The HTTP status"));
        properties.put("detail", new StringSchema().description("What went wrong, for a human"));
        properties.put("instance", new StringSchema().description("The path of the request"));
        properties.put("code",
                new StringSchema().pattern("^[a-z0-9-]+$")
                    .example("product-not-found")
                    .description("A stable, machine-readable identifier of the problem"));
        properties.put("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + FIELD_ERROR))
            .description("With validation-failed, unknown-property and malformed-body: each bad field"));
        Schema<?> problem = new ObjectSchema().description("An RFC 9457 problem with a stable `code`");
        problem.setProperties(properties);
        problem.setRequired(List.of("type", "title", "status", "code"));
        return problem;
    }

    private static Schema<?> fieldError() {
        Schema<?> error = new ObjectSchema().description("One bad field of a request")
            .addProperty("field", new StringSchema().description("The field, as a path such as images[0].altText"))
            .addProperty("message", new StringSchema().description("What is wrong with it"));
        error.setRequired(List.of("field", "message"));
        return error;
    }

}
