package dev.dualdb.blob.internal;

import java.util.regex.Pattern;

import dev.dualdb.system.InvalidInput;

/**
 * Storage keys, derived from the hash alone: {@code ab/cd/abcd…}. Two levels of 256
 * directories keep any one directory small (a million blobs are about 15 per directory)
 * on file systems and in bucket listings alike.
 */
public final class BlobKeys {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private BlobKeys() {
    }

    /**
     * The hash itself, once it is known to be 64 lower-case hex characters (so it is safe
     * in a path or a key).
     * @param sha256 the hash to check
     * @return {@code sha256} itself
     * @throws InvalidInput if it is not 64 lower-case hex characters
     */
    public static String checked(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new InvalidInput("malformed-sha256", "A blob hash is 64 lower-case hexadecimal characters");
        }
        return sha256;
    }

    /**
     * Whether {@code name} is a hash (64 lower-case hex characters).
     * @param name a file or object name, or {@code null}
     * @return whether it is a hash
     */
    public static boolean isHash(String name) {
        return name != null && SHA256.matcher(name).matches();
    }

    /**
     * The key a blob is stored under, sharded by its first two bytes.
     * @param sha256 the blob's hash
     * @return {@code ab/cd/abcd…}
     * @throws InvalidInput if {@code sha256} is not 64 lower-case hex characters
     */
    public static String keyOf(String sha256) {
        checked(sha256);
        return sha256.substring(0, 2) + "/" + sha256.substring(2, 4) + "/" + sha256;
    }

}
