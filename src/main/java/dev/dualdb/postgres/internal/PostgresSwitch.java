package dev.dualdb.postgres.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * The original design's {@code DB_ENABLED} switch: with
 * {@code dualdb.postgres.enabled=false} no DataSource is made at all. Without this, Boot
 * would quietly create an in-memory H2 database (H2 is on the class path for the embedded
 * MongoDB backend) in place of PostgreSQL.
 */
public class PostgresSwitch implements EnvironmentPostProcessor {

    private static final List<String> JDBC_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("dualdb.postgres.enabled", Boolean.class, true)) {
            return;
        }
        List<String> excluded = new ArrayList<>(JDBC_AUTO_CONFIGURATIONS);
        String already = environment.getProperty("spring.autoconfigure.exclude");
        if (StringUtils.hasText(already)) {
            excluded.addAll(Arrays.asList(StringUtils.commaDelimitedListToStringArray(already)));
        }
        environment.getPropertySources()
            .addFirst(new MapPropertySource("dualdb-postgres-disabled",
                    Map.of("spring.autoconfigure.exclude", String.join(",", excluded))));
    }

}
