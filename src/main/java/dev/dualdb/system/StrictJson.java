package dev.dualdb.system;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.core.Ordered;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies mean what the OpenAPI document says, nothing looser: a property the
 * operation does not know is refused ({@code unknown-property}), and a value of another
 * JSON type is never converted ({@code {"title": false}}, {@code {"price": "12"}},
 * {@code {"stock": 1.5}} and {@code {"status": 0}} are {@code malformed-body}), so a
 * client's mistake is reported instead of being stored in another shape.
 */
class StrictJson implements JsonMapperBuilderCustomizer, Ordered {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .withCoercionConfig(LogicalType.Textual,
                    (config) -> fail(config, CoercionInputShape.Integer, CoercionInputShape.Float,
                            CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Integer,
                    (config) -> fail(config, CoercionInputShape.String, CoercionInputShape.EmptyString,
                            CoercionInputShape.Float, CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Float,
                    (config) -> fail(config, CoercionInputShape.String, CoercionInputShape.EmptyString,
                            CoercionInputShape.Boolean))
            .withCoercionConfig(LogicalType.Boolean,
                    (config) -> fail(config, CoercionInputShape.String, CoercionInputShape.EmptyString,
                            CoercionInputShape.Integer, CoercionInputShape.Float))
            .withCoercionConfig(LogicalType.Enum,
                    (config) -> fail(config, CoercionInputShape.Integer, CoercionInputShape.EmptyString))
            .withCoercionConfig(LogicalType.POJO, (config) -> fail(config, CoercionInputShape.EmptyString))
            .withCoercionConfig(LogicalType.Collection, (config) -> fail(config, CoercionInputShape.EmptyString));
    }

    private static void fail(MutableCoercionConfig config, CoercionInputShape... shapes) {
        for (CoercionInputShape shape : shapes) {
            config.setCoercion(shape, CoercionAction.Fail);
        }
    }

    /** After Boot's own customizer, which applies {@code spring.jackson.*}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

}
