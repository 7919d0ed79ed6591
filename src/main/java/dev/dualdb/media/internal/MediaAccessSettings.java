package dev.dualdb.media.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How private media is reached: signed URLs and view counting ({@code dualdb.media.*}).
 *
 * @param signedUrlLifetime how long a signed URL handed out by the API stays valid
 * @param signingKeys the keys that sign and verify media URLs; the first signs, every one
 * verifies (rotate by putting a new key first and keeping the old one for at least one
 * {@code signed-url-lifetime}). When none is set, one key is generated into
 * {@code signing-key-file} on first start and kept there
 * @param signingKeyFile where the generated key is kept when {@code signing-keys} is
 * empty (readable by this user only); instances that share no data directory must set
 * {@code signing-keys} instead
 * @param viewWindow a user's views (or accesses) of one piece of media within this window
 * count once; {@code 0} counts every view
 */
@ConfigurationProperties("dualdb.media")
public record MediaAccessSettings(@DefaultValue("10m") Duration signedUrlLifetime, List<SigningKey> signingKeys,
        @DefaultValue("data/keys/media-url-keys") Path signingKeyFile, @DefaultValue("30m") Duration viewWindow) {

    public MediaAccessSettings {
        signingKeys = (signingKeys != null) ? List.copyOf(signingKeys) : List.of();
    }

    /**
     * One key for signing media URLs.
     *
     * @param id the key id, carried in the URL's {@code kid} (letters, digits, {@code -}
     * and {@code _})
     * @param secret the secret, at least 32 characters
     */
    public record SigningKey(String id, String secret) {

        @Override
        public String toString() {
            return "SigningKey[id=" + this.id + "]";
        }

    }

}
