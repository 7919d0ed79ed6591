package dev.dualdb.system;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Documents {@code GET /actuator/health}, the one Actuator endpoint that clients and load
 * balancers rely on, so that it is part of the checked contract (springdoc leaves
 * Actuator out). The other Actuator endpoints are for operators and stay out of the
 * document.
 */
class HealthDocumentation implements OpenApiCustomizer {

    static final String PATH = "/actuator/health";

    private static final List<String> STATUSES = List.of("UP", "DEGRADED", "DOWN", "OUT_OF_SERVICE", "UNKNOWN");

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas("Health", health());
        Schema<?> health = new Schema<>().$ref("#/components/schemas/Health");
        Content content = new Content()
            .addMediaType("application/vnd.spring-boot.actuator.v3+json", new MediaType().schema(health))
            .addMediaType("application/json", new MediaType().schema(health));
        Operation operation = new Operation().operationId("getHealth")
            .summary("Health of the service and of each store")
            .description("The status for anyone; for an admin's token also one component per store: `mongodb` "
                    + "(required: DOWN makes the service DOWN), `postgresql` (DEGRADED when disabled or unreachable: "
                    + "the catalog keeps working without media) and `blobStore`.")
            .tags(List.of("health"))
            .responses(new ApiResponses()
                .addApiResponse("200",
                        new ApiResponse().description("UP, or DEGRADED (media unavailable)").content(content))
                .addApiResponse("400",
                        new ApiResponse().description("`malformed-query`: the query string cannot be parsed")
                            .content(new Content().addMediaType(ProblemResponses.PROBLEM_JSON,
                                    new MediaType().schema(
                                            new Schema<>().$ref("#/components/schemas/" + ProblemResponses.PROBLEM)))))
                .addApiResponse("403", CrossOriginResponses.response())
                .addApiResponse("503",
                        new ApiResponse().description("DOWN: MongoDB cannot be reached").content(content)));
        openApi.path(PATH, new PathItem().get(operation));
    }

    private static Schema<?> health() {
        Schema<?> component = new ObjectSchema().addProperty("status", status())
            .addProperty("description", new StringSchema())
            .addProperty("details", new ObjectSchema().additionalProperties(true))
            .addProperty("components", new ObjectSchema().additionalProperties(true));
        component.setRequired(List.of("status"));
        Schema<?> health = new ObjectSchema().description("The overall status and one component per store")
            .addProperty("status", status())
            .addProperty("groups", new ArraySchema().items(new StringSchema()))
            .addProperty("components", new ObjectSchema().additionalProperties(component));
        // The components (and their details: directories, free space, versions) are shown
        // to admins only; anyone else gets the status alone.
        health.setRequired(List.of("status"));
        return health;
    }

    private static Schema<?> status() {
        StringSchema status = new StringSchema();
        status.setEnum(STATUSES);
        return status;
    }

}
