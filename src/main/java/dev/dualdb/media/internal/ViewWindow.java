package dev.dualdb.media.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Component;

import dev.dualdb.postgres.PostgresDatabase;

/**
 * Counts a user's views of one piece of media at most once per
 * {@code dualdb.media.view-window}, across instances: the last counted view of each
 * (user, media) is a row of {@code media_views}, claimed with one upsert that succeeds
 * only when there is no row or it is older than the window. Rows older than the window
 * are pruned at most once per window.
 * <p>
 * Each instance also remembers, for a window, when the views it saw were last counted: a
 * repeated view inside the window (a player that reports every few seconds) is refused
 * without asking PostgreSQL, which would refuse it too. PostgreSQL stays the judge of
 * every view that may count.
 */
@Component
public class ViewWindow {

    /** How many (user, media) pairs an instance remembers: about 100 bytes each. */
    private static final int MAX_REMEMBERED = 200_000;

    private final PostgresDatabase database;

    private final Duration window;

    private final AtomicReference<Instant> lastPruned = new AtomicReference<>(Instant.EPOCH);

    /** When each (user, media) this instance saw was last counted, by anyone. */
    private final Cache<View, Instant> lastCounted;

    ViewWindow(PostgresDatabase database, MediaAccessSettings settings) {
        this.database = database;
        this.window = settings.viewWindow();
        this.lastCounted = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED)
            .expireAfterWrite(enabled() ? this.window : Duration.ofSeconds(1))
            .build();
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
        Instant since = now.minus(this.window);
        View view = new View(userId, mediaId);
        Instant remembered = this.lastCounted.getIfPresent(view);
        if (remembered != null && remembered.isAfter(since)) {
            return false;
        }
        pruneIfDue(now);
        boolean claimed = this.database.write((jdbc) -> jdbc.sql("""
                INSERT INTO media_views (user_id, media_id, counted_at) VALUES (:user, :media, :now)
                ON CONFLICT (user_id, media_id) DO UPDATE SET counted_at = EXCLUDED.counted_at
                WHERE media_views.counted_at <= :since""")
            .param("user", userId)
            .param("media", mediaId)
            .param("now", Timestamp.from(now))
            .param("since", Timestamp.from(since))
            .update()) == 1;
        if (claimed) {
            this.lastCounted.put(view, now);
        }
        else {
            // Counted within the window by another instance (or before a restart).
            countedAt(view).ifPresent((countedAt) -> this.lastCounted.put(view, countedAt));
        }
        return claimed;
    }

    private Optional<Instant> countedAt(View view) {
        return this.database
            .read((jdbc) -> jdbc.sql("SELECT counted_at FROM media_views WHERE user_id = :user AND media_id = :media")
                .param("user", view.userId())
                .param("media", view.mediaId())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant));
    }

    /**
     * Gives back a claim whose view could not be counted (the media is gone, or not of
     * that owner), so that nothing is left behind for it.
     * @param userId the user
     * @param mediaId the media
     */
    public void release(String userId, UUID mediaId) {
        this.lastCounted.invalidate(new View(userId, mediaId));
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

    private record View(String userId, UUID mediaId) {
    }

}
