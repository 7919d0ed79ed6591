package dev.dualdb.embedded;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded servers that start when no external MongoDB or PostgreSQL is
 * configured.
 *
 * @param dataDirectory where the embedded servers keep their data ({@code mongo/} and
 * {@code postgres/} below it)
 * @param persistent {@code true} keeps data across restarts; {@code false} (tests) uses
 * an in-memory MongoDB backend and a throw-away PostgreSQL directory
 * @param postgresPort port of the embedded PostgreSQL; 0 picks a free one
 */
@ConfigurationProperties("dualdb.embedded")
public record EmbeddedProperties(@DefaultValue("./data") Path dataDirectory, @DefaultValue("true") boolean persistent,
        @DefaultValue("0") int postgresPort) {
}
