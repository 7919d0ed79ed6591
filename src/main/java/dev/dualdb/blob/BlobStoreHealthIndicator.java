package dev.dualdb.blob;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health of the blob store: {@code /actuator/health/blobStore}. */
@Component("blobStore")
class BlobStoreHealthIndicator extends AbstractHealthIndicator {

    private final StorageProperties properties;

    BlobStoreHealthIndicator(StorageProperties properties) {
        super("Blob store health check failed");
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        Path directory = properties.local().directory().toAbsolutePath();
        Files.createDirectories(directory);
        boolean writable = Files.isWritable(directory);
        (writable ? builder.up() : builder.down())
                .withDetail("type", properties.type())
                .withDetail("directory", directory.toString())
                .withDetail("writable", writable)
                .withDetail("freeBytes", Files.getFileStore(directory).getUsableSpace());
    }
}
