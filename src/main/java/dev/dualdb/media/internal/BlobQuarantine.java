package dev.dualdb.media.internal;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * Marks stored bytes that no longer hash to their key as quarantined, in the blob index:
 * from then on no media that uses them is served (409 {@code media-quarantined}), on any
 * instance. The mark and a {@code NOTIFY} that drops the bytes from every instance's
 * {@link DeliveryCache} are written in one transaction. Nothing is deleted: the damaged
 * bytes stay for an operator to look at and replace.
 */
@Component
public class BlobQuarantine {

    private static final Logger log = LoggerFactory.getLogger(BlobQuarantine.class);

    private static final int MAX_REASON = 500;

    private final PostgresDatabase database;

    private final MediaChanges changes;

    BlobQuarantine(PostgresDatabase database, MediaChanges changes) {
        this.database = database;
        this.changes = changes;
    }

    /**
     * Quarantines the bytes under {@code sha256}, if they are not already.
     * @param sha256 the key of the damaged bytes
     * @param reason what was found, for the operator
     * @return {@code true} if this call quarantined them
     */
    public boolean quarantine(String sha256, String reason) {
        String why = (reason.length() > MAX_REASON) ? reason.substring(0, MAX_REASON) : reason;
        boolean marked = this.database.write((jdbc) -> {
            int updated = jdbc.sql("""
                    UPDATE blobs SET quarantined_at = now(), quarantine_reason = :reason
                    WHERE sha256 = :sha256 AND quarantined_at IS NULL""")
                .param("reason", why)
                .param("sha256", sha256)
                .update();
            if (updated > 0) {
                this.changes.bytesDeleted(jdbc, List.of(sha256));
            }
            return updated > 0;
        });
        if (marked) {
            log.error("Quarantined blob {}: {}", sha256, why);
        }
        return marked;
    }

    /**
     * How many blobs are in quarantine, and a few of them.
     * @param examples the most hashes to list
     * @return the count and the most recently quarantined hashes
     */
    public Quarantined quarantined(int examples) {
        return this.database.read((jdbc) -> {
            long count = jdbc.sql("SELECT count(*) FROM blobs WHERE quarantined_at IS NOT NULL")
                .query(Long.class)
                .single();
            List<String> hashes = jdbc.sql("""
                    SELECT sha256 FROM blobs WHERE quarantined_at IS NOT NULL
                    ORDER BY quarantined_at DESC LIMIT :limit""").param("limit", examples).query(String.class).list();
            return new Quarantined(count, hashes);
        });
    }

    /**
     * The blobs in quarantine.
     *
     * @param count how many
     * @param examples a few of their hashes, most recent first
     */
    public record Quarantined(long count, List<String> examples) {
    }

}
