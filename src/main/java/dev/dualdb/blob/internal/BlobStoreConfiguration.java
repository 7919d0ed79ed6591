package dev.dualdb.blob.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.StorageProperties;

/** Chooses the blob store by {@code dualdb.storage.type}. */
@Configuration(proxyBeanMethods = false)
public class BlobStoreConfiguration {

    /**
     * Not named {@code blobStore}: that name is the health indicator's, which gives it
     * its path ({@code /actuator/health/blobStore}). The S3 store holds an HTTP client;
     * Spring closes it with the context (inferred {@code close()}).
     * @param properties the {@code dualdb.storage.*} settings
     * @return the local or the S3 store
     */
    @Bean
    BlobStore blobStorage(StorageProperties properties) {
        return switch (properties.type()) {
            case "s3" -> new S3BlobStore(properties.s3());
            default -> new LocalBlobStore(properties.local().directory());
        };
    }

}
