package dev.dualdb.blob;

import dev.dualdb.blob.internal.BlobKeys;

/**
 * The {@code ETag} of a blob: its SHA-256, a strong validator, because bytes under a hash
 * never change. Evaluates the conditional request headers against it (RFC 9110 §13).
 *
 * @param sha256 the blob's hash
 */
public record EntityTag(String sha256) {

    public EntityTag {
        BlobKeys.checked(sha256);
    }

    /** The header value: the hash in quotes. */
    public String header() {
        return "\"" + this.sha256 + "\"";
    }

    /**
     * Whether an {@code If-None-Match} header matches, so the answer is 304 Not Modified
     * (weak comparison, as the RFC asks for this header: {@code W/"…"} matches too).
     * {@code null} never matches.
     */
    public boolean matchesIfNoneMatch(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.equals("*")) {
                return true;
            }
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(header())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a {@code Range} may be honoured given the request's {@code If-Range}
     * header: yes without one; with one, only if it is exactly this strong tag. A weak
     * tag or a date never qualifies (we send no {@code Last-Modified}), and then the
     * whole body is sent, as the RFC requires.
     */
    public boolean allowsRange(String ifRange) {
        return ifRange == null || ifRange.strip().equals(header());
    }
}
