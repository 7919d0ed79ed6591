package dev.dualdb.blob;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import dev.dualdb.blob.internal.BlobStoreConfiguration;
import dev.dualdb.blob.internal.BlobStoreHealthIndicator;
import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.blob.internal.Renditions;
import dev.dualdb.blob.internal.S3BlobStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's beans, wired by Spring from its settings alone (no application context of
 * the whole service).
 */
class BlobConfigurationTests {

    @TempDir
    Path directory;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(BlobModule.class)
            .withPropertyValues("dualdb.storage.local.directory=" + this.directory);
    }

    @Test
    void usesTheLocalStoreByDefault() {
        runner().run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BlobStore.class)).isInstanceOf(LocalBlobStore.class);
            assertThat(context).hasSingleBean(BlobUploads.class);
            BlobStoreHealthIndicator health = context.getBean("blobStore", BlobStoreHealthIndicator.class);
            var result = health.health(true);
            assertThat(result.getStatus()).isEqualTo(Status.UP);
            assertThat(result.getDetails()).containsEntry("type", "LOCAL")
                .containsEntry("directory", this.directory.toString());
        });
    }

    @Test
    void usesTheS3StoreWhenAskedTo() {
        runner()
            .withPropertyValues("dualdb.storage.type=S3", "dualdb.storage.s3.bucket=media",
                    "dualdb.storage.s3.endpoint=http://127.0.0.1:9", "dualdb.storage.s3.access-key=a",
                    "dualdb.storage.s3.secret-key=b", "dualdb.storage.s3.path-style=true")
            .run((context) -> {
                assertThat(context.getBean(BlobStore.class)).isInstanceOf(S3BlobStore.class);
                // Nothing listens on port 9: the bucket cannot be reached.
                assertThat(context.getBean(BlobStoreHealthIndicator.class).health(true).getStatus())
                    .isEqualTo(Status.DOWN);
            });
    }

    @Test
    void refusesToStartWithAnUnknownStoreTypeOrNoBucket() {
        runner().withPropertyValues("dualdb.storage.type=ftp").run((context) -> assertThat(context).hasFailed());
        runner().withPropertyValues("dualdb.storage.type=s3")
            .run((context) -> assertThat(context).getFailure()
                .hasRootCauseMessage("dualdb.storage.s3.bucket is required when dualdb.storage.type is s3"));
        runner()
            .withPropertyValues("dualdb.storage.type=s3", "dualdb.storage.s3.bucket=b",
                    "dualdb.storage.s3.part-size=1MB")
            .run((context) -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({ StorageProperties.class, UploadProperties.class })
    @Import({ BlobStoreConfiguration.class, BlobStoreHealthIndicator.class, ContentProbe.class, Renditions.class,
            BlobUploads.class })
    static class BlobModule {

    }

}
