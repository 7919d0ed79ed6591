package dev.dualdb.blob;

/**
 * One satisfiable byte range of a representation, both ends inclusive, as in HTTP.
 *
 * @param first the offset of the first byte
 * @param last the offset of the last byte ({@code >= first})
 */
public record ByteRange(long first, long last) {

    public ByteRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("Not a byte range: " + first + "-" + last);
        }
    }

    /** The number of bytes in the range. */
    public long length() {
        return this.last - this.first + 1;
    }

    /**
     * The {@code Content-Range} header value for this range of a representation of
     * {@code totalLength} bytes.
     */
    public String contentRange(long totalLength) {
        return "bytes " + this.first + "-" + this.last + "/" + totalLength;
    }

    /** The {@code Content-Range} header value of a 416 answer. */
    public static String unsatisfiedContentRange(long totalLength) {
        return "bytes */" + totalLength;
    }
}
