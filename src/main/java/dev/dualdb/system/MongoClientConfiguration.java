package dev.dualdb.system;

import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB is required: when it is gone, answer 503 within seconds instead of holding
 * requests for 30 s.
 */
@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer failFastWhenMongoIsGone() {
        return (settings) -> settings
            .applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
            .applyToSocketSettings((socket) -> socket.connectTimeout(2, TimeUnit.SECONDS));
    }

}
