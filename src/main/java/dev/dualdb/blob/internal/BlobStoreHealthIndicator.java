package dev.dualdb.blob.internal;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobStore;

/**
 * Health of the blob store: {@code /actuator/health/blobStore} (the directory is
 * writable, or the bucket answers).
 */
@Component("blobStore")
public class BlobStoreHealthIndicator extends AbstractHealthIndicator {

    private final BlobStore store;

    BlobStoreHealthIndicator(BlobStore store) {
        super("Blob store health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(this.store.health());
    }

}
