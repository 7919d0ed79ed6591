package dev.dualdb.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads a {@code multipart/form-data} request as a stream, part by part, in the order the
 * client sent them: each file part is handed over as the live socket stream (never
 * buffered or copied here), so the handler must read it before the next part is reached.
 * Text fields are read into memory, within {@link Limits}.
 *
 * <p>
 * The whole body is judged as it comes: a declared {@code Content-Length} over the
 * route's limit is refused before a byte is read (so no {@code 100 Continue} is sent); a
 * body sent without a length is cut off as soon as it passes the limit; a failing part is
 * not read to its end (the answer goes out and the connection closes, instead of draining
 * gigabytes); a body that ends before its declared length, or whose digest
 * ({@link RequestDigests}) does not match, fails after its last part, before anything is
 * recorded.
 */
public final class MultipartReader {

    /** The largest text field accepted (the JSON of a product with its options, say). */
    public static final int MAX_FIELD_BYTES = 64 * 1024;

    private static final int DRAIN_BUFFER = 8 * 1024;

    private MultipartReader() {
    }

    /**
     * Refuses, before any byte of the body is read, a request that declares more bytes
     * than {@code limits} allow or carries a digest header that cannot be read.
     * @param request the upload request
     * @param limits the route's limits
     * @throws RequestTooLarge when the declared length is over the limit
     * @throws InvalidInput {@code malformed-digest}
     */
    public static void refuseEarly(HttpServletRequest request, Limits limits) {
        if (request.getContentLengthLong() > limits.maxRequestBytes()) {
            throw RequestTooLarge.upload(limits.maxRequestBytes());
        }
        RequestDigests.body(request);
        RequestDigests.file(request);
    }

    /**
     * Reads the parts of a multipart request as they arrive, handing each text field and
     * each file to {@code parts} in the order the client sent them, then reads the body
     * to its end.
     * @param request the request whose body is read
     * @param limits what the route takes
     * @param parts receives each field and file in order
     * @return how many bytes the body had
     * @throws InvalidInput {@code malformed-multipart} for a body that is not valid
     * multipart, {@code field-too-large}, {@code too-many-fields},
     * {@code too-many-files}, {@code digest-mismatch}, {@code malformed-digest}
     * @throws FieldsTooLarge when the text fields together are over their limit
     * @throws RequestTooLarge when the body is over the route's limit
     * @throws UploadBrokenOff when the body ends before it is complete
     */
    public static long read(HttpServletRequest request, Limits limits, Parts parts) {
        refuseEarly(request, limits);
        Optional<byte[]> expected = RequestDigests.body(request);
        CountedRequest counted = new CountedRequest(request, limits.maxRequestBytes(), expected.isPresent());
        int files = 0;
        int fields = 0;
        long fieldBytes = 0;
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(counted);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) {
                    if (++fields > limits.maxFields()) {
                        throw new InvalidInput("too-many-fields",
                                "At most " + limits.maxFields() + " text fields per request");
                    }
                    String value = readField(item);
                    fieldBytes += value.getBytes(StandardCharsets.UTF_8).length;
                    if (fieldBytes > limits.maxFieldBytes()) {
                        throw new FieldsTooLarge(limits.maxFieldBytes());
                    }
                    parts.field(item.getFieldName(), value);
                    continue;
                }
                if (++files > limits.maxFiles()) {
                    throw new InvalidInput("too-many-files", "At most " + limits.maxFiles() + " files per request");
                }
                // Closing a part's stream reads the part to its end: only done once the
                // file was taken, never after a failure (a refused file is not drained).
                InputStream content = item.getInputStream();
                parts.file(item.getFieldName(), fileName(item), item.getContentType(), content);
                content.close();
            }
            drain(counted.stream());
        }
        catch (FileUploadException ex) {
            rethrowCutOff(ex);
            throw new InvalidInput("malformed-multipart", "The multipart body cannot be read: " + ex.getMessage());
        }
        catch (IOException ex) {
            rethrowCutOff(ex);
            throw new UploadBrokenOff(ex);
        }
        expected.ifPresent((digest) -> RequestDigests.verify("the request body", digest, counted.sha256()));
        return counted.bytes();
    }

    /**
     * The client's file name. Names the file system could not take (a NUL byte, say) are
     * still names to show: they are cleaned where they are kept, not refused here.
     * @param item a file part
     * @return its name as the client sent it
     */
    private static String fileName(FileItemInput item) {
        try {
            return item.getName();
        }
        catch (InvalidPathException ex) {
            return ex.getInput();
        }
    }

    /**
     * Reads what follows the last part (the epilogue, within the request limit) so that a
     * body shorter than its declared length, or a chunked body never finished, fails
     * here.
     * @param in the request body
     * @throws IOException when the body ends early
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[DRAIN_BUFFER];
        while (in.read(buffer) != -1) {
            // counted, and hashed when a digest was given
        }
    }

    /**
     * A body cut off for arriving too slowly may reach here wrapped by the parser: it is
     * answered as what it is.
     * @param failure what the parser threw
     * @throws UploadTooSlow if that is what it was, at the bottom
     */
    private static void rethrowCutOff(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UploadTooSlow tooSlow) {
                throw tooSlow;
            }
        }
    }

    private static String readField(FileItemInput item) throws IOException {
        try (InputStream in = item.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new InvalidInput("field-too-large",
                        "The field '" + item.getFieldName() + "' is larger than " + MAX_FIELD_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * What one upload route takes in one request.
     *
     * @param maxFiles the most file parts
     * @param maxFields the most text fields
     * @param maxFieldBytes the most bytes of all text fields together
     * @param maxRequestBytes the most bytes of the whole body
     */
    public record Limits(int maxFiles, int maxFields, long maxFieldBytes, long maxRequestBytes) {
    }

    /**
     * The request body broke off (the client went away) while its parts were being read.
     */
    public static class UploadBrokenOff extends DomainException {

        UploadBrokenOff(IOException cause) {
            super(Kind.INVALID, "upload-interrupted", "The request body ended before it was complete", cause);
        }

    }

    /** The text fields of an upload form are together larger than allowed. */
    public static class FieldsTooLarge extends DomainException {

        FieldsTooLarge(long limit) {
            super(Kind.TOO_LARGE, "fields-too-large",
                    "The text fields of the form are together larger than " + limit + " bytes");
        }

    }

    /** Receives the parts of a request in order. */
    public interface Parts {

        void field(String name, String value);

        void file(String name, String fileName, String contentType, InputStream content);

    }

    /**
     * The request with its body counted as it is read (and hashed when a digest is to be
     * checked): past the limit a read fails with {@link RequestTooLarge}, whether the
     * length was declared or not.
     */
    private static final class CountedRequest extends HttpServletRequestWrapper {

        private final long limit;

        private final MessageDigest sha256;

        private ServletInputStream stream;

        private long bytes;

        CountedRequest(HttpServletRequest request, long limit, boolean hash) {
            super(request);
            this.limit = limit;
            this.sha256 = hash ? newSha256() : null;
        }

        long bytes() {
            return this.bytes;
        }

        byte[] sha256() {
            return this.sha256.digest();
        }

        ServletInputStream stream() throws IOException {
            return getInputStream();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (this.stream == null) {
                this.stream = new WatchedInputStream(super.getInputStream(), this::counted);
            }
            return this.stream;
        }

        private void counted(byte[] buffer, int offset, int n) {
            this.bytes += n;
            if (this.bytes > this.limit) {
                throw RequestTooLarge.upload(this.limit);
            }
            if (this.sha256 != null) {
                this.sha256.update(buffer, offset, n);
            }
        }

        private static MessageDigest newSha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException("Every Java runtime has SHA-256", ex);
            }
        }

    }

}
