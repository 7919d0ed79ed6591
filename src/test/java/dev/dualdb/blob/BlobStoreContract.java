package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.dualdb.blob.internal.BlobNotFound;
import dev.dualdb.blob.internal.BlobTooLarge;
import dev.dualdb.blob.internal.StagedBlob;
import dev.dualdb.blob.internal.UploadInterrupted;
import dev.dualdb.system.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link BlobStore} must do, run against each implementation: a subclass
 * supplies the store, says where its temporary files go and lists the keys it holds.
 */
abstract class BlobStoreContract {

    abstract BlobStore store();

    /** The directory the store stages uploads in. */
    abstract Path stagingDirectory();

    /** Every storage key the store holds right now (files or objects). */
    abstract List<String> storedKeys() throws IOException;

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    List<Path> stagingFiles() throws IOException {
        if (!Files.isDirectory(stagingDirectory())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(stagingDirectory())) {
            return files.toList();
        }
    }

    @Test
    void storesBytesUnderTheirHashInAShardedKey() throws Exception {
        byte[] bytes = randomBytes(100_000, 1);
        String sha = sha256(bytes);

        StoredBlob stored = store().put(new ByteArrayInputStream(bytes), 1_000_000);

        assertThat(stored.sha256()).isEqualTo(sha);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.storageType()).isEqualTo(store().storageType());
        assertThat(stored.storageKey()).isEqualTo(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
        assertThat(stored.alreadyStored()).isFalse();
        assertThat(storedKeys()).containsExactly(stored.storageKey());
        assertThat(store().exists(sha)).isTrue();
        assertThat(store().size(sha)).hasValue(bytes.length);
        try (BlobContent content = store().open(sha).orElseThrow()) {
            assertThat(content.size()).isEqualTo(bytes.length);
            assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
        }
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void identicalBytesAreStoredOnce() throws Exception {
        byte[] bytes = randomBytes(5_000, 2);

        StoredBlob first = store().put(new ByteArrayInputStream(bytes), 10_000);
        StoredBlob second = store().put(new ByteArrayInputStream(bytes), 10_000);

        assertThat(first.alreadyStored()).isFalse();
        assertThat(second.alreadyStored()).isTrue();
        assertThat(second.sha256()).isEqualTo(first.sha256());
        assertThat(second.storageKey()).isEqualTo(first.storageKey());
        assertThat(storedKeys()).containsExactly(first.storageKey());
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void anEmptyUploadIsABlobToo() throws Exception {
        StoredBlob stored = store().put(InputStream.nullInputStream(), 10);

        assertThat(stored.sha256()).isEqualTo(sha256(new byte[0]));
        assertThat(stored.size()).isZero();
        assertThat(store().open(stored.sha256(), 0, 0).readAllBytes()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        byte[] bytes = randomBytes(1_000, 3);

        assertThat(store().put(new ByteArrayInputStream(bytes), 1_000).size()).isEqualTo(1_000);
    }

    @Test
    void oneByteOverTheLimitIsRejectedAndLeavesNothing() throws Exception {
        byte[] bytes = randomBytes(1_001, 4);

        assertThatThrownBy(() -> store().put(new ByteArrayInputStream(bytes), 1_000))
            .isInstanceOfSatisfying(BlobTooLarge.class, (e) -> {
                assertThat(e.maxBytes()).isEqualTo(1_000);
                assertThat(e.code()).isEqualTo("upload-too-large");
            });
        assertThat(stagingFiles()).isEmpty();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void anOverSizeStreamIsCutOffWithoutBeingReadToItsEnd() throws Exception {
        CountingStream endless = new CountingStream(Long.MAX_VALUE);

        assertThatThrownBy(() -> store().put(endless, 1 << 20)).isInstanceOf(BlobTooLarge.class);

        // Stopped within one buffer of the limit, not at the end of the stream.
        assertThat(endless.delivered).isLessThan((1 << 20) + 128 * 1024);
        assertThat(stagingFiles()).isEmpty();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void aStreamThatBreaksMidwayLeavesNothing() throws Exception {
        InputStream breaking = new FailingStream(randomBytes(300_000, 5), 200_000);

        assertThatThrownBy(() -> store().put(breaking, 1_000_000)).isInstanceOfSatisfying(UploadInterrupted.class,
                (e) -> assertThat(e.code()).isEqualTo("upload-interrupted"));
        assertThat(stagingFiles()).isEmpty();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void aStagedUploadThatIsNotCommittedLeavesNothing() throws Exception {
        try (StagedBlob staged = store().stage(new ByteArrayInputStream(randomBytes(10, 6)), 100)) {
            assertThat(staged.file()).exists();
            assertThat(Files.readAllBytes(staged.file())).hasSize(10);
        }
        assertThat(stagingFiles()).isEmpty();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void readsByteRanges() throws Exception {
        byte[] bytes = randomBytes(10_000, 7);
        String sha = store().put(new ByteArrayInputStream(bytes), 20_000).sha256();

        try (InputStream first = store().open(sha, 0, 100)) {
            assertThat(first.readAllBytes()).isEqualTo(slice(bytes, 0, 100));
        }
        try (InputStream middle = store().open(sha, 4_321, 1_234)) {
            assertThat(middle.readAllBytes()).isEqualTo(slice(bytes, 4_321, 1_234));
        }
        try (InputStream last = store().open(sha, 9_999, 1)) {
            assertThat(last.readAllBytes()).isEqualTo(slice(bytes, 9_999, 1));
        }
        assertThatThrownBy(() -> store().open(sha, 9_990, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] slice(byte[] bytes, int offset, int length) {
        byte[] slice = new byte[length];
        System.arraycopy(bytes, offset, slice, 0, length);
        return slice;
    }

    @Test
    void aMissingBlobIsNotFound() throws Exception {
        String sha = sha256("never stored".getBytes());

        assertThat(store().open(sha)).isEmpty();
        assertThat(store().exists(sha)).isFalse();
        assertThat(store().size(sha)).isEmpty();
        assertThat(store().localPath(sha)).isEmpty();
        assertThat(store().delete(sha)).isFalse();
        assertThatThrownBy(() -> store().open(sha, 0, 1)).isInstanceOf(BlobNotFound.class);
    }

    @Test
    void deletesABlob() throws Exception {
        String sha = store().put(new ByteArrayInputStream(randomBytes(500, 8)), 1_000).sha256();

        assertThat(store().delete(sha)).isTrue();

        assertThat(store().exists(sha)).isFalse();
        assertThat(store().open(sha)).isEmpty();
        assertThat(storedKeys()).isEmpty();
    }

    @Test
    void aHashIsNeverTakenAsAPath() {
        for (String bad : List.of("../../etc/passwd", "AB" + "0".repeat(62), "0".repeat(63), "0".repeat(64) + "/x")) {
            assertThatThrownBy(() -> store().open(bad)).isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> store().delete(bad)).isInstanceOf(InvalidInput.class);
            assertThatThrownBy(() -> store().localPath(bad)).isInstanceOf(InvalidInput.class);
        }
    }

    @Test
    void sweepsAbandonedUploads() throws Exception {
        Files.createDirectories(stagingDirectory());
        Path abandoned = Files.createTempFile(stagingDirectory(), "upload-", ".part");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(0));
        Path recent = Files.createTempFile(stagingDirectory(), "upload-", ".part");

        assertThat(store().purgeAbandonedUploads(Duration.ofHours(1))).isEqualTo(1);

        assertThat(abandoned).doesNotExist();
        assertThat(recent).exists();
        Files.delete(recent);
    }

    @Test
    void reportsHealth() {
        assertThat(store().health()).containsEntry("type", store().storageType());
    }

    /** Gives {@code limit} zero bytes, counting how many were taken. */
    static final class CountingStream extends InputStream {

        private final long limit;

        long delivered;

        CountingStream(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            return (read(new byte[1], 0, 1) < 0) ? -1 : 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (this.delivered >= this.limit) {
                return -1;
            }
            int n = (int) Math.min(len, this.limit - this.delivered);
            Arrays.fill(b, off, off + n, (byte) 0);
            this.delivered += n;
            return n;
        }

    }

    /** A client that disconnects: gives {@code failAfter} bytes, then throws. */
    static final class FailingStream extends InputStream {

        private final ByteArrayInputStream bytes;

        private final int failAfter;

        private int delivered;

        FailingStream(byte[] bytes, int failAfter) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.failAfter = failAfter;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (this.delivered >= this.failAfter) {
                throw new IOException("Connection reset by peer");
            }
            int n = this.bytes.read(b, off, Math.min(len, this.failAfter - this.delivered));
            this.delivered += Math.max(n, 0);
            return n;
        }

    }

}
