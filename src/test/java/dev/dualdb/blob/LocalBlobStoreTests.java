package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.dualdb.blob.internal.LocalBlobStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path directory;

    private LocalBlobStore store;

    @BeforeEach
    void createStore() {
        store = new LocalBlobStore(directory);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Override
    Path stagingDirectory() {
        return directory.resolve("tmp");
    }

    @Override
    List<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                .filter(file -> !file.startsWith(stagingDirectory()))
                .map(file -> directory.relativize(file).toString().replace('\\', '/'))
                .toList();
        }
    }

    @Test
    void givesTheFileForZeroCopySending() throws Exception {
        byte[] bytes = randomBytes(2_000, 10);
        StoredBlob stored = store.put(new ByteArrayInputStream(bytes), 10_000);

        Path file = store.localPath(stored.sha256()).orElseThrow();

        assertThat(file).isEqualTo(directory.resolve(stored.storageKey()));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void replacesADamagedCopyInsteadOfTrustingIt() throws Exception {
        byte[] bytes = randomBytes(2_000, 11);
        StoredBlob stored = store.put(new ByteArrayInputStream(bytes), 10_000);
        Files.write(directory.resolve(stored.storageKey()), new byte[] { 1, 2, 3 });

        StoredBlob again = store.put(new ByteArrayInputStream(bytes), 10_000);

        assertThat(again.alreadyStored()).isFalse();
        assertThat(Files.readAllBytes(directory.resolve(stored.storageKey()))).isEqualTo(bytes);
    }

    @Test
    void hasNoSignedUrls() throws Exception {
        StoredBlob stored = store.put(new ByteArrayInputStream(randomBytes(10, 12)), 100);

        assertThat(store.presignedGetUrl(stored.sha256(), null, null, null)).isEmpty();
    }

}
