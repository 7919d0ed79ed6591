package dev.dualdb.system;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The integrity headers an upload may carry, read before any byte of the body:
 * <ul>
 * <li>{@code Content-Digest} or {@code Repr-Digest} (RFC 9530): the SHA-256 of the
 * request body exactly as sent (the whole multipart form), as a structured-field
 * dictionary such as {@code sha-256=:base64:}. Other algorithms in the dictionary are
 * ignored, as RFC 9530 allows; a dictionary without {@code sha-256} checks nothing.</li>
 * <li>{@code x-amz-checksum-sha256}: the base64 SHA-256 of the one file of the request
 * (as S3 takes it for an object).</li>
 * </ul>
 * A header that cannot be read is {@code 400 malformed-digest}; a digest that does not
 * match is {@code 400 digest-mismatch}.
 */
public final class RequestDigests {

    /** The header carrying the SHA-256 of the uploaded file. */
    public static final String FILE_HEADER = "x-amz-checksum-sha256";

    private static final int SHA256_BYTES = 32;

    private RequestDigests() {
    }

    /**
     * The SHA-256 the client gave for the whole body, if any.
     * @param request the request
     * @return the 32 bytes of the digest, or empty when the request names none
     * @throws InvalidInput {@code malformed-digest} for a header that cannot be read, or
     * two headers that disagree
     */
    public static Optional<byte[]> body(HttpServletRequest request) {
        Optional<byte[]> content = dictionary("Content-Digest", request.getHeader("Content-Digest"));
        Optional<byte[]> representation = dictionary("Repr-Digest", request.getHeader("Repr-Digest"));
        if (content.isPresent() && representation.isPresent()
                && !MessageDigest.isEqual(content.get(), representation.get())) {
            throw malformed("Content-Digest and Repr-Digest give different SHA-256 digests");
        }
        return content.isPresent() ? content : representation;
    }

    /**
     * The SHA-256 the client gave for its one file ({@value #FILE_HEADER}), if any.
     * @param request the request
     * @return the digest as lower-case hex, or empty
     * @throws InvalidInput {@code malformed-digest} for a value that is not the base64 of
     * 32 bytes
     */
    public static Optional<String> file(HttpServletRequest request) {
        String value = request.getHeader(FILE_HEADER);
        if (value == null) {
            return Optional.empty();
        }
        byte[] digest = base64(FILE_HEADER, value.strip());
        return Optional.of(HexFormat.of().formatHex(digest));
    }

    /**
     * Compares what was received with what the client said.
     * @param what what the digest covers, for the message
     * @param expected the client's digest
     * @param actual the digest of what arrived
     * @throws InvalidInput {@code digest-mismatch} when they differ
     */
    public static void verify(String what, byte[] expected, byte[] actual) {
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new InvalidInput("digest-mismatch",
                    "The SHA-256 of " + what + " is not the one the request gives: nothing was kept");
        }
    }

    /**
     * Reads the {@code sha-256} member of an RFC 9530 dictionary.
     * @param header the header's name, for messages
     * @param value the header's value, or {@code null}
     * @return the digest, or empty without a header or a {@code sha-256} member
     */
    private static Optional<byte[]> dictionary(String header, String value) {
        if (value == null) {
            return Optional.empty();
        }
        byte[] sha256 = null;
        for (String member : value.split(",")) {
            String entry = member.strip();
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw malformed(header + " is not a dictionary of algorithm=:base64: members");
            }
            String algorithm = entry.substring(0, equals).strip().toLowerCase(Locale.ROOT);
            String bytes = entry.substring(equals + 1).strip();
            int parameters = bytes.indexOf(';');
            if (parameters >= 0) {
                bytes = bytes.substring(0, parameters).strip();
            }
            if (bytes.length() < 2 || bytes.charAt(0) != ':' || bytes.charAt(bytes.length() - 1) != ':') {
                throw malformed(header + ": the value of " + algorithm + " is not a byte sequence (:base64:)");
            }
            byte[] decoded = decode(header, bytes.substring(1, bytes.length() - 1));
            if (algorithm.equals("sha-256")) {
                if (decoded.length != SHA256_BYTES) {
                    throw malformed(header + ": sha-256 must be 32 bytes");
                }
                sha256 = decoded;
            }
        }
        return Optional.ofNullable(sha256);
    }

    private static byte[] base64(String header, String value) {
        byte[] decoded = decode(header, value);
        if (decoded.length != SHA256_BYTES) {
            throw malformed(header + " must be the base64 of a 32-byte SHA-256");
        }
        return decoded;
    }

    private static byte[] decode(String header, String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        }
        catch (IllegalArgumentException ex) {
            throw malformed(header + " is not valid base64");
        }
    }

    private static InvalidInput malformed(String message) {
        return new InvalidInput("malformed-digest", message);
    }

}
