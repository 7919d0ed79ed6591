package dev.dualdb.embedded;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when PostgreSQL is enabled ({@code dualdb.postgres.enabled}, default true) and
 * no external one is configured ({@code spring.datasource.url}).
 */
class NoExternalPostgres implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var environment = context.getEnvironment();
        boolean enabled = environment.getProperty("dualdb.postgres.enabled", Boolean.class, true);
        return enabled && !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

}
