package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import dev.dualdb.blob.internal.BlobStoreUnavailable;
import dev.dualdb.blob.internal.S3BlobStore;
import dev.dualdb.support.FreezableProxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The blob store contract against a real S3 API: S3Proxy, in this JVM, on 127.0.0.1,
 * keeping objects in memory.
 */
class S3BlobStoreTests extends BlobStoreContract {

    private static final String ACCESS_KEY = "test-access";

    private static final String SECRET_KEY = "test-secret";

    private static S3Proxy proxy;

    private static TransientNio2BlobStore backend;

    private static URI endpoint;

    private static S3Client inspector;

    @TempDir
    Path staging;

    private String bucket;

    private S3BlobStore store;

    @BeforeAll
    static void startS3Proxy() throws Exception {
        backend = new TransientNio2BlobStore();
        proxy = S3Proxy.builder()
            .blobStore(backend)
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.onSpinWait();
        }
        endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
        inspector = S3Client.builder()
            .endpointOverride(endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build();
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        inspector.close();
        proxy.stop();
        backend.close();
    }

    private static int buckets;

    @BeforeEach
    void createStore() {
        this.bucket = "blobs-" + (++buckets);
        inspector.createBucket((b) -> b.bucket(this.bucket));
        this.store = new S3BlobStore(settings(this.bucket, DataSize.ofMegabytes(5), true));
    }

    private StorageProperties.S3 settings(String bucket, DataSize multipartThreshold, boolean presign) {
        return settings(bucket, endpoint, multipartThreshold, presign, Duration.ofSeconds(10));
    }

    private StorageProperties.S3 settings(String bucket, URI endpoint, DataSize multipartThreshold, boolean presign,
            Duration callTimeout) {
        return new StorageProperties.S3(bucket, endpoint, "us-east-1", ACCESS_KEY, SECRET_KEY, true, multipartThreshold,
                DataSize.ofMegabytes(5), presign, Duration.ofMinutes(5), this.staging, Duration.ofSeconds(1),
                callTimeout, callTimeout, DataSize.ofMegabytes(1));
    }

    @AfterEach
    void closeStore() {
        this.store.close();
    }

    @Override
    BlobStore store() {
        return this.store;
    }

    @Override
    Path stagingDirectory() {
        return this.staging;
    }

    @Override
    List<String> storedKeys() {
        return inspector.listObjectsV2((b) -> b.bucket(this.bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void sendsLargeBlobsAsMultipartUploads() throws Exception {
        // 11 MB over 5 MB parts: three parts, the last one short.
        byte[] bytes = randomBytes(11 * 1024 * 1024 + 17, 20);

        StoredBlob stored = this.store.put(new ByteArrayInputStream(bytes), bytes.length);

        assertThat(stored.sha256()).isEqualTo(sha256(bytes));
        assertThat(this.store.size(stored.sha256())).hasValue(bytes.length);
        try (BlobContent content = this.store.open(stored.sha256()).orElseThrow()) {
            assertThat(sha256(content.stream().readAllBytes())).isEqualTo(stored.sha256());
        }
        try (var tail = this.store.open(stored.sha256(), bytes.length - 10, 10)) {
            assertThat(tail.readAllBytes()).containsExactly(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
        }
        ListMultipartUploadsResponse unfinished = inspector.listMultipartUploads((b) -> b.bucket(this.bucket));
        assertThat(unfinished.uploads()).isEmpty();
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void signsDownloadUrls() throws Exception {
        byte[] bytes = randomBytes(1_000, 21);
        StoredBlob stored = this.store.put(new ByteArrayInputStream(bytes), 10_000);

        URI url = this.store
            .presignedGetUrl(stored.sha256(), Duration.ofMinutes(1), "image/png", "inline; filename=\"a.png\"")
            .orElseThrow();

        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            assertThat(connection.getResponseCode()).isEqualTo(200);
            assertThat(connection.getContentType()).isEqualTo("image/png");
            assertThat(connection.getInputStream().readAllBytes()).isEqualTo(bytes);
        }
        finally {
            connection.disconnect();
        }
    }

    @Test
    void signsNothingWhenPresigningIsOff() throws Exception {
        try (S3BlobStore unsigned = new S3BlobStore(settings(this.bucket, DataSize.ofMegabytes(5), false))) {
            StoredBlob stored = unsigned.put(new ByteArrayInputStream(randomBytes(10, 22)), 100);

            assertThat(unsigned.presignedGetUrl(stored.sha256(), null, null, null)).isEmpty();
        }
    }

    @Test
    void aMissingBucketIsUnhealthy() {
        try (S3BlobStore nowhere = new S3BlobStore(settings("no-such-bucket", DataSize.ofMegabytes(5), true))) {
            assertThatThrownBy(nowhere::health).hasMessageContaining("no-such-bucket");
        }
    }

    @Test
    void anUnreachableStoreIsUnavailable() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var settings = settings(this.bucket, URI.create("http://127.0.0.1:" + closedPort), DataSize.ofMegabytes(5),
                true, Duration.ofSeconds(10));
        try (S3BlobStore unreachable = new S3BlobStore(settings)) {
            assertThatThrownBy(() -> unreachable.put(new ByteArrayInputStream(randomBytes(10, 23)), 100))
                .isInstanceOf(BlobStoreUnavailable.class);
            assertThat(stagingFiles()).isEmpty();
        }
    }

    @Test
    void aStoreThatHangsIsUnavailableAfterTheCallTimeoutAndUsableOnceItResumes() throws Exception {
        byte[] bytes = randomBytes(1_000, 24);
        StoredBlob stored = this.store.put(new ByteArrayInputStream(bytes), 10_000);
        try (FreezableProxy hanging = FreezableProxy.to(endpoint.getPort());
                S3BlobStore behindIt = new S3BlobStore(
                        settings(this.bucket, URI.create("http://127.0.0.1:" + hanging.port()), DataSize.ofMegabytes(5),
                                false, Duration.ofSeconds(1)))) {
            hanging.freeze();

            assertThatThrownBy(() -> behindIt.put(new ByteArrayInputStream(randomBytes(10, 25)), 100))
                .isInstanceOf(BlobStoreUnavailable.class);
            assertThatThrownBy(() -> behindIt.open(stored.sha256())).isInstanceOf(BlobStoreUnavailable.class);
            assertThatThrownBy(() -> behindIt.delete(stored.sha256())).isInstanceOf(BlobStoreUnavailable.class);
            assertThat(stagingFiles()).isEmpty();

            hanging.thaw();
            try (BlobContent content = behindIt.open(stored.sha256()).orElseThrow()) {
                assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void readingAnObjectIsNotCutOffByTheCallTimeout() throws Exception {
        byte[] bytes = randomBytes(100_000, 26);
        try (S3BlobStore quick = new S3BlobStore(
                settings(this.bucket, endpoint, DataSize.ofMegabytes(5), false, Duration.ofSeconds(1)))) {
            StoredBlob stored = quick.put(new ByteArrayInputStream(bytes), 1_000_000);
            try (BlobContent content = quick.open(stored.sha256()).orElseThrow()) {
                // A client that reads a long video slowly: longer than a call may take.
                Thread.sleep(2_000);
                assertThat(content.stream().readAllBytes()).isEqualTo(bytes);
            }
        }
    }

}
