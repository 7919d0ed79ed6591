package dev.dualdb.support;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans the HTTP tests use to look inside: counters of SQL statements and of MongoDB
 * commands.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    static QueryCounter queryCounter() {
        return new QueryCounter();
    }

    @Bean
    MongoCommandCounter mongoCommandCounter() {
        return new MongoCommandCounter();
    }

    @Bean
    MongoClientSettingsBuilderCustomizer countMongoCommands(MongoCommandCounter counter) {
        return (settings) -> settings.addCommandListener(counter);
    }

}
