package dev.dualdb.system;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on clients that send request bodies slowly. On Java 17 every body being read
 * holds one of Tomcat's request threads, so a few hundred uploads trickling at a few
 * bytes a second would otherwise leave no thread for anyone else.
 *
 * @param minUploadRate the slowest average rate a request body may arrive at, once the
 * grace period is over (bytes a second; {@code 0} turns the check off)
 * @param uploadRateGrace how long a body may arrive slower than {@code minUploadRate}
 * before it is cut off (a slow start, a mobile link waking up)
 * @param maxConcurrentUploads the most multipart uploads read at once by this instance;
 * one more is refused at once with 503 {@code too-many-uploads}
 * @param maxConcurrentUploadsPerCaller the most multipart uploads read at once for one
 * caller ({@code 0}: no limit per caller): the user of the request's token, or its
 * network address without one
 */
@ConfigurationProperties("dualdb.http")
public record SlowClientProperties(@DefaultValue("1KB") DataSize minUploadRate,
        @DefaultValue("10s") Duration uploadRateGrace, @DefaultValue("32") int maxConcurrentUploads,
        @DefaultValue("16") int maxConcurrentUploadsPerCaller) {

    public SlowClientProperties {
        if (maxConcurrentUploads < 1) {
            throw new IllegalArgumentException("dualdb.http.max-concurrent-uploads must be at least 1");
        }
        if (maxConcurrentUploadsPerCaller < 0) {
            throw new IllegalArgumentException("dualdb.http.max-concurrent-uploads-per-caller must be 0 or more");
        }
    }

}
