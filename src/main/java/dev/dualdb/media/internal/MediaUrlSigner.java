package dev.dualdb.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Signs and checks the short-lived URLs of private media:
 * {@code /media/{id}?expires=<epoch seconds>&kid=<key id>&sig=<base64url HMAC-SHA256>},
 * the HMAC taken over the media id, the expiry and the key id. The first key signs; every
 * key verifies, so a rotation overlaps. Signatures are compared in constant time; a
 * refused URL is logged at WARN (without its signature).
 */
@Component
public class MediaUrlSigner {

    private static final Logger log = LoggerFactory.getLogger(MediaUrlSigner.class);

    private static final String HMAC = "HmacSHA256";

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final int MIN_SECRET = 32;

    private final Map<String, byte[]> keys;

    private final String signingKey;

    private final Duration lifetime;

    private final Clock clock;

    @Autowired
    MediaUrlSigner(MediaAccessSettings settings) {
        this(keys(settings), settings.signedUrlLifetime(), Clock.systemUTC());
    }

    MediaUrlSigner(Map<String, byte[]> keys, Duration lifetime, Clock clock) {
        if (keys.isEmpty()) {
            throw new IllegalStateException("No key to sign media URLs with");
        }
        this.keys = Map.copyOf(keys);
        this.signingKey = keys.keySet().iterator().next();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * A signed URL of the bytes of a piece of media, valid for the configured lifetime.
     * @param id the media id
     * @return {@code /media/{id}?expires=…&kid=…&sig=…}
     */
    public String sign(UUID id) {
        return sign(id, this.clock.instant().plus(this.lifetime));
    }

    /**
     * A signed URL of the bytes of a piece of media, valid until {@code expires}.
     * @param id the media id
     * @param expires when the URL stops working (to the second)
     * @return {@code /media/{id}?expires=…&kid=…&sig=…}
     */
    public String sign(UUID id, Instant expires) {
        String expiry = Long.toString(expires.getEpochSecond());
        return MediaUrls.of(id) + "?expires=" + expiry + "&kid=" + this.signingKey + "&sig="
                + signature(this.keys.get(this.signingKey), id, expiry, this.signingKey);
    }

    /**
     * Checks the signature parameters of a media URL.
     * @param id the media id in the path
     * @param expires the {@code expires} parameter
     * @param kid the {@code kid} parameter
     * @param sig the {@code sig} parameter
     * @return when the URL expires
     * @throws MediaUrlRefused if a parameter is missing, the key unknown, the signature
     * does not match, or the URL has expired
     */
    public Instant verify(UUID id, String expires, String kid, String sig) {
        if (expires == null || kid == null || sig == null || !expires.matches("[0-9]{1,12}")) {
            throw refused(MediaUrlRefused.invalid(), id, kid, "incomplete or malformed");
        }
        byte[] key = this.keys.get(kid);
        if (key == null) {
            throw refused(MediaUrlRefused.invalid(), id, kid, "unknown key");
        }
        byte[] expected = signature(key, id, expires, kid).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            throw refused(MediaUrlRefused.invalid(), id, kid, "signature mismatch");
        }
        Instant expiry = Instant.ofEpochSecond(Long.parseLong(expires));
        if (!this.clock.instant().isBefore(expiry)) {
            throw refused(MediaUrlRefused.expired(), id, kid, "expired at " + expiry);
        }
        return expiry;
    }

    private static MediaUrlRefused refused(MediaUrlRefused refusal, UUID id, String kid, String why) {
        log.warn("Signed media URL refused ({}): media {}, key {}", why, id, sanitised(kid));
        return refusal;
    }

    private static String sanitised(String kid) {
        return (kid == null || !KEY_ID.matcher(kid).matches()) ? "(invalid)" : kid;
    }

    static String signature(byte[] key, UUID id, String expires, String kid) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            byte[] digest = mac.doFinal((id + "\n" + expires + "\n" + kid).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (NoSuchAlgorithmException | InvalidKeyException ex) {
            throw new IllegalStateException("HMAC-SHA256 is not available", ex);
        }
    }

    private static Map<String, byte[]> keys(MediaAccessSettings settings) {
        List<MediaAccessSettings.SigningKey> configured = settings.signingKeys();
        if (configured.isEmpty()) {
            return generatedKey(settings.signingKeyFile());
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (MediaAccessSettings.SigningKey key : configured) {
            if (key.id() == null || !KEY_ID.matcher(key.id()).matches()) {
                throw new IllegalStateException(
                        "dualdb.media.signing-keys: a key id must be 1 to 64 letters, digits, - or _");
            }
            if (key.secret() == null || key.secret().length() < MIN_SECRET) {
                throw new IllegalStateException("dualdb.media.signing-keys: the secret of key " + key.id()
                        + " must be at least " + MIN_SECRET + " characters");
            }
            if (keys.put(key.id(), key.secret().getBytes(StandardCharsets.UTF_8)) != null) {
                throw new IllegalStateException("dualdb.media.signing-keys: key id " + key.id() + " appears twice");
            }
        }
        return keys;
    }

    // The key kept in the file, made on first start: one line, the key id, a space and
    // the
    // secret.
    private static Map<String, byte[]> generatedKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                String kid = "g" + Long.toString(Instant.now().getEpochSecond(), 36);
                store(file, kid + " " + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ", 2);
            if (parts.length != 2 || !KEY_ID.matcher(parts[0]).matches()) {
                throw new IllegalStateException("The media URL key in " + file + " cannot be read");
            }
            return Map.of(parts[0], parts[1].getBytes(StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read or write the media URL key " + file, ex);
        }
    }

    private static void store(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            catch (UnsupportedOperationException ex) {
                // Not a POSIX file system: the directory's own permissions apply.
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            // Two instances starting at once on one data directory: the first key wins.
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            }
            catch (IOException ex) {
                if (!Files.exists(file)) {
                    throw ex;
                }
            }
        }
        finally {
            Files.deleteIfExists(temporary);
        }
    }

}
