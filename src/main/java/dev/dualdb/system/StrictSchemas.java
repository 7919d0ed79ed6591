package dev.dualdb.system;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes the schemas say as much as the service guarantees. A JSON request body refuses
 * properties it does not know ({@link StrictJson}), so its schemas have
 * {@code additionalProperties: false}. An answer is written with
 * {@code spring.jackson.default-property-inclusion: always}, so every property of a
 * response schema is required: always present, {@code null} where the schema says it is
 * nullable. Schemas also used in requests, where properties are optional, and the
 * hand-written problem schemas keep their own {@code required}.
 */
class StrictSchemas implements OpenApiCustomizer {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null || openApi.getComponents() == null
                || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        List<Schema<?>> responseRoots = new ArrayList<>();
        List<Schema<?>> requestRoots = new ArrayList<>();
        List<Schema<?>> jsonRequestRoots = new ArrayList<>();
        openApi.getPaths().values().forEach((item) -> item.readOperations().forEach((operation) -> {
            collect(operation, responseRoots, requestRoots);
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().get("application/json") != null) {
                jsonRequestRoots.add(operation.getRequestBody().getContent().get("application/json").getSchema());
            }
        }));
        for (String name : reachable(jsonRequestRoots, schemas)) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setAdditionalProperties(false);
            }
        }
        Set<String> inRequests = reachable(requestRoots, schemas);
        Set<String> inResponses = reachable(responseRoots, schemas);
        inResponses.removeAll(inRequests);
        inResponses.remove(ProblemResponses.PROBLEM);
        inResponses.remove(ProblemResponses.FIELD_ERROR);
        for (String name : inResponses) {
            Schema<?> schema = schemas.get(name);
            if (schema != null && schema.getProperties() != null) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void collect(Operation operation, List<Schema<?>> responses, List<Schema<?>> requests) {
        if (operation.getRequestBody() != null) {
            schemasOf(operation.getRequestBody().getContent(), requests);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().values().forEach((response) -> schemasOf(response.getContent(), responses));
        }
    }

    private static void schemasOf(Content content, List<Schema<?>> into) {
        if (content != null) {
            content.values().forEach((media) -> {
                if (media.getSchema() != null) {
                    into.add(media.getSchema());
                }
            });
        }
    }

    /**
     * The names of the component schemas reachable from {@code roots}.
     * @param roots the schemas to start from
     * @param schemas the component schemas by name
     * @return the names of the component schemas they refer to, directly or not
     */
    @SuppressWarnings("rawtypes")
    private static Set<String> reachable(Collection<Schema<?>> roots, Map<String, Schema> schemas) {
        Set<String> names = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(PREFIX.length());
                if (names.add(name) && schemas.get(name) != null) {
                    pending.push(schemas.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach((property) -> pending.push((Schema) property));
            }
            if (schema.getItems() != null) {
                pending.push(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                pending.push(additional);
            }
            for (List<Schema> parts : Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(pending::push);
                }
            }
        }
        return names;
    }

}
