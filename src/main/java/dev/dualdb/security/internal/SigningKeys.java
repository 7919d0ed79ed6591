package dev.dualdb.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * The built-in issuer's RS256 key pairs, kept as a JWK set in a file of the key
 * directory. The newest key signs; every key in the file verifies, so tokens signed
 * before a rotation stay valid until they expire. A key older than the rotation age is
 * replaced at start by a new one; a key is dropped once it is older than the rotation age
 * plus the longest token lifetime.
 * <p>
 * Several instances share the directory: a rotation merges its new key into what the file
 * holds at that moment, under a file lock, so two instances starting together keep both
 * keys; and a token whose key this instance does not know makes it read the file again
 * (at most once per {@link #RELOAD_PAUSE}), so a key another instance made after this one
 * started verifies here too, without a restart.
 */
public final class SigningKeys {

    static final String FILE = "jwt-signing-keys.json";

    static final Duration RELOAD_PAUSE = Duration.ofSeconds(5);

    private final Path file;

    private final RSAKey signing;

    private volatile JWKSet keys;

    private volatile Instant lastReload = Instant.EPOCH;

    private SigningKeys(Path file, RSAKey signing, JWKSet keys) {
        this.file = file;
        this.signing = signing;
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
    public static synchronized SigningKeys load(Path directory, Duration rotation, Duration keep) {
        // synchronized: a file lock is held per JVM, so two loads in one JVM must take
        // turns here.
        Path file = directory.resolve(FILE);
        try {
            Files.createDirectories(directory);
            try (FileChannel lockFile = FileChannel.open(directory.resolve(FILE + ".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
                List<JWK> stored = new ArrayList<>(read(file));
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
                return new SigningKeys(file, stored.get(0).toRSAKey(), keys);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the signing keys in " + directory, ex);
        }
    }

    private static List<JWK> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8)).getKeys();
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
     * The key that signs new tokens: the newest when this instance started.
     * @return the signing key
     */
    public RSAKey signing() {
        return this.signing;
    }

    /**
     * Every key, private parts included, for signing and verifying; a key it does not
     * hold makes it read the key file again.
     * @return the key source
     */
    public JWKSource<SecurityContext> source() {
        return this::select;
    }

    private List<JWK> select(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(this.keys);
        if (found.isEmpty() && reloadDue()) {
            found = selector.select(this.keys);
        }
        return found;
    }

    /**
     * Reads the key file again, keeping every key already known, unless that was done
     * within the last {@link #RELOAD_PAUSE}.
     * @return whether the keys were read again
     */
    private synchronized boolean reloadDue() {
        Instant now = Instant.now();
        if (now.isBefore(this.lastReload.plus(RELOAD_PAUSE))) {
            return false;
        }
        this.lastReload = now;
        try {
            Map<String, JWK> merged = new LinkedHashMap<>();
            this.keys.getKeys().forEach((key) -> merged.put(key.getKeyID(), key));
            read(this.file).forEach((key) -> merged.putIfAbsent(key.getKeyID(), key));
            this.keys = new JWKSet(new ArrayList<>(merged.values()));
            return true;
        }
        catch (IOException | RuntimeException ex) {
            return false;
        }
    }

    /**
     * The public keys, as published at the JWKS endpoint.
     * @return the public JWK set
     */
    public JWKSet publicKeys() {
        reloadDue();
        return this.keys.toPublicJWKSet();
    }

}
