package dev.dualdb.system;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB is required: when it is gone or hangs, answer 503 within seconds instead of
 * holding requests for 30 s (server selection) or for as long as it hangs (the driver
 * reads without a timeout by default). The bounds are {@link MongoClientProperties}.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer failFastWhenMongoIsGoneOrHangs(MongoClientProperties timeouts) {
        return (settings) -> settings
            .applyToClusterSettings((cluster) -> cluster
                .serverSelectionTimeout(timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings((socket) -> socket
                .connectTimeout(Math.toIntExact(timeouts.connectTimeout().toMillis()), TimeUnit.MILLISECONDS)
                .readTimeout(Math.toIntExact(timeouts.readTimeout().toMillis()), TimeUnit.MILLISECONDS))
            .applyToConnectionPoolSettings(
                    (pool) -> pool.maxWaitTime(timeouts.poolWaitTimeout().toMillis(), TimeUnit.MILLISECONDS));
    }

}
