package dev.dualdb.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The built-in issuer's RS256 key pairs, kept as a JWK set in a file of the key
 * directory. The newest key signs; every key in the file verifies, so tokens signed
 * before a rotation stay valid until they expire. A key older than the rotation age is
 * replaced at start by a new one; a key is dropped once it is older than the rotation age
 * plus the longest token lifetime.
 */
public final class SigningKeys {

    static final String FILE = "jwt-signing-keys.json";

    private final JWKSet keys;

    private SigningKeys(JWKSet keys) {
        this.keys = keys;
    }

    /**
     * Loads the keys, making (and storing) a new one when there is none or the newest is
     * older than {@code rotation}.
     * @param directory the key directory
     * @param rotation the age after which a new key is made
     * @param keep how long a key is kept after it stops signing
     * @return the keys
     */
    public static SigningKeys load(Path directory, Duration rotation, Duration keep) {
        Path file = directory.resolve(FILE);
        try {
            List<JWK> stored = new ArrayList<>(Files.exists(file)
                    ? JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys() : List.of());
            Instant now = Instant.now();
            stored.sort(Comparator.comparing(SigningKeys::issued).reversed());
            boolean changed = false;
            if (stored.isEmpty() || issued(stored.get(0)).isBefore(now.minus(rotation))) {
                stored.add(0, generate(now));
                changed = true;
            }
            Instant oldest = now.minus(rotation).minus(keep);
            changed |= stored.subList(1, stored.size()).removeIf((key) -> issued(key).isBefore(oldest));
            JWKSet keys = new JWKSet(stored);
            if (changed) {
                store(directory, file, keys);
            }
            return new SigningKeys(keys);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the signing keys in " + directory, ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("The signing keys in " + file + " cannot be read: " + ex.getMessage(), ex);
        }
    }

    private static RSAKey generate(Instant now) {
        try {
            return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE)
                .algorithm(JWSAlgorithm.RS256)
                .keyID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Cannot generate a signing key", ex);
        }
    }

    private static Instant issued(JWK key) {
        return (key.getIssueTime() != null) ? key.getIssueTime().toInstant() : Instant.EPOCH;
    }

    private static void store(Path directory, Path file, JWKSet keys) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, FILE, ".tmp");
        try {
            restrict(temporary);
            Files.writeString(temporary, keys.toString(false), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        catch (UnsupportedOperationException ex) {
            // Not a POSIX file system (Windows): the directory's own permissions apply.
        }
    }

    /**
     * The key that signs new tokens.
     * @return the newest key
     */
    public RSAKey signing() {
        return this.keys.getKeys().get(0).toRSAKey();
    }

    /**
     * Every key, private parts included, for signing and verifying.
     * @return the key source
     */
    public JWKSource<SecurityContext> source() {
        return new ImmutableJWKSet<>(this.keys);
    }

    /**
     * The public keys, as published at the JWKS endpoint.
     * @return the public JWK set
     */
    public JWKSet publicKeys() {
        return this.keys.toPublicJWKSet();
    }

}
