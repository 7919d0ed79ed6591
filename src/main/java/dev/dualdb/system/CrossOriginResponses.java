package dev.dualdb.system;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents on every operation the {@code 403 cross-origin-refused} a browser app on an
 * origin that is not allowed gets, with its problem content, whether it runs before or
 * after {@link ProblemResponses}; {@link HealthDocumentation} adds {@link #response()}
 * itself.
 */
class CrossOriginResponses implements OpenApiCustomizer {

    private static final String LINE = "- `" + ProblemCorsProcessor.CODE + "`: a browser app on an origin not "
            + "allowed by `dualdb.cors.allowed-origins` sent it (with an `Origin` header)";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            ApiResponse forbidden = operation.getResponses().get("403");
            if (forbidden == null) {
                operation.getResponses().addApiResponse("403", response());
                Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
                operation.getResponses().clear();
                operation.getResponses().putAll(sorted);
            }
            else if (forbidden.getDescription() == null || !forbidden.getDescription().contains(LINE)) {
                String before = (forbidden.getDescription() != null) ? forbidden.getDescription() + "\n" : "";
                forbidden.setDescription(before + LINE);
            }
        }));
    }

    /**
     * The 403 of an operation that has no other.
     * @return the response, a problem
     */
    static ApiResponse response() {
        return new ApiResponse().description("Forbidden.\n" + LINE)
            .content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ProblemResponses.PROBLEM))));
    }

}
