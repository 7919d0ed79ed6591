package dev.dualdb.system;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.bson.types.ObjectId;
import org.springdoc.core.customizers.ParameterCustomizer;
import org.springframework.core.MethodParameter;

/**
 * Documents a parameter typed {@link ObjectId} as what it is on the wire, 24 hexadecimal
 * characters (springdoc sees only a string, since a converter from String exists). A
 * value of another shape is answered {@code 400 malformed-id}.
 */
class IdParameters implements ParameterCustomizer {

    @Override
    public Parameter customize(Parameter parameter, MethodParameter methodParameter) {
        if (parameter != null && methodParameter.getParameterType() == ObjectId.class) {
            parameter.setSchema(objectId());
        }
        return parameter;
    }

    static StringSchema objectId() {
        StringSchema schema = new StringSchema();
        schema.pattern(OpenApiConfiguration.OBJECT_ID_PATTERN).example("65f1c0ffee0000000000beef");
        return schema;
    }

}
