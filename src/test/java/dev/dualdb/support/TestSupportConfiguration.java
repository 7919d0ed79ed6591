package dev.dualdb.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Beans the HTTP tests use to look inside: a counter of SQL statements. */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    static QueryCounter queryCounter() {
        return new QueryCounter();
    }

}
