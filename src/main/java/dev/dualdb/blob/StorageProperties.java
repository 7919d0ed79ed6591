package dev.dualdb.blob;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where media bytes are stored.
 *
 * @param type {@code local} (a directory, the default) or {@code s3}
 * @param local settings of the local directory store
 * @param s3 settings of the S3 store (any S3-compatible object store)
 */
@ConfigurationProperties("dualdb.storage")
public record StorageProperties(@DefaultValue("local") String type, @DefaultValue Local local, @DefaultValue S3 s3) {

    public StorageProperties {
        String normalised = (type != null) ? type.trim().toLowerCase(Locale.ROOT) : "";
        if (!normalised.equals("local") && !normalised.equals("s3")) {
            throw new IllegalArgumentException("dualdb.storage.type must be 'local' or 's3', not '" + type + "'");
        }
        type = normalised;
    }

    /**
     * Settings of the local directory store.
     *
     * @param directory the directory that holds the bytes (created if missing); uploads
     * are staged in its {@code tmp/}
     */
    public record Local(@DefaultValue("./data/blobs") Path directory) {
    }

    /**
     * Settings of the S3 store.
     *
     * @param bucket the bucket that holds the bytes (required with {@code type: s3}; it
     * must exist)
     * @param endpoint the S3 API address, for S3-compatible stores (MinIO, Ceph, …);
     * empty for AWS itself
     * @param region the bucket's region (signing needs one, even for stores that ignore
     * it)
     * @param accessKey the access key; empty to use the AWS default chain (environment,
     * profile, role)
     * @param secretKey the secret key belonging to {@code accessKey}
     * @param pathStyle address the bucket as {@code endpoint/bucket} rather than
     * {@code bucket.endpoint} (most S3-compatible stores want this)
     * @param multipartThreshold objects from this size up are sent as a multipart upload
     * @param partSize the size of each part of a multipart upload (S3 requires at least
     * 5MB)
     * @param presign whether {@link BlobStore#presignedGetUrl} hands out signed download
     * URLs
     * @param presignExpiry how long a signed download URL stays valid when the caller
     * names no expiry
     * @param tempDirectory where uploads are staged while they are hashed, before they
     * are sent to the bucket; empty for {@code <java.io.tmpdir>/dualdb-uploads}
     * @param connectTimeout how long opening a connection to the S3 API may take
     * @param socketTimeout how long one read from an S3 connection may wait for bytes: a
     * store that hangs while it answers (or while it sends an object being delivered)
     * fails the read after this instead of holding it for as long as it hangs
     * @param callTimeout how long one S3 call (retries included) may take before its
     * answer starts, for calls without a body (look up, delete, read, list a page); a
     * call that sends bytes gets this plus the time its bytes need at
     * {@code minTransferRate}. Reading a delivered object's bytes is not a call: it is
     * bounded by {@code socketTimeout} per read, never in total, so a long video is not
     * cut off
     * @param minTransferRate the slowest rate, in bytes a second, an upload to the store
     * (one PutObject, or one part of a multipart upload) is allowed before it is given up
     */
    public record S3(String bucket, URI endpoint, @DefaultValue("us-east-1") String region, String accessKey,
            String secretKey, @DefaultValue("false") boolean pathStyle,
            @DefaultValue("32MB") DataSize multipartThreshold, @DefaultValue("16MB") DataSize partSize,
            @DefaultValue("true") boolean presign, @DefaultValue("15m") Duration presignExpiry, Path tempDirectory,
            @DefaultValue("2s") Duration connectTimeout, @DefaultValue("10s") Duration socketTimeout,
            @DefaultValue("10s") Duration callTimeout, @DefaultValue("1MB") DataSize minTransferRate) {

        /** The smallest part S3 accepts (all but the last part of a multipart upload). */
        public static final DataSize MINIMUM_PART_SIZE = DataSize.ofMegabytes(5);

        public S3 {
            if (partSize.compareTo(MINIMUM_PART_SIZE) < 0) {
                throw new IllegalArgumentException("dualdb.storage.s3.part-size must be at least 5MB, not " + partSize);
            }
            if (multipartThreshold.compareTo(MINIMUM_PART_SIZE) < 0) {
                throw new IllegalArgumentException(
                        "dualdb.storage.s3.multipart-threshold must be at least 5MB, not " + multipartThreshold);
            }
            if (minTransferRate.toBytes() < 1) {
                throw new IllegalArgumentException("dualdb.storage.s3.min-transfer-rate must be at least 1B");
            }
        }

        /**
         * How long a call that sends {@code bytes} to the store may take in all.
         * @param bytes how many bytes the call sends
         * @return {@code callTimeout} plus the time the bytes need at
         * {@code minTransferRate}
         */
        public Duration callTimeoutSending(long bytes) {
            return this.callTimeout.plusMillis(Math.multiplyExact(bytes, 1000L) / this.minTransferRate.toBytes());
        }

        /**
         * The staging directory, with its default applied.
         * @return {@code tempDirectory}, or {@code dualdb-uploads} in the JVM's temporary
         * directory
         */
        public Path stagingDirectory() {
            return (this.tempDirectory != null) ? this.tempDirectory
                    : Path.of(System.getProperty("java.io.tmpdir"), "dualdb-uploads");
        }
    }
}
