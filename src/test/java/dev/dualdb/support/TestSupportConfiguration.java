package dev.dualdb.support;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Beans the HTTP tests use to look inside: counters of SQL statements and of MongoDB
 * commands.
 */
@TestConfiguration(proxyBeanMethods = false)
public final class TestSupportConfiguration {

    // Only a static bean method (QueryCounter is a BeanPostProcessor, so it must not wait
    // for this class). Spring creates the class reflectively all the same, and without
    // proxyBeanMethods it never subclasses it, so it can be final.
    private TestSupportConfiguration() {
    }

    @Bean
    static QueryCounter queryCounter() {
        return new QueryCounter();
    }

    @Bean
    TestUsers testUsers() {
        return new TestUsers();
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
