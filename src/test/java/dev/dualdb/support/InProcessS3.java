package dev.dualdb.support;

import java.net.URI;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for the tests: S3Proxy, started in this JVM on 127.0.0.1 with an
 * in-memory back end, and one bucket in it. It lives as long as the test JVM (its threads
 * are daemons).
 */
public final class InProcessS3 {

    public static final String ACCESS_KEY = "dualdb-test";

    public static final String SECRET_KEY = "dualdb-test-secret";

    private final URI endpoint;

    private final String bucket;

    private InProcessS3(URI endpoint, String bucket) {
        this.endpoint = endpoint;
        this.bucket = bucket;
    }

    public static InProcessS3 start(String bucket) {
        try {
            S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
            proxy.start();
            while (!proxy.getState().equals("STARTED")) {
                Thread.onSpinWait();
            }
            URI endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
            try (S3Client s3 = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build()) {
                s3.createBucket((b) -> b.bucket(bucket));
            }
            return new InProcessS3(endpoint, bucket);
        }
        catch (Exception ex) {
            throw new IllegalStateException("S3Proxy did not start", ex);
        }
    }

    /**
     * The server's address.
     * @return its S3 API endpoint on 127.0.0.1
     */
    public URI endpoint() {
        return this.endpoint;
    }

    /**
     * The bucket the server was started with.
     * @return its name
     */
    public String bucket() {
        return this.bucket;
    }

    /** Points the service's S3 store at this server. */
    public void register(DynamicPropertyRegistry registry, boolean presign, String stagingDirectory) {
        registry.add("dualdb.storage.type", () -> "s3");
        registry.add("dualdb.storage.s3.bucket", () -> this.bucket);
        registry.add("dualdb.storage.s3.endpoint", this.endpoint::toString);
        registry.add("dualdb.storage.s3.region", () -> "us-east-1");
        registry.add("dualdb.storage.s3.access-key", () -> ACCESS_KEY);
        registry.add("dualdb.storage.s3.secret-key", () -> SECRET_KEY);
        registry.add("dualdb.storage.s3.path-style", () -> "true");
        registry.add("dualdb.storage.s3.presign", () -> Boolean.toString(presign));
        registry.add("dualdb.storage.s3.temp-directory", () -> stagingDirectory);
    }

    /** Writes an object behind the service's back (to damage stored bytes in a test). */
    public void put(String key, byte[] bytes) {
        try (S3Client s3 = S3Client.builder()
            .endpointOverride(this.endpoint)
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
            .build()) {
            s3.putObject((put) -> put.bucket(this.bucket).key(key), RequestBody.fromBytes(bytes));
        }
    }

}
