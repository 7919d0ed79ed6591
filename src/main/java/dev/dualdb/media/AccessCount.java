package dev.dualdb.media;

import java.time.Instant;
import java.util.UUID;

/** The access counter of one piece of media after it was incremented. */
public record AccessCount(UUID id, long accessCount, Instant lastAccessedAt) {
}
