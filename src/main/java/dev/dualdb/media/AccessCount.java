package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The access counter of one piece of media after this access.
 *
 * @param id the media row's id
 * @param accessCount the count after this access
 * @param lastAccessedAt the time of the last counted access, or {@code null} if none was
 * ever counted
 * @param counted whether this access was counted: {@code false} when the same user's
 * access to the same media was already counted within {@code dualdb.media.view-window}
 */
public record AccessCount(UUID id, long accessCount, @Schema(nullable = true) Instant lastAccessedAt, boolean counted) {

    /**
     * A counted access.
     * @param id the media row's id
     * @param accessCount the count after this access
     * @param lastAccessedAt the time of this access
     */
    public AccessCount(UUID id, long accessCount, Instant lastAccessedAt) {
        this(id, accessCount, lastAccessedAt, true);
    }

    /**
     * The same counter, saying that this access was not counted.
     * @return the counter with {@code counted} false
     */
    public AccessCount notCounted() {
        return new AccessCount(this.id, this.accessCount, this.lastAccessedAt, false);
    }

}
