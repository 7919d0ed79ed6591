package dev.dualdb.media.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import dev.dualdb.media.OwnerKind;

/**
 * What delivering media needs, kept in memory so that a warm {@code GET /media/{id}}
 * makes no database round trip: the stored media found for an id (with its thumbnails and
 * the owner its row points at), and which owners are known to exist. Only what was found
 * is kept; a miss (404) is looked up again every time.
 * <p>
 * Entries are dropped when a change says so ({@link MediaChanges} on this instance right
 * after the deleting transaction commits, {@link MediaChangeListener} for every instance
 * through PostgreSQL {@code NOTIFY}), and in any case {@code maxStaleness} after they
 * were loaded. A load that overlaps a change is not kept: every load notes the generation
 * before it reads, stores its result, then drops it again if the generation moved; a
 * change moves the generation before it removes entries, so either the load sees the
 * change or the change sees the entry.
 */
@Component
public class DeliveryCache {

    /** The PostgreSQL notification channel on which media changes are announced. */
    static final String CHANNEL = "dualdb_media_changed";

    private static final String MEDIA = "media:";

    private static final String OWNER = "owner:";

    private static final String BLOB = "blob:";

    private final boolean enabled;

    private final Cache<UUID, StoredMediaRepository.Found> media;

    private final Cache<Owner, Boolean> owners;

    private final AtomicLong generation = new AtomicLong();

    private final VerifiedBlobs verifiedBlobs;

    DeliveryCache(DeliveryCacheProperties properties, VerifiedBlobs verifiedBlobs,
            ObjectProvider<MeterRegistry> meters) {
        this.enabled = properties.enabled();
        this.verifiedBlobs = verifiedBlobs;
        this.media = Caffeine.newBuilder()
            .maximumSize(properties.maxEntries())
            .expireAfterWrite(properties.maxStaleness())
            .recordStats()
            .build();
        this.owners = Caffeine.newBuilder()
            .maximumSize(properties.maxEntries())
            .expireAfterWrite(properties.maxStaleness())
            .build();
        // cache_gets_total{cache="media.delivery",result="hit|miss"}, cache_size,
        // evictions.
        meters.ifAvailable((registry) -> CaffeineCacheMetrics.monitor(registry, this.media, "media.delivery"));
    }

    /**
     * The announcement that one piece of media is gone.
     * @param id the media id
     * @return the notification payload
     */
    static String mediaGone(UUID id) {
        return MEDIA + id;
    }

    /**
     * The announcement that an owner is gone, with all its media.
     * @param kind the owner's kind
     * @param id the owner's id
     * @return the notification payload
     */
    static String ownerGone(OwnerKind kind, String id) {
        return OWNER + kind.name() + ":" + id.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The announcement that some stored bytes are gone.
     * @param sha256 their hash
     * @return the notification payload
     */
    static String bytesGone(String sha256) {
        return BLOB + sha256.trim();
    }

    boolean enabled() {
        return this.enabled;
    }

    /**
     * The current generation, to note before a load.
     * @return the generation
     */
    long generation() {
        return this.generation.get();
    }

    Optional<StoredMediaRepository.Found> media(UUID id) {
        return (this.enabled) ? Optional.ofNullable(this.media.getIfPresent(id)) : Optional.empty();
    }

    void putMedia(long loadedAt, StoredMediaRepository.Found found) {
        if (!this.enabled) {
            return;
        }
        UUID id = found.media().id();
        this.media.put(id, found);
        if (this.generation.get() != loadedAt) {
            this.media.invalidate(id);
        }
    }

    boolean ownerKnown(OwnerKind kind, String id) {
        return this.enabled && this.owners.getIfPresent(new Owner(kind, id)) != null;
    }

    void putOwner(long loadedAt, OwnerKind kind, String id) {
        if (!this.enabled) {
            return;
        }
        Owner owner = new Owner(kind, id);
        this.owners.put(owner, Boolean.TRUE);
        if (this.generation.get() != loadedAt) {
            this.owners.invalidate(owner);
        }
    }

    /**
     * Drops what the announced changes make stale; an announcement this version does not
     * understand drops everything.
     * @param changes notification payloads
     */
    void invalidate(Collection<String> changes) {
        this.generation.incrementAndGet();
        Set<UUID> ids = new HashSet<>();
        Set<Owner> goneOwners = new HashSet<>();
        Set<String> goneBytes = new HashSet<>();
        for (String change : changes) {
            if (!parse(change, ids, goneOwners, goneBytes)) {
                invalidateAll();
                return;
            }
        }
        this.media.invalidateAll(ids);
        this.owners.invalidateAll(goneOwners);
        goneBytes.forEach(this.verifiedBlobs::forget);
        if (!goneOwners.isEmpty() || !goneBytes.isEmpty()) {
            this.media.asMap()
                .values()
                .removeIf((found) -> ownedByAny(found, goneOwners) || usesAny(found.media(), goneBytes));
        }
    }

    /** Drops everything (this instance may have missed announcements). */
    void invalidateAll() {
        this.generation.incrementAndGet();
        this.media.invalidateAll();
        this.owners.invalidateAll();
        this.verifiedBlobs.forgetAll();
    }

    long size() {
        return this.media.estimatedSize();
    }

    private static boolean parse(String change, Set<UUID> ids, Set<Owner> goneOwners, Set<String> goneBytes) {
        try {
            if (change.startsWith(MEDIA)) {
                ids.add(UUID.fromString(change.substring(MEDIA.length())));
                return true;
            }
            if (change.startsWith(OWNER)) {
                String[] parts = change.substring(OWNER.length()).split(":", 2);
                goneOwners.add(new Owner(OwnerKind.valueOf(parts[0]), parts[1]));
                return true;
            }
            if (change.startsWith(BLOB)) {
                goneBytes.add(change.substring(BLOB.length()));
                return true;
            }
            return false;
        }
        catch (IllegalArgumentException | ArrayIndexOutOfBoundsException ex) {
            return false;
        }
    }

    private static boolean ownedByAny(StoredMediaRepository.Found found, Set<Owner> goneOwners) {
        return !goneOwners.isEmpty() && (goneOwners.contains(new Owner(found.ownerType(), found.ownerId()))
                || (found.lessonId() != null && goneOwners.contains(new Owner(OwnerKind.LESSON, found.lessonId()))));
    }

    private static boolean usesAny(StoredMedia media, Set<String> goneBytes) {
        return !goneBytes.isEmpty() && (goneBytes.contains(media.sha256())
                || media.thumbnails().stream().anyMatch((thumbnail) -> goneBytes.contains(thumbnail.sha256())));
    }

    /** An owner, its id as stored (lower-case hex). */
    private record Owner(OwnerKind kind, String id) {

        Owner {
            id = id.trim().toLowerCase(Locale.ROOT);
        }

    }

}
