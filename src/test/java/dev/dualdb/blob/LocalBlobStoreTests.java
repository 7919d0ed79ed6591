package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualdb.blob.internal.LocalBlobStore;

import static org.assertj.core.api.Assertions.assertThat;

class LocalBlobStoreTests extends BlobStoreContract {

    @TempDir
    Path directory;

    private LocalBlobStore store;

    @BeforeEach
    void createStore() {
        this.store = new LocalBlobStore(this.directory);
    }

    @Override
    BlobStore store() {
        return this.store;
    }

    @Override
    Path stagingDirectory() {
        return this.directory.resolve("tmp");
    }

    @Override
    List<String> storedKeys() throws IOException {
        try (Stream<Path> files = Files.walk(this.directory)) {
            return files.filter(Files::isRegularFile)
                .filter((file) -> !file.startsWith(stagingDirectory()))
                .map((file) -> this.directory.relativize(file).toString().replace('\\', '/'))
                .toList();
        }
    }

    @Test
    void givesTheFileForZeroCopySending() throws Exception {
        byte[] bytes = randomBytes(2_000, 10);
        StoredBlob stored = this.store.put(new ByteArrayInputStream(bytes), 10_000);

        Path file = this.store.localPath(stored.sha256()).orElseThrow();

        assertThat(file).isEqualTo(this.directory.resolve(stored.storageKey()));
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
    }

    @Test
    void replacesADamagedCopyInsteadOfTrustingIt() throws Exception {
        byte[] bytes = randomBytes(2_000, 11);
        StoredBlob stored = this.store.put(new ByteArrayInputStream(bytes), 10_000);
        Files.write(this.directory.resolve(stored.storageKey()), new byte[] { 1, 2, 3 });

        StoredBlob again = this.store.put(new ByteArrayInputStream(bytes), 10_000);

        assertThat(again.alreadyStored()).isFalse();
        assertThat(Files.readAllBytes(this.directory.resolve(stored.storageKey()))).isEqualTo(bytes);
    }

    @Test
    void hasNoSignedUrls() throws Exception {
        StoredBlob stored = this.store.put(new ByteArrayInputStream(randomBytes(10, 12)), 100);

        assertThat(this.store.presignedGetUrl(stored.sha256(), null, null, null)).isEmpty();
    }

}
