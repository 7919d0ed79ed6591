package dev.dualdb.postgres.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresProperties;

/**
 * Gives the connection pool's connections the timeouts of {@code dualdb.postgres.*}
 * (connect, socket read, statement). Without a socket timeout, PgJDBC waits for a server
 * that hangs (stopped, not dead) for as long as it hangs, and so do the request, the
 * scheduler thread or the leader-lock holder that asked. A driver property set by hand
 * ({@code spring.datasource.hikari.data-source-properties.*}) or in the JDBC URL wins.
 */
@Component
class HangingServerTimeouts implements BeanPostProcessor {

    private final ObjectProvider<PostgresProperties> properties;

    HangingServerTimeouts(ObjectProvider<PostgresProperties> properties) {
        this.properties = properties;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            this.properties.getObject()
                .driverProperties()
                .forEach((name, value) -> pool.getDataSourceProperties().putIfAbsent(name, value));
        }
        return bean;
    }

}
