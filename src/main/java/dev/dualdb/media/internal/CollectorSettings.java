package dev.dualdb.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The blob collector, which deletes the bytes that deleted media rows no longer need.
 *
 * @param interval pause between two rounds
 * @param batchSize queued blobs looked at per round
 * @param maxBackoff the longest wait before retrying a blob whose bytes could not be
 * deleted
 */
@ConfigurationProperties("dualdb.collector")
public record CollectorSettings(@DefaultValue("10s") Duration interval, @DefaultValue("200") int batchSize,
        @DefaultValue("1h") Duration maxBackoff) {
}
