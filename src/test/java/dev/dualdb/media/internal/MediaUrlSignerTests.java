package dev.dualdb.media.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Signing and checking media URLs, key rotation included, with a fixed clock. */
class MediaUrlSignerTests {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final byte[] OLD = "an-old-secret-of-at-least-32-characters".getBytes(StandardCharsets.UTF_8);

    private static final byte[] NEW = "a-new-secret-of-at-least-32-characters!".getBytes(StandardCharsets.UTF_8);

    private final UUID id = UUID.randomUUID();

    @Test
    void aUrlSignedWithTheOldKeyStillWorksAfterTheNewKeyIsPutFirst() {
        MediaUrlSigner before = signer(NOW, Map.of("old", OLD));
        Map<String, byte[]> rotated = new LinkedHashMap<>();
        rotated.put("new", NEW);
        rotated.put("old", OLD);
        MediaUrlSigner after = signer(NOW, rotated);

        Parts old = Parts.of(before.sign(this.id));
        Parts fresh = Parts.of(after.sign(this.id));

        assertThat(old.kid()).isEqualTo("old");
        assertThat(fresh.kid()).as("the first key signs").isEqualTo("new");
        assertThat(after.verify(this.id, old.expires(), old.kid(), old.sig())).isEqualTo(NOW.plusSeconds(600));
        assertThat(after.verify(this.id, fresh.expires(), fresh.kid(), fresh.sig())).isAfter(NOW);
        assertThatExceptionOfType(MediaUrlRefused.class).as("an instance without the new key does not know it")
            .isThrownBy(() -> before.verify(this.id, fresh.expires(), fresh.kid(), fresh.sig()))
            .satisfies((refused) -> assertThat(refused.code()).isEqualTo("media-url-invalid"));
        MediaUrlSigner retired = signer(NOW, Map.of("new", NEW));
        assertThatExceptionOfType(MediaUrlRefused.class).as("once the old key is removed")
            .isThrownBy(() -> retired.verify(this.id, old.expires(), old.kid(), old.sig()));
    }

    @Test
    void aUrlExpiresAtItsExpiryAndNotBefore() {
        Parts parts = Parts.of(signer(NOW, Map.of("k", OLD)).sign(this.id));

        assertThat(signer(NOW.plusSeconds(599), Map.of("k", OLD)).verify(this.id, parts.expires(), parts.kid(),
                parts.sig()))
            .isEqualTo(NOW.plusSeconds(600));
        assertThatExceptionOfType(MediaUrlRefused.class)
            .isThrownBy(() -> signer(NOW.plusSeconds(600), Map.of("k", OLD)).verify(this.id, parts.expires(),
                    parts.kid(), parts.sig()))
            .satisfies((refused) -> assertThat(refused.code()).isEqualTo("media-url-expired"));
    }

    @Test
    void anyChangedPartOrMissingPartIsRefused() {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("k", OLD);
        keys.put("j", NEW);
        MediaUrlSigner signer = signer(NOW, keys);
        Parts parts = Parts.of(signer.sign(this.id));
        String later = Long.toString(Long.parseLong(parts.expires()) + 3600);

        assertRefused(() -> signer.verify(UUID.randomUUID(), parts.expires(), parts.kid(), parts.sig()));
        assertRefused(() -> signer.verify(this.id, later, parts.kid(), parts.sig()));
        assertRefused(() -> signer.verify(this.id, parts.expires(), "j", parts.sig()));
        assertRefused(() -> signer.verify(this.id, parts.expires(), "unknown", parts.sig()));
        assertRefused(() -> signer.verify(this.id, parts.expires(), parts.kid(), parts.sig() + "A"));
        assertRefused(() -> signer.verify(this.id, parts.expires(), parts.kid(), null));
        assertRefused(() -> signer.verify(this.id, "soon", parts.kid(), parts.sig()));
    }

    private static void assertRefused(Runnable verify) {
        assertThatExceptionOfType(MediaUrlRefused.class).isThrownBy(verify::run)
            .satisfies((refused) -> assertThat(refused.code()).isEqualTo("media-url-invalid"));
    }

    private static MediaUrlSigner signer(Instant now, Map<String, byte[]> keys) {
        return new MediaUrlSigner(keys, Duration.ofMinutes(10), Clock.fixed(now, ZoneOffset.UTC));
    }

    private record Parts(String expires, String kid, String sig) {

        static Parts of(String url) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(parts[0], parts[1]);
            }
            return new Parts(query.get("expires"), query.get("kid"), query.get("sig"));
        }

    }

}
