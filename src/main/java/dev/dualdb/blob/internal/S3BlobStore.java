package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import dev.dualdb.blob.BlobContent;
import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.StorageProperties;
import dev.dualdb.blob.StoredBlob;

/**
 * Blobs as objects in one S3 bucket, keyed {@code ab/cd/abcd…}. S3 needs the key before
 * the bytes, and the key is the hash of the bytes, so an upload is first staged in a
 * local temporary file while it is hashed (memory stays bounded), then sent: one
 * PutObject below the multipart threshold, a multipart upload above it (each part read
 * from the file, so it can be retried without buffering), nothing at all if HeadObject
 * finds the bytes there already.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private static final String OCTET_STREAM = "application/octet-stream";

    /** S3 allows at most this many parts; bigger objects get bigger parts. */
    private static final int MAX_PARTS = 10_000;

    private final S3Client s3;

    private final S3Presigner presigner;

    private final StorageProperties.S3 settings;

    private final String bucket;

    private final Path temp;

    public S3BlobStore(StorageProperties.S3 settings) {
        if (settings.bucket() == null || settings.bucket().isBlank()) {
            throw new IllegalArgumentException("dualdb.storage.s3.bucket is required when dualdb.storage.type is s3");
        }
        this.settings = settings;
        this.bucket = settings.bucket();
        this.temp = settings.stagingDirectory().toAbsolutePath().normalize();
        AwsCredentialsProvider credentials = credentials(settings);
        var client = S3Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .forcePathStyle(settings.pathStyle())
            .httpClientBuilder(Apache5HttpClient.builder()
                .connectionTimeout(settings.connectTimeout())
                .socketTimeout(settings.socketTimeout())
                .connectionAcquisitionTimeout(settings.callTimeout()))
            // Every call is bounded (a store that hangs answers nothing, and the SDK
            // would
            // wait for it); the calls that send bytes get more time, by their size.
            .overrideConfiguration((override) -> override.apiCallTimeout(settings.callTimeout()))
            // The SDK's default CRC trailers (aws-chunked bodies) are not understood by
            // every S3-compatible
            // store; integrity is checked by our own SHA-256 anyway.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        var signer = S3Presigner.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build());
        if (settings.endpoint() != null) {
            client.endpointOverride(settings.endpoint());
            signer.endpointOverride(settings.endpoint());
        }
        this.s3 = client.build();
        this.presigner = signer.build();
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
        if (settings.accessKey() != null && !settings.accessKey().isBlank()) {
            return StaticCredentialsProvider
                .create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public String storageType() {
        return "S3";
    }

    @Override
    public StagedBlob stage(InputStream in, long maxBytes) {
        return Staging.stage(in, maxBytes, this.temp, false);
    }

    @Override
    public StoredBlob commit(StagedBlob staged) {
        if (!this.temp.equals(staged.file().getParent())) {
            throw new IllegalArgumentException("Staged by another store: " + staged);
        }
        String key = BlobKeys.keyOf(staged.sha256());
        try {
            OptionalLong existing = sizeOfKey(key);
            // As for local files: the same hash with a different size can only be damage;
            // the fresh copy wins.
            if (existing.isPresent() && existing.getAsLong() == staged.size()) {
                return new StoredBlob(staged.sha256(), staged.size(), storageType(), key, true);
            }
            if (staged.size() < this.settings.multipartThreshold().toBytes()) {
                call("upload " + key,
                        () -> this.s3.putObject(
                                (b) -> b.bucket(this.bucket)
                                    .key(key)
                                    .contentLength(staged.size())
                                    .contentType(OCTET_STREAM)
                                    .metadata(Map.of("sha256", staged.sha256()))
                                    .overrideConfiguration(sending(staged.size())),
                                RequestBody.fromFile(staged.file())));
            }
            else {
                multipartUpload(staged, key);
            }
            return new StoredBlob(staged.sha256(), staged.size(), storageType(), key, false);
        }
        finally {
            staged.close();
        }
    }

    private void multipartUpload(StagedBlob staged, String key) {
        long size = staged.size();
        long partSize = Math.max(this.settings.partSize().toBytes(), (size + MAX_PARTS - 1) / MAX_PARTS);
        String uploadId = call("start uploading " + key,
                () -> this.s3
                    .createMultipartUpload((b) -> b.bucket(this.bucket)
                        .key(key)
                        .contentType(OCTET_STREAM)
                        .metadata(Map.of("sha256", staged.sha256())))
                    .uploadId());
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += partSize, number++) {
                long from = offset;
                long length = Math.min(partSize, size - offset);
                int partNumber = number;
                String etag = call("upload part " + partNumber + " of " + key,
                        () -> this.s3
                            .uploadPart(
                                    (b) -> b.bucket(this.bucket)
                                        .key(key)
                                        .uploadId(uploadId)
                                        .partNumber(partNumber)
                                        .contentLength(length)
                                        .overrideConfiguration(sending(length)),
                                    RequestBody.fromContentProvider(() -> openRange(staged.file(), from, length),
                                            length, OCTET_STREAM))
                            .eTag());
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
            }
            call("complete " + key, () -> this.s3.completeMultipartUpload(
                    (b) -> b.bucket(this.bucket).key(key).uploadId(uploadId).multipartUpload((m) -> m.parts(parts))));
        }
        catch (RuntimeException ex) {
            // An unfinished multipart upload keeps its parts (and costs) until aborted.
            try {
                this.s3.abortMultipartUpload((b) -> b.bucket(this.bucket).key(key).uploadId(uploadId));
            }
            catch (SdkException abortFailed) {
                ex.addSuppressed(abortFailed);
            }
            throw ex;
        }
    }

    /**
     * The time limit of a call that sends {@code bytes}: a 1 GB upload goes up in parts,
     * each given the time its own size needs, so no upload is cut off for being large.
     * @param bytes how many bytes the call sends
     * @return the call's override of the client-wide limit
     */
    private Consumer<AwsRequestOverrideConfiguration.Builder> sending(long bytes) {
        Duration limit = this.settings.callTimeoutSending(bytes);
        return (override) -> override.apiCallTimeout(limit);
    }

    private static InputStream openRange(Path file, long offset, long length) {
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            channel.position(offset);
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public Optional<BlobContent> open(String sha256) {
        String key = BlobKeys.keyOf(sha256);
        try {
            ResponseInputStream<GetObjectResponse> stream = call("read " + key,
                    () -> this.s3.getObject((b) -> b.bucket(this.bucket).key(key)));
            return Optional.of(new BlobContent(sha256, stream.response().contentLength(), stream));
        }
        catch (Missing ex) {
            return Optional.empty();
        }
    }

    @Override
    public InputStream open(String sha256, long offset, long length) {
        String key = BlobKeys.keyOf(sha256);
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("Negative range: " + length + " bytes from " + offset);
        }
        try {
            if (length == 0) {
                // S3 cannot express an empty range; only check that the blob is there and
                // the offset within it.
                long size = sizeOfKey(key).orElseThrow(() -> new BlobNotFound(sha256));
                LocalBlobStore.checkRange(offset, length, size);
                return InputStream.nullInputStream();
            }
            GetObjectRequest request = GetObjectRequest.builder()
                .bucket(this.bucket)
                .key(key)
                .range("bytes=" + offset + "-" + (offset + length - 1))
                .build();
            ResponseInputStream<GetObjectResponse> stream = call("read " + key, () -> this.s3.getObject(request));
            Long got = stream.response().contentLength();
            if (got == null || got != length) {
                // A range past the end is cut short by S3 rather than refused.
                closeQuietly(stream);
                throw new IllegalArgumentException(
                        "Range of " + length + " bytes from " + offset + " is outside blob " + sha256);
            }
            return stream;
        }
        catch (Missing ex) {
            throw new BlobNotFound(sha256);
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 416) {
                throw new IllegalArgumentException(
                        "Range of " + length + " bytes from " + offset + " is outside blob " + sha256, ex);
            }
            throw ex;
        }
    }

    @Override
    public Optional<Path> localPath(String sha256) {
        BlobKeys.checked(sha256);
        return Optional.empty();
    }

    @Override
    public boolean exists(String sha256) {
        return size(sha256).isPresent();
    }

    @Override
    public OptionalLong size(String sha256) {
        return sizeOfKey(BlobKeys.keyOf(sha256));
    }

    private OptionalLong sizeOfKey(String key) {
        try {
            return OptionalLong.of(call("look up " + key,
                    () -> this.s3.headObject((b) -> b.bucket(this.bucket).key(key)).contentLength()));
        }
        catch (Missing ex) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void forEachBlob(Consumer<ListedBlob> action) {
        call("list " + this.bucket, () -> {
            this.s3.listObjectsV2Paginator((b) -> b.bucket(this.bucket)).contents().forEach((object) -> {
                String key = object.key();
                String name = key.substring(key.lastIndexOf('/') + 1);
                if (BlobKeys.isHash(name) && key.equals(BlobKeys.keyOf(name))) {
                    action.accept(new ListedBlob(name, object.size(), object.lastModified()));
                }
            });
            return null;
        });
    }

    @Override
    public boolean delete(String sha256) {
        String key = BlobKeys.keyOf(sha256);
        boolean existed = sizeOfKey(key).isPresent();
        if (existed) {
            call("delete " + key, () -> this.s3.deleteObject((b) -> b.bucket(this.bucket).key(key)));
        }
        return existed;
    }

    @Override
    public String storageKey(String sha256) {
        return BlobKeys.keyOf(sha256);
    }

    @Override
    public Optional<URI> presignedGetUrl(String sha256, Duration expiry, String contentType,
            String contentDisposition) {
        String key = BlobKeys.keyOf(sha256);
        if (!this.settings.presign()) {
            return Optional.empty();
        }
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(this.bucket).key(key);
        if (contentType != null) {
            request.responseContentType(contentType);
        }
        if (contentDisposition != null) {
            request.responseContentDisposition(contentDisposition);
        }
        Duration validFor = (expiry != null) ? expiry : this.settings.presignExpiry();
        try {
            return Optional.of(this.presigner
                .presignGetObject((p) -> p.signatureDuration(validFor).getObjectRequest(request.build()))
                .url()
                .toURI());
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException("The SDK signed an invalid URL", ex);
        }
    }

    @Override
    public int purgeAbandonedUploads(Duration olderThan) {
        // Parts of multipart uploads that were never completed nor aborted (a crash
        // mid-upload) are best removed by
        // a bucket lifecycle rule (AbortIncompleteMultipartUpload); only the local
        // staging files are swept here.
        return Staging.purgeOlderThan(this.temp, System.currentTimeMillis() - olderThan.toMillis());
    }

    @Override
    public Map<String, Object> health() {
        try {
            call("reach bucket " + this.bucket, () -> this.s3.headBucket((b) -> b.bucket(this.bucket)));
        }
        catch (Missing ex) {
            throw new IllegalStateException("Bucket " + this.bucket + " does not exist");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("type", storageType());
        details.put("bucket", this.bucket);
        details.put("endpoint", (this.settings.endpoint() != null) ? this.settings.endpoint().toString() : "AWS");
        details.put("region", this.settings.region());
        return details;
    }

    /**
     * Runs one S3 call: "not there" becomes {@link Missing}, other store failures
     * {@link BlobStoreUnavailable}.
     * @param <T> the call's result
     * @param what what the call does, for the error message
     * @param request the call
     * @return the call's result
     */
    private <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        }
        catch (NoSuchKeyException ex) {
            throw new Missing();
        }
        catch (S3Exception ex) {
            if (ex.statusCode() == 404) {
                throw new Missing();
            }
            if (ex.statusCode() == 416) {
                throw ex;
            }
            throw new BlobStoreUnavailable("cannot " + what + " (" + ex.statusCode() + " "
                    + ((ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : "") + ")", ex);
        }
        catch (SdkException | UncheckedIOException ex) {
            throw new BlobStoreUnavailable("cannot " + what + ": " + ex.getMessage(), ex);
        }
    }

    private static void closeQuietly(InputStream stream) {
        try {
            stream.close();
        }
        catch (IOException ignored) {
            // Nothing more to read from it anyway.
        }
    }

    @Override
    public void close() {
        this.presigner.close();
        this.s3.close();
        log.debug("Closed the S3 client for bucket {}", this.bucket);
    }

    /** An object that is not there; an expected answer, not a failure. */
    private static final class Missing extends RuntimeException {

        Missing() {
            super(null, null, false, false);
        }

    }

}
