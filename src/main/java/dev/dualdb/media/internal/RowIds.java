package dev.dualdb.media.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.dualdb.system.IdempotentRequest;

/**
 * Ids of new media rows. Under an {@code Idempotency-Key} they are derived from the id
 * reserved with the key (and the file's place in the request), so the retry of a request
 * that failed after writing its rows finds those rows instead of writing them again;
 * otherwise they are random.
 */
public final class RowIds {

    private RowIds() {
    }

    public static UUID next(int index) {
        return IdempotentRequest.reservedId()
            .map((reserved) -> UUID
                .nameUUIDFromBytes(("media:" + reserved.toHexString() + ":" + index).getBytes(StandardCharsets.UTF_8)))
            .orElseGet(UUID::randomUUID);
    }

}
