package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

/**
 * The access counter of one piece of media after it was incremented.
 *
 * @param id the media row's id
 * @param accessCount the count after this access
 * @param lastAccessedAt the time of this access
 */
public record AccessCount(UUID id, long accessCount, Instant lastAccessedAt) {
}
