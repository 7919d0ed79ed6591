package dev.dualdb.media.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How delivery checks that stored bytes are still the bytes that were stored.
 *
 * @param verifyFullReads hash whole-body downloads while they are sent, and break the
 * connection off before the last bytes (then quarantine the blob) if they do not hash to
 * their key: a client never receives a complete body that is wrong. A verified body is
 * sent by zero-copy sendfile again until {@code reverifyAfter}; ranges are not verified
 * on read (the reconciler's hash pass covers them).
 * @param reverifyAfter how long bytes that hashed right on a read are trusted by this
 * instance before a whole-body read hashes them again; {@code 0} hashes every whole-body
 * read (and gives up sendfile for them)
 * @param maxVerified how many verified blobs each instance remembers
 */
@ConfigurationProperties("dualdb.media.integrity")
public record IntegrityProperties(@DefaultValue("true") boolean verifyFullReads,
        @DefaultValue("1h") Duration reverifyAfter, @DefaultValue("100000") int maxVerified) {
}
