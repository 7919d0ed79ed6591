package dev.dualdb.media.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * Counts a user's views of one piece of media at most once per
 * {@code dualdb.media.view-window}, across instances: the last counted view of each
 * (user, media) is a row of {@code media_views}, claimed with one upsert that succeeds
 * only when there is no row or it is older than the window. Rows older than the window
 * are pruned at most once per window.
 */
@Component
public class ViewWindow {

    private final PostgresDatabase database;

    private final Duration window;

    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    ViewWindow(PostgresDatabase database, MediaAccessSettings settings) {
        this.database = database;
        this.window = settings.viewWindow();
    }

    /**
     * Whether views are counted once per window at all.
     * @return {@code false} if the window is zero
     */
    public boolean enabled() {
        return !this.window.isZero() && !this.window.isNegative();
    }

    /**
     * Claims the view of {@code mediaId} by {@code userId}: true if none of theirs was
     * counted within the window (and this one is now the last counted).
     * @param userId the user
     * @param mediaId the media
     * @return whether this view is to be counted
     */
    public boolean claim(String userId, UUID mediaId) {
        Instant now = Instant.now();
        Timestamp since = Timestamp.from(now.minus(this.window));
        pruneIfDue(now);
        return this.database.write((jdbc) -> jdbc.sql("""
                INSERT INTO media_views (user_id, media_id, counted_at) VALUES (:user, :media, :now)
                ON CONFLICT (user_id, media_id) DO UPDATE SET counted_at = EXCLUDED.counted_at
                WHERE media_views.counted_at <= :since""")
            .param("user", userId)
            .param("media", mediaId)
            .param("now", Timestamp.from(now))
            .param("since", since)
            .update()) == 1;
    }

    /**
     * Gives back a claim whose view could not be counted (the media is gone, or not of
     * that owner), so that nothing is left behind for it.
     * @param userId the user
     * @param mediaId the media
     */
    public void release(String userId, UUID mediaId) {
        this.database.write((jdbc) -> jdbc.sql("DELETE FROM media_views WHERE user_id = :user AND media_id = :media")
            .param("user", userId)
            .param("media", mediaId)
            .update());
    }

    private void pruneIfDue(Instant now) {
        Instant last = this.lastPruned.get();
        if (last.isAfter(now.minus(this.window)) || !this.lastPruned.compareAndSet(last, now)) {
            return;
        }
        // Uses media_views_counted_at.
        this.database.write((jdbc) -> jdbc.sql("DELETE FROM media_views WHERE counted_at <= :since")
            .param("since", Timestamp.from(now.minus(this.window)))
            .update());
    }

}
