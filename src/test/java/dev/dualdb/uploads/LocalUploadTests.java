package dev.dualdb.uploads;

import java.nio.file.Path;

import dev.dualdb.blob.internal.LocalBlobStore;

/** The upload contract against the local directory store. */
class LocalUploadTests extends UploadContract {

    @Override
    Path stagingDirectory() {
        return ((LocalBlobStore) store).root().resolve("tmp");
    }

    @org.junit.jupiter.api.Test
    void theStoreUnderTestIsLocal() {
        org.assertj.core.api.Assertions.assertThat(store.storageType()).isEqualTo("LOCAL");
    }

}
