package dev.dualdb.legacy.internal;

/**
 * A piece of media (or a whole document) that was not imported, and why.
 *
 * @param key where it was found
 * @param code a stable name of the reason ({@code missing-file}, {@code host-not-allowed}
 * …)
 * @param message what a person needs to fix it
 */
public record ItemFailure(String key, String code, String message) {
}
