package dev.dualdb.blob;

import dev.dualdb.blob.internal.DisplayName;

/**
 * An upload that passed every check and is now in the blob store: what the metadata rows
 * need.
 *
 * @param blob the stored bytes (hash, size, storage type and key; whether they were there
 * already)
 * @param probe what the bytes are: sniffed type, dimensions, duration, page count
 * @param displayName the client's file name, made safe to show and to send back
 * ({@link DisplayName})
 */
public record AcceptedUpload(StoredBlob blob, ProbeResult probe, String displayName) {
}
