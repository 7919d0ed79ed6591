package dev.dualdb.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans the HTTP tests use to look inside: a counter of SQL statements. */
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

}
