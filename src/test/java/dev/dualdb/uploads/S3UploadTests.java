package dev.dualdb.uploads;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The upload contract against the S3 store: S3Proxy, a real S3 API server, started in this JVM on 127.0.0.1 with
 * an in-memory back end. Bytes are streamed by the service (presigned redirects off), so every delivery test
 * applies unchanged.
 */
class S3UploadTests extends UploadContract {

    private static final String ACCESS_KEY = "dualdb-test";
    private static final String SECRET_KEY = "dualdb-test-secret";
    private static final String BUCKET = "dualdb-uploads";
    private static final Path STAGING;
    private static final URI ENDPOINT;

    static {
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
            ENDPOINT = URI.create("http://127.0.0.1:" + proxy.getPort());
            try (S3Client s3 = S3Client.builder().endpointOverride(ENDPOINT).region(Region.US_EAST_1)
                    .forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                    .build()) {
                s3.createBucket(b -> b.bucket(BUCKET));
            }
            STAGING = Files.createTempDirectory("dualdb-s3-staging-");
            // S3Proxy lives as long as this test JVM: its threads are daemons, and nothing else uses the port.
        }
        catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("dualdb.storage.type", () -> "s3");
        registry.add("dualdb.storage.s3.bucket", () -> BUCKET);
        registry.add("dualdb.storage.s3.endpoint", ENDPOINT::toString);
        registry.add("dualdb.storage.s3.region", () -> "us-east-1");
        registry.add("dualdb.storage.s3.access-key", () -> ACCESS_KEY);
        registry.add("dualdb.storage.s3.secret-key", () -> SECRET_KEY);
        registry.add("dualdb.storage.s3.path-style", () -> "true");
        registry.add("dualdb.storage.s3.presign", () -> "false");
        registry.add("dualdb.storage.s3.temp-directory", STAGING::toString);
    }

    @Override
    Path stagingDirectory() {
        return STAGING;
    }

    @org.junit.jupiter.api.Test
    void theStoreUnderTestIsS3() {
        org.assertj.core.api.Assertions.assertThat(store.storageType()).isEqualTo("S3");
    }
}
