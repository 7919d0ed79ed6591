package dev.dualdb.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded MongoDB-wire server when {@code spring.mongodb.uri} is not set, and
 * tells Boot's MongoDB auto-configuration to connect to it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalMongo.class)
class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

    @Bean(destroyMethod = "shutdownNow")
    MongoServer embeddedMongoServer(EmbeddedProperties properties) {
        MongoServer server = new MongoServer(backend(properties));
        server.bind("127.0.0.1", 0);
        log.info("Embedded MongoDB-wire server listening on {}", server.getLocalAddress());
        return server;
    }

    @Bean
    @ConditionalOnMissingBean(MongoConnectionDetails.class)
    MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connectionString = new ConnectionString(
                "mongodb://127.0.0.1:" + address.getPort() + "/dualdb");
        return () -> connectionString;
    }

    private static MongoBackend backend(EmbeddedProperties properties) {
        if (!properties.persistent()) {
            return H2Backend.inMemory();
        }
        Path directory = properties.dataDirectory().resolve("mongo");
        try {
            Files.createDirectories(directory);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create " + directory, ex);
        }
        Path file = directory.resolve("dualdb.mv");
        try {
            return new H2Backend(file.toString());
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException("Cannot open the MongoDB data file " + file
                    + "; is another dualdb running on the same data directory?", ex);
        }
    }

}
