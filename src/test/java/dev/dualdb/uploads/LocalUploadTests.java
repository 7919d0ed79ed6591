package dev.dualdb.uploads;

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

    @Test
    void theStoreUnderTestIsLocal() {
        assertThat(store.storageType()).isEqualTo("LOCAL");
    }

}
