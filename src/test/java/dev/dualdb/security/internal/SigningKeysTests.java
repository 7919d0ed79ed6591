package dev.dualdb.security.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several instances sharing one key directory: a key made by another instance after this
 * one started verifies here without a restart, and two instances rotating at the same
 * moment keep both keys in the file.
 */
class SigningKeysTests {

    private static final Duration KEEP = Duration.ofHours(1);

    @TempDir
    Path directory;

    @Test
    void aKeyAnotherInstanceMadeLaterIsFoundInTheFile() throws Exception {
        SigningKeys first = SigningKeys.load(this.directory, Duration.ofDays(30), KEEP);
        SigningKeys rotated = SigningKeys.load(this.directory, Duration.ZERO, KEEP);
        String newKey = rotated.signing().getKeyID();
        assertThat(newKey).isNotEqualTo(first.signing().getKeyID());

        List<JWK> found = first.source().get(byId(newKey), null);

        assertThat(found).extracting(JWK::getKeyID).containsExactly(newKey);
        assertThat(first.publicKeys().getKeyByKeyId(newKey)).isNotNull();
        assertThat(first.publicKeys().getKeyByKeyId(newKey).isPrivate()).isFalse();
        // It still signs with its own key, which the file still holds for the others.
        assertThat(first.signing().getKeyID()).isNotEqualTo(newKey);
        assertThat(fileKeyIds()).contains(first.signing().getKeyID(), newKey);
    }

    @Test
    void aKeyNobodyMadeIsNotFound() throws Exception {
        SigningKeys keys = SigningKeys.load(this.directory, Duration.ofDays(30), KEEP);

        assertThat(keys.source().get(byId("not-a-key"), null)).isEmpty();
    }

    @Test
    void twoInstancesRotatingAtOnceKeepBothKeys() throws Exception {
        SigningKeys.load(this.directory, Duration.ofDays(30), KEEP);
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<SigningKeys> a = CompletableFuture.supplyAsync(() -> rotateAfter(start));
        CompletableFuture<SigningKeys> b = CompletableFuture.supplyAsync(() -> rotateAfter(start));

        String keyOfA = a.get().signing().getKeyID();
        String keyOfB = b.get().signing().getKeyID();

        assertThat(keyOfA).isNotEqualTo(keyOfB);
        assertThat(fileKeyIds()).contains(keyOfA, keyOfB);
        assertThat(Files.list(this.directory).map((file) -> file.getFileName().toString()))
            .noneMatch((name) -> name.endsWith(".tmp"));
    }

    private SigningKeys rotateAfter(CyclicBarrier start) {
        try {
            start.await();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return SigningKeys.load(this.directory, Duration.ZERO, KEEP);
    }

    private List<String> fileKeyIds() throws Exception {
        String json = Files.readString(this.directory.resolve(SigningKeys.FILE), StandardCharsets.UTF_8);
        return JWKSet.parse(json).getKeys().stream().map(JWK::getKeyID).toList();
    }

    private static JWKSelector byId(String keyId) {
        return new JWKSelector(new JWKMatcher.Builder().keyID(keyId).build());
    }

}
