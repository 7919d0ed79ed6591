package dev.dualdb.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.dualdb.support.InProcessS3;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upload contract against the S3 store, on S3Proxy. Bytes are streamed by the service
 * (presigned redirects off), so every delivery test applies unchanged;
 * {@link S3PresignedDeliveryTests} covers the redirect.
 */
class S3UploadTests extends UploadContract {

    private static final InProcessS3 S3 = InProcessS3.start("dualdb-uploads");

    private static final Path STAGING = temporaryDirectory();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        S3.register(registry, false, STAGING.toString());
    }

    @Override
    Path stagingDirectory() {
        return STAGING;
    }

    @Override
    void corrupt(String sha256, byte[] bytes) {
        S3.put(store.storageKey(sha256), bytes);
    }

    @Test
    void theStoreUnderTestIsS3() {
        assertThat(store.storageType()).isEqualTo("S3");
    }

    static Path temporaryDirectory() {
        try {
            Path directory = Files.createTempDirectory("dualdb-s3-staging-");
            directory.toFile().deleteOnExit(); // empty by then: the tests check that no
                                               // staged file is left
            return directory;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
