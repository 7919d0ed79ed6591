package dev.dualdb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * dualdb: a catalog in MongoDB, media metadata in PostgreSQL, media bytes in a blob store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class DualdbApplication {

    public static void main(String[] args) {
        SpringApplication.run(DualdbApplication.class, args);
    }
}
