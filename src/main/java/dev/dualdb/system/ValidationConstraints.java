package dev.dualdb.system;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springdoc.core.customizers.PropertyCustomizer;

/**
 * Bean Validation constraints that springdoc leaves out of the schemas:
 * {@code @PositiveOrZero} and {@code @Positive} as minimums, {@code @NotBlank} as a
 * minimum length of 1 (even next to a {@code @Size} without a minimum).
 */
class ValidationConstraints implements PropertyCustomizer {

    @Override
    @SuppressWarnings({ "rawtypes", "unchecked" })
    public Schema customize(Schema property, AnnotatedType type) {
        Annotation[] annotations = type.getCtxAnnotations();
        if (property == null || annotations == null) {
            return property;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof PositiveOrZero && property.getMinimum() == null) {
                property.setMinimum(BigDecimal.ZERO);
            }
            else if (annotation instanceof Positive && property.getMinimum() == null) {
                boolean whole = "integer".equals(property.getType());
                property.setMinimum(whole ? BigDecimal.ONE : BigDecimal.ZERO);
                if (!whole) {
                    property.setExclusiveMinimum(true);
                }
            }
            else if (annotation instanceof NotBlank
                    && (property.getMinLength() == null || property.getMinLength() < 1)) {
                property.setMinLength(1);
            }
        }
        return property;
    }

}
