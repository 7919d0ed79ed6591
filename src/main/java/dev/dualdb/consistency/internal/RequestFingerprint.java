package dev.dualdb.consistency.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import org.springframework.http.MediaType;

/**
 * A SHA-256 over what makes two requests "the same" for an idempotency key: method, path,
 * query, media type and body. For multipart bodies the boundary is replaced by a constant
 * before hashing, since a client that retries the same upload (curl, say) picks a new
 * random boundary each time. It is fed as the body streams by, so even a multi-gigabyte
 * upload is fingerprinted without holding it.
 */
final class RequestFingerprint {

    private static final byte[] BOUNDARY_TOKEN = "--<boundary>".getBytes(StandardCharsets.US_ASCII);

    private final MessageDigest digest;

    private final byte[] delimiter;

    private final byte[] pending;

    private int pendingLength;

    RequestFingerprint(String method, String path, String query, String contentType) {
        digest = sha256();
        MediaType type = parse(contentType);
        String boundary = type == null ? null : type.getParameter("boundary");
        if (boundary != null && boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        delimiter = boundary == null || boundary.isEmpty() ? null
                : ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        pending = delimiter == null ? new byte[0] : new byte[delimiter.length];
        String head = method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + (query == null ? "" : query) + "\n"
                + (type == null ? "" : type.getType() + "/" + type.getSubtype()) + "\n";
        digest.update(head.getBytes(StandardCharsets.UTF_8));
    }

    void update(byte[] bytes, int offset, int length) {
        if (delimiter == null) {
            digest.update(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            update(bytes[i]);
        }
    }

    void update(int value) {
        byte b = (byte) value;
        if (delimiter == null) {
            digest.update(b);
            return;
        }
        pending[pendingLength++] = b;
        // Emit bytes from the front until what is pending is again a prefix of the
        // delimiter.
        while (pendingLength > 0 && !isDelimiterPrefix()) {
            digest.update(pending[0]);
            System.arraycopy(pending, 1, pending, 0, --pendingLength);
        }
        if (pendingLength == delimiter.length) {
            digest.update(BOUNDARY_TOKEN);
            pendingLength = 0;
        }
    }

    /** The fingerprint as 64 hex characters; the object cannot be fed afterwards. */
    String finish() {
        digest.update(pending, 0, pendingLength);
        pendingLength = 0;
        return HexFormat.of().formatHex(digest.digest());
    }

    private boolean isDelimiterPrefix() {
        for (int i = 0; i < pendingLength; i++) {
            if (pending[i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private static MediaType parse(String contentType) {
        try {
            return contentType == null ? null : MediaType.parseMediaType(contentType);
        }
        catch (RuntimeException e) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** For tests: the fingerprint of a whole body. */
    static String of(String method, String path, String query, String contentType, byte[] body) {
        RequestFingerprint fingerprint = new RequestFingerprint(method, path, query, contentType);
        fingerprint.update(body, 0, body.length);
        return fingerprint.finish();
    }

}
