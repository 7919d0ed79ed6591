package dev.dualdb.security.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dualdb.security.Caller;
import dev.dualdb.security.StorageUsage;

/**
 * The abuse limits as a policy: which rate limit a login, a registration or an upload
 * draws on, and whether an instructor's upload fits the storage quota. The buckets
 * themselves are {@link RateLimits}.
 */
@Component
public class AbuseLimits {

    private static final Logger log = LoggerFactory.getLogger(AbuseLimits.class);

    static final String LOGIN_ACCOUNT = "login-account";

    static final String LOGIN_ADDRESS = "login-address";

    static final String REGISTRATION_ADDRESS = "registration-address";

    static final String UPLOADS = "uploads";

    static final String UPLOAD_BYTES = "upload-bytes";

    private final RateLimits limits;

    private final AbuseLimitProperties properties;

    private final List<StorageUsage> usage;

    AbuseLimits(RateLimits limits, AbuseLimitProperties properties, List<StorageUsage> usage) {
        this.limits = limits;
        this.properties = properties;
        this.usage = usage;
    }

    /**
     * Counts a login attempt for an email address.
     * @param email the email tried, any case
     * @throws RateLimited if there were too many lately
     */
    public void checkLoginAttempt(String email) {
        if (this.properties.enabled() && email != null) {
            take(LOGIN_ACCOUNT, this.properties.loginPerAccount(), email.trim().toLowerCase(Locale.ROOT), 1,
                    "login attempts for this account");
        }
    }

    void checkLoginFrom(String address) {
        if (this.properties.enabled()) {
            take(LOGIN_ADDRESS, this.properties.loginPerAddress(), address, 1, "login attempts from your address");
        }
    }

    void checkRegistrationFrom(String address) {
        if (this.properties.enabled()) {
            take(REGISTRATION_ADDRESS, this.properties.registrationPerAddress(), address, 1,
                    "registrations from your address");
        }
    }

    /**
     * Counts an upload request and its declared bytes.
     * @param caller who uploads
     * @param contentLength the declared length, or {@code -1} when chunked
     * @throws RateLimited if the caller uploaded too much lately
     */
    void checkUpload(Caller caller, long contentLength) {
        if (!this.properties.enabled() || caller.isAnonymous() || caller.isAdmin()) {
            return;
        }
        take(UPLOADS, this.properties.uploadsPerUser(), caller.userId(), 1, "uploads");
        if (contentLength >= 0) {
            take(UPLOAD_BYTES, this.properties.uploadBytesPerUser(), caller.userId(), contentLength, "bytes uploaded");
        }
        else {
            Optional<Duration> wait = this.limits.whileEmpty(UPLOAD_BYTES, this.properties.uploadBytesPerUser(),
                    caller.userId());
            if (wait.isPresent()) {
                throw new RateLimited("bytes uploaded", wait.get());
            }
        }
    }

    /**
     * Charges the bytes of a chunked upload once they have been read.
     * @param caller who uploaded
     * @param bytes how many bytes were read
     */
    void chargeChunkedUpload(Caller caller, long bytes) {
        if (this.properties.enabled() && !caller.isAnonymous() && !caller.isAdmin()) {
            this.limits.charge(UPLOAD_BYTES, this.properties.uploadBytesPerUser(), caller.userId(), bytes);
        }
    }

    /**
     * Refuses an instructor's upload that would take their stored media over the quota.
     * The declared length includes the multipart framing (a few hundred bytes), so the
     * check errs on the safe side; a chunked upload is refused only when the quota is
     * already used up.
     * @param caller who uploads
     * @param contentLength the declared length, or {@code -1} when chunked
     * @throws QuotaExceeded if it would not fit
     */
    void checkQuota(Caller caller, long contentLength) {
        long quota = this.properties.instructorQuota().toBytes();
        if (quota <= 0 || this.usage.isEmpty() || caller.isAdmin() || !caller.hasRole(Caller.INSTRUCTOR)) {
            return;
        }
        long used;
        try {
            used = this.usage.stream().mapToLong((u) -> u.bytesStoredBy(caller.userId())).sum();
        }
        catch (RuntimeException ex) {
            // The upload needs the stores this reads: if they are away it fails on its
            // own.
            log.warn("Storage quota of {} cannot be checked: {}", caller.userId(), ex.getMessage());
            return;
        }
        if (used + Math.max(contentLength, 0) > quota || used >= quota) {
            throw new QuotaExceeded(used, quota);
        }
    }

    private void take(String limit, AbuseLimitProperties.Rate rate, String subject, long amount, String what) {
        Optional<Duration> wait = this.limits.tryTake(limit, rate, subject, amount);
        if (wait.isPresent()) {
            throw new RateLimited(what, wait.get());
        }
    }

}
