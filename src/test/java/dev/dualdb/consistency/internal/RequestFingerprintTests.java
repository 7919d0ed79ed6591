package dev.dualdb.consistency.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestFingerprintTests {

    private static byte[] multipart(String boundary, String content) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
                + content + "\r\n--" + boundary + "--\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    }

    private static String fingerprint(String boundary, byte[] body) {
        return RequestFingerprint.of("POST", "/api/media", null, "multipart/form-data; boundary=" + boundary, body);
    }

    @Test
    void theSameUploadWithANewBoundaryHasTheSameFingerprint() {
        assertThat(fingerprint("----abc123", multipart("----abc123", "hello")))
            .isEqualTo(fingerprint("XyZ-987654321", multipart("XyZ-987654321", "hello")));
    }

    @Test
    void anotherFileHasAnotherFingerprint() {
        assertThat(fingerprint("b1", multipart("b1", "hello")))
            .isNotEqualTo(fingerprint("b1", multipart("b1", "hellp")));
    }

    @Test
    void contentThatOnlyResemblesTheBoundaryIsKept() {
        // "--b" followed by something else is content, not a delimiter.
        assertThat(fingerprint("bound", multipart("bound", "--boun!")))
            .isNotEqualTo(fingerprint("bound", multipart("bound", "--bounX")));
    }

    @Test
    void methodPathQueryAndBodyAllCount() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        String base = RequestFingerprint.of("POST", "/api/products", null, "application/json", body);

        assertThat(RequestFingerprint.of("POST", "/api/products", null, "application/json; charset=UTF-8", body))
            .isEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/courses", null, "application/json", body)).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/products", "x=1", "application/json", body)).isNotEqualTo(base);
        assertThat(RequestFingerprint.of("POST", "/api/products", null, "application/json",
                "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
            .isNotEqualTo(base);
    }

}
