package dev.dualdb.blob.internal;

import dev.dualdb.system.DomainException;

/**
 * The bytes look like an accepted type but cannot be read as one (a truncated or corrupt
 * image, say).
 */
public class UnreadableContent extends DomainException {

    public UnreadableContent(String detectedType, Throwable cause) {
        super(Kind.UNPROCESSABLE, "unreadable-content",
                "The content looks like " + detectedType + " but cannot be read as such", cause);
    }

}
