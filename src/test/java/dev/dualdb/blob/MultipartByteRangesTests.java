package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartByteRangesTests {

    @Test
    void writesOnePartPerRangeWithItsHeaders() throws Exception {
        byte[] body = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        MultipartByteRanges multipart = new MultipartByteRanges(List.of(new ByteRange(0, 3), new ByteRange(10, 12)),
                body.length, "text/plain");
        String boundary = multipart.contentType().substring("multipart/byteranges; boundary=".length());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        multipart.writeTo(out, (offset, length) -> new ByteArrayInputStream(body, (int) offset, (int) length));

        assertThat(out.toString(StandardCharsets.US_ASCII))
            .isEqualTo("\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 0-3/20\r\n\r\n0123"
                    + "\r\n--" + boundary + "\r\nContent-Type: text/plain\r\nContent-Range: bytes 10-12/20\r\n\r\nabc"
                    + "\r\n--" + boundary + "--\r\n");
        assertThat(multipart.contentLength()).isEqualTo(out.size());
    }

    @Test
    void eachBodyHasItsOwnBoundary() {
        List<ByteRange> ranges = List.of(new ByteRange(0, 1), new ByteRange(5, 6));

        assertThat(new MultipartByteRanges(ranges, 10, "image/png").contentType())
            .isNotEqualTo(new MultipartByteRanges(ranges, 10, "image/png").contentType());
    }

}
