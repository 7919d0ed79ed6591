package dev.dualdb.security.internal;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The rate-limit buckets in PostgreSQL, shared by every instance. */
@Configuration(proxyBeanMethods = false)
class AbuseConfiguration {

    @Bean
    RateLimits rateLimits(ObjectProvider<DataSource> dataSource, AbuseLimitProperties properties,
            MeterRegistry meters) {
        return new RateLimits(dataSource.getIfAvailable(), properties.unavailableBackoff(), meters);
    }

    @Bean
    AbuseResponses abuseResponses() {
        return new AbuseResponses();
    }

}
