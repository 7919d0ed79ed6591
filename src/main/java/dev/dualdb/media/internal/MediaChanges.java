package dev.dualdb.media.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.dualdb.media.OwnerKind;

/**
 * Announces, from inside the transaction that deletes media rows or bytes, what is gone:
 * a PostgreSQL {@code NOTIFY} on {@value DeliveryCache#CHANNEL}, which PostgreSQL
 * delivers to every listening instance only if (and when) the transaction commits, and
 * this instance's {@link DeliveryCache} right after the commit, so that the request that
 * deleted is followed by a 404 here whatever the listener's delay.
 */
@Component
public class MediaChanges {

    private final DeliveryCache cache;

    MediaChanges(DeliveryCache cache) {
        this.cache = cache;
    }

    /**
     * Announces that one piece of media is gone.
     * @param jdbc the client of the deleting transaction
     * @param id the media id
     */
    public void mediaDeleted(JdbcClient jdbc, UUID id) {
        announce(jdbc, List.of(DeliveryCache.mediaGone(id)));
    }

    /**
     * Announces that owners are gone, with every piece of media they had.
     * @param jdbc the client of the deleting transaction
     * @param kind the owners' kind
     * @param ownerIds the owners' ids
     */
    public void ownersDeleted(JdbcClient jdbc, OwnerKind kind, Collection<String> ownerIds) {
        announce(jdbc, ownerIds.stream().map((id) -> DeliveryCache.ownerGone(kind, id)).toList());
    }

    /**
     * Announces that stored bytes are gone.
     * @param jdbc the client of the deleting transaction
     * @param hashes the bytes' hashes
     */
    public void bytesDeleted(JdbcClient jdbc, Collection<String> hashes) {
        announce(jdbc, hashes.stream().map(DeliveryCache::bytesGone).toList());
    }

    private void announce(JdbcClient jdbc, List<String> changes) {
        if (changes.isEmpty()) {
            return;
        }
        // One statement however many changes (the reconciler deletes owners in batches);
        // PostgreSQL queues the notifications with the transaction and drops them on
        // rollback. A payload is at most a few dozen bytes (the limit is 8000).
        jdbc.sql("SELECT count(pg_notify(:channel, change)) FROM unnest(:changes::text[]) AS change")
            .param("channel", DeliveryCache.CHANNEL)
            .param("changes", changes.toArray(String[]::new))
            .query(Long.class)
            .single();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

                @Override
                public void afterCommit() {
                    MediaChanges.this.cache.invalidate(changes);
                }

            });
        }
        else {
            this.cache.invalidate(changes);
        }
    }

}
