package dev.dualdb.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestDigestsTests {

    private static final byte[] SHA256 = sha256("hello");

    private static final String BASE64 = Base64.getEncoder().encodeToString(SHA256);

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static MockHttpServletRequest request(String... headers) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/media");
        for (int i = 0; i < headers.length; i += 2) {
            request.addHeader(headers[i], headers[i + 1]);
        }
        return request;
    }

    @Test
    void readsTheSha256MemberOfAContentOrReprDigest() {
        assertThat(RequestDigests.body(request("Content-Digest", "sha-256=:" + BASE64 + ":"))).hasValue(SHA256);
        assertThat(RequestDigests.body(request("Repr-Digest", "sha-512=:AAAA:, sha-256=:" + BASE64 + ":;x=1")))
            .hasValue(SHA256);
        assertThat(RequestDigests.body(request("Content-Digest", "sha-512=:AAAA:"))).isEmpty();
        assertThat(RequestDigests.body(request())).isEmpty();
    }

    @Test
    void readsTheFileChecksum() {
        assertThat(RequestDigests.file(request("x-amz-checksum-sha256", BASE64)))
            .hasValue(HexFormat.of().formatHex(SHA256));
        assertThat(RequestDigests.file(request())).isEmpty();
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String value : new String[] { "sha-256=" + BASE64, "sha-256=:not base64:", "sha-256=:AAAA:", "garbage",
                "sha-256=:" + BASE64 }) {
            assertThatThrownBy(() -> RequestDigests.body(request("Content-Digest", value))).isInstanceOfSatisfying(
                    InvalidInput.class, (ex) -> assertThat(ex.code()).isEqualTo("malformed-digest"));
        }
        assertThatThrownBy(() -> RequestDigests.file(request("x-amz-checksum-sha256", "AAAA")))
            .isInstanceOfSatisfying(InvalidInput.class, (ex) -> assertThat(ex.code()).isEqualTo("malformed-digest"));
        assertThatThrownBy(() -> RequestDigests.body(request("Content-Digest", "sha-256=:" + BASE64 + ":",
                "Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256("other")) + ":")))
            .isInstanceOfSatisfying(InvalidInput.class, (ex) -> assertThat(ex.code()).isEqualTo("malformed-digest"));
    }

    @Test
    void aMismatchIsRefused() {
        RequestDigests.verify("x", SHA256, sha256("hello"));
        assertThatThrownBy(() -> RequestDigests.verify("x", SHA256, sha256("other")))
            .isInstanceOfSatisfying(InvalidInput.class, (ex) -> assertThat(ex.code()).isEqualTo("digest-mismatch"));
    }

}
