package dev.dualdb.blob;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.blob.internal.S3BlobStore;

/**
 * Not a test: a check to run by hand that a 2 GiB upload streams through a blob store in
 * a small heap. It prints figures and fails only if the store fails. From the project
 * directory, after {@code ./mvnw test-compile} and
 * {@code ./mvnw dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test}:
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) dev.dualdb.blob.LargeUploadCheck local /tmp/blobs
 * java -Xmx256m -cp … dev.dualdb.blob.LargeUploadCheck s3 http://127.0.0.1:8080 BUCKET ACCESS_KEY SECRET_KEY
 * </pre>
 */
public final class LargeUploadCheck {

    private static final long SIZE = 2L << 30;

    private LargeUploadCheck() {
    }

    public static void main(String[] args) throws Exception {
        BlobStore store = args[0].equals("s3") ? new S3BlobStore(new StorageProperties.S3(args[2], URI.create(args[1]),
                "us-east-1", args[3], args[4], true, DataSize.ofMegabytes(32), DataSize.ofMegabytes(16), true,
                Duration.ofMinutes(5), Files.createTempDirectory("dualdb-check"), Duration.ofSeconds(2),
                Duration.ofSeconds(10), Duration.ofSeconds(10), DataSize.ofMegabytes(1)))
                : new LocalBlobStore(Path.of(args[1]));
        long start = System.nanoTime();
        StoredBlob stored = store.put(new PseudoRandom(SIZE), SIZE);
        double seconds = (System.nanoTime() - start) / 1e9;
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("%s: %d bytes stored as %s in %.1f s (%.0f MB/s); max heap %d MB, in use %d MB%n",
                store.storageType(), stored.size(), stored.storageKey(), seconds, stored.size() / seconds / 1e6,
                runtime.maxMemory() >> 20, (runtime.totalMemory() - runtime.freeMemory()) >> 20);
        store.delete(stored.sha256());
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** Bytes that do not compress and need no memory: an xorshift generator. */
    private static final class PseudoRandom extends InputStream {

        private long remaining;

        private long state = 42;

        PseudoRandom(long size) {
            this.remaining = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return (read(one, 0, 1) < 0) ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (this.remaining <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, this.remaining);
            for (int i = 0; i < n; i++) {
                this.state ^= this.state << 13;
                this.state ^= this.state >>> 7;
                this.state ^= this.state << 17;
                b[off + i] = (byte) this.state;
            }
            this.remaining -= n;
            return n;
        }

    }

}
