package dev.dualdb.blob;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * A {@code multipart/byteranges} body (RFC 9110 §14.6) for a
 * {@link RangeSelection.Multiple} answer: one part per range, each with its
 * {@code Content-Type} and {@code Content-Range}, the bytes streamed from the store. Its
 * length is known before writing, so the response can carry {@code Content-Length}.
 */
public final class MultipartByteRanges {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<ByteRange> ranges;

    private final long totalLength;

    private final String contentType;

    private final String boundary;

    /**
     * Prepares the body; nothing is read until {@link #writeTo}.
     * @param ranges the ranges to send, as chosen by {@link RangeSelection}
     * @param totalLength the length of the whole representation
     * @param contentType the type of the representation, repeated in each part
     */
    public MultipartByteRanges(List<ByteRange> ranges, long totalLength, String contentType) {
        this.ranges = List.copyOf(ranges);
        this.totalLength = totalLength;
        this.contentType = contentType;
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        this.boundary = "dualdb-" + HexFormat.of().formatHex(random);
    }

    /**
     * The response's {@code Content-Type}.
     * @return {@code multipart/byteranges} with this body's boundary
     */
    public String contentType() {
        return "multipart/byteranges; boundary=" + this.boundary;
    }

    /**
     * The response's {@code Content-Length}.
     * @return the exact length of the body in bytes
     */
    public long contentLength() {
        long length = closing().length;
        for (ByteRange range : this.ranges) {
            length += partHeader(range).length + range.length();
        }
        return length;
    }

    /**
     * Writes the body, reading each range through {@code opener}.
     * @param out where the body goes
     * @param opener where the bytes of each range come from
     * @throws IOException if reading or writing fails, or a range comes back short
     */
    public void writeTo(OutputStream out, RangeOpener opener) throws IOException {
        for (ByteRange range : this.ranges) {
            out.write(partHeader(range));
            try (InputStream in = opener.open(range.first(), range.length())) {
                long copied = in.transferTo(out);
                if (copied != range.length()) {
                    throw new IOException("Expected " + range.length() + " bytes of the range, got " + copied);
                }
            }
        }
        out.write(closing());
    }

    private byte[] partHeader(ByteRange range) {
        return ("\r\n--" + this.boundary + "\r\nContent-Type: " + this.contentType + "\r\nContent-Range: "
                + range.contentRange(this.totalLength) + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] closing() {
        return ("\r\n--" + this.boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Opens {@code length} bytes from {@code offset};
     * {@link BlobStore#open(String, long, long)} fits.
     */
    @FunctionalInterface
    public interface RangeOpener {

        /**
         * Opens a range of the bytes.
         * @param offset the first byte
         * @param length how many bytes
         * @return a stream of exactly those bytes
         * @throws IOException if they cannot be read
         */
        InputStream open(long offset, long length) throws IOException;

    }

}
