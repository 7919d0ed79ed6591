package dev.dualdb.media.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How delivery checks that stored bytes are still the bytes that were stored.
 *
 * @param verifyFullReads hash every whole-body download while it is sent, and break the
 * connection off before its last bytes (then quarantine the blob) if they do not hash to
 * their key: a client never receives a complete body that is wrong. It costs the
 * zero-copy sendfile of the local store for whole-body downloads; ranges are not verified
 * on read (the reconciler's hash pass covers them).
 */
@ConfigurationProperties("dualdb.media.integrity")
public record IntegrityProperties(@DefaultValue("true") boolean verifyFullReads) {
}
