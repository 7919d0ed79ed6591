package dev.dualdb.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the MongoDB driver waits for a catalog that is gone or hangs. MongoDB is
 * required, so a request that needs it answers {@code 503 catalog-unavailable} after
 * these bounds instead of waiting for the server. They replace the same options of
 * {@code spring.mongodb.uri} ({@code connectTimeoutMS}, {@code socketTimeoutMS},
 * {@code serverSelectionTimeoutMS}, {@code waitQueueTimeoutMS}).
 *
 * @param connectTimeout how long opening a connection may take; also how long the
 * driver's monitor waits for a heartbeat, so a server that stops answering is marked
 * unavailable after about this long
 * @param readTimeout how long one read from a connection may wait for the server's answer
 * (the driver's socket timeout, which is infinite by default): bounds a command sent to a
 * server that hangs. Every catalog command answers in milliseconds; none legitimately
 * takes this long
 * @param serverSelectionTimeout how long an operation waits for a server it may use
 * (while MongoDB is down or marked unavailable)
 * @param poolWaitTimeout how long an operation waits for a free pooled connection
 */
@ConfigurationProperties("dualdb.mongodb")
public record MongoClientProperties(@DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout, @DefaultValue("3s") Duration serverSelectionTimeout,
        @DefaultValue("3s") Duration poolWaitTimeout) {
}
