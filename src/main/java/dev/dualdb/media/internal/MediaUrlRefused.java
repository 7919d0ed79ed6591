package dev.dualdb.media.internal;

import dev.dualdb.system.DomainException;

/**
 * A signed media URL that is not honoured: its signature does not match (tampered, made
 * for other media, unknown key) or it has expired.
 */
public class MediaUrlRefused extends DomainException {

    MediaUrlRefused(String code, String message) {
        super(Kind.FORBIDDEN, code, message);
    }

    static MediaUrlRefused invalid() {
        return new MediaUrlRefused("media-url-invalid", "The signature of this media URL is not valid");
    }

    static MediaUrlRefused expired() {
        return new MediaUrlRefused("media-url-expired", "This media URL has expired; ask the API for a new one");
    }

}
