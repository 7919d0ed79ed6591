package dev.dualdb.system;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * A route mapped to GET and HEAD is one method, so springdoc gives both operations the
 * same annotations: the HEAD operation is renamed after its GET ({@code getMediaBytes}
 * becomes {@code headMediaBytes}) and its answers lose their bodies, which HEAD never
 * has.
 */
class HeadOperations implements OpenApiCustomizer {

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().values().forEach(HeadOperations::describe);
    }

    private static void describe(PathItem item) {
        Operation head = item.getHead();
        Operation get = item.getGet();
        if (head == null || get == null || get.getOperationId() == null) {
            return;
        }
        String id = get.getOperationId();
        head.setOperationId("head" + ((id.startsWith("get")) ? id.substring(3) : capitalized(id)));
        head.setSummary("Headers only: " + get.getSummary());
        if (head.getResponses() != null) {
            head.getResponses().values().forEach((response) -> response.setContent(null));
        }
    }

    private static String capitalized(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

}
