package dev.dualdb.security.internal;

import java.math.BigDecimal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.dualdb.system.Problems;

/**
 * Documents the answers of the abuse limits: {@code 429 rate-limited} with
 * {@code Retry-After} on logins, registrations and uploads, and {@code 413
 * quota-exceeded} on uploads.
 */
class AbuseResponses implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean upload = (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT)
                    && operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data");
            if (method == PathItem.HttpMethod.POST && "/api/auth/login".equals(path)) {
                tooMany(operation, "too many login attempts for this account or from this address");
            }
            else if (method == PathItem.HttpMethod.POST && "/api/auth/register".equals(path)) {
                tooMany(operation, "too many registrations from this address");
            }
            else if (upload) {
                tooMany(operation, "too many uploads, or upload bytes, by this user in the last hour");
                ApiResponse tooLarge = problem(operation, "413", "Content too large.");
                tooLarge.setDescription(tooLarge.getDescription()
                        + "\n- `quota-exceeded`: the upload would take the instructor's stored media over the quota");
            }
        }));
    }

    private static void tooMany(Operation operation, String why) {
        ApiResponse response = problem(operation, "429", "Too many requests; retry after `Retry-After` seconds.");
        response.setDescription(response.getDescription() + "\n- `rate-limited`: " + why);
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            response.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying")
                .schema(new IntegerSchema().minimum(BigDecimal.ONE)));
        }
    }

    private static ApiResponse problem(Operation operation, String status, String title) {
        if (operation.getResponses() == null) {
            operation.setResponses(new ApiResponses());
        }
        ApiResponse response = operation.getResponses().get(status);
        if (response == null) {
            response = new ApiResponse().description(title);
            operation.getResponses().addApiResponse(status, response);
        }
        if (response.getContent() == null || !response.getContent().containsKey(Problems.MEDIA_TYPE)) {
            response.setContent(new Content().addMediaType(Problems.MEDIA_TYPE,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        }
        return response;
    }

}
