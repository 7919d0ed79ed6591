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
        this.digest = sha256();
        MediaType type = parse(contentType);
        String boundary = (type != null) ? type.getParameter("boundary") : null;
        if (boundary != null && boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        this.delimiter = (boundary == null || boundary.isEmpty()) ? null
                : ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        this.pending = (this.delimiter == null) ? new byte[0] : new byte[this.delimiter.length];
        String head = method.toUpperCase(Locale.ROOT) + "\n" + path + "\n" + ((query != null) ? query : "") + "\n"
                + ((type != null) ? type.getType() + "/" + type.getSubtype() : "") + "\n";
        this.digest.update(head.getBytes(StandardCharsets.UTF_8));
    }

    void update(byte[] bytes, int offset, int length) {
        if (this.delimiter == null) {
            this.digest.update(bytes, offset, length);
            return;
        }
        for (int i = offset; i < offset + length; i++) {
            update(bytes[i]);
        }
    }

    void update(int value) {
        byte b = (byte) value;
        if (this.delimiter == null) {
            this.digest.update(b);
            return;
        }
        this.pending[this.pendingLength++] = b;
        // Emit bytes from the front until what is pending is again a prefix of the
        // delimiter.
        while (this.pendingLength > 0 && !isDelimiterPrefix()) {
            this.digest.update(this.pending[0]);
            System.arraycopy(this.pending, 1, this.pending, 0, --this.pendingLength);
        }
        if (this.pendingLength == this.delimiter.length) {
            this.digest.update(BOUNDARY_TOKEN);
            this.pendingLength = 0;
        }
    }

    /**
     * The fingerprint as 64 hex characters; the object cannot be fed afterwards.
     * @return the SHA-256 of everything fed, in lower-case hex
     */
    String finish() {
        this.digest.update(this.pending, 0, this.pendingLength);
        this.pendingLength = 0;
        return HexFormat.of().formatHex(this.digest.digest());
    }

    private boolean isDelimiterPrefix() {
        for (int i = 0; i < this.pendingLength; i++) {
            if (this.pending[i] != this.delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private static MediaType parse(String contentType) {
        try {
            return (contentType != null) ? MediaType.parseMediaType(contentType) : null;
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    /**
     * For tests: the fingerprint of a whole body.
     * @param method the HTTP method
     * @param path the request path
     * @param query the query string, or {@code null}
     * @param contentType the {@code Content-Type} header, or {@code null}; a multipart
     * boundary in it is taken out of the hash
     * @param body the whole request body
     * @return the fingerprint as 64 hex characters
     */
    static String of(String method, String path, String query, String contentType, byte[] body) {
        RequestFingerprint fingerprint = new RequestFingerprint(method, path, query, contentType);
        fingerprint.update(body, 0, body.length);
        return fingerprint.finish();
    }

}
