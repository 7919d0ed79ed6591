package dev.dualdb.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no external MongoDB is configured ({@code spring.mongodb.uri} /
 * {@code spring.mongodb.host}).
 */
class NoExternalMongo implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        return !StringUtils.hasText(environment.getProperty("spring.mongodb.uri"))
                && !StringUtils.hasText(environment.getProperty("spring.mongodb.host"));
    }

}
