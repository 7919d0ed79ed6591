package dev.dualdb.uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.dualdb.blob.internal.LocalBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

/** The upload contract against the local directory store. */
class LocalUploadTests extends UploadContract {

    @Override
    Path stagingDirectory() {
        return ((LocalBlobStore) store).root().resolve("tmp");
    }

    @Override
    void corrupt(String sha256, byte[] bytes) throws IOException {
        Files.write(store.localPath(sha256).orElseThrow(), bytes);
    }

    @Test
    void theStoreUnderTestIsLocal() {
        assertThat(store.storageType()).isEqualTo("LOCAL");
    }

}
