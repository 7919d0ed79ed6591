package dev.dualdb.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded PostgreSQL when PostgreSQL is enabled and
 * {@code spring.datasource.url} is not set, and tells Boot's DataSource
 * auto-configuration to connect to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalPostgres.class)
class EmbeddedPostgresConfiguration {

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(EmbeddedProperties properties) {
        if (properties.persistent()) {
            return new EmbeddedPostgresServer(properties.dataDirectory().resolve("postgres").toAbsolutePath(), false,
                    properties.postgresPort());
        }
        try {
            Path throwAway = Files.createTempDirectory("dualdb-postgres-");
            return new EmbeddedPostgresServer(throwAway, true, properties.postgresPort());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Bean
    @ConditionalOnMissingBean(JdbcConnectionDetails.class)
    JdbcConnectionDetails embeddedPostgresConnectionDetails(EmbeddedPostgresServer embeddedPostgresServer) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "";
            }

            @Override
            public String getJdbcUrl() {
                return embeddedPostgresServer.jdbcUrl();
            }
        };
    }

}
