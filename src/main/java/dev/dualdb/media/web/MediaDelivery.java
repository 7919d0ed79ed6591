package dev.dualdb.media.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.BlobStore;
import dev.dualdb.blob.ByteRange;
import dev.dualdb.blob.Disposition;
import dev.dualdb.blob.EntityTag;
import dev.dualdb.blob.MultipartByteRanges;
import dev.dualdb.blob.RangeSelection;
import dev.dualdb.blob.StorageProperties;
import dev.dualdb.media.internal.BlobQuarantine;
import dev.dualdb.media.internal.MediaQuarantined;
import dev.dualdb.media.internal.VerifiedBlobs;
import dev.dualdb.system.BrowserPolicy;
import dev.dualdb.system.TomcatProblemReports;

/**
 * Sends stored bytes the way browsers and video players expect: {@code ETag} from the
 * hash, conditional requests (304), single ranges (206), several ranges as
 * {@code multipart/byteranges} (overlapping ones merged, too many answered with the whole
 * body), 416 when nothing fits, the caching the caller chose, {@code nosniff}, and a
 * {@code Content-Disposition} that renders only images, video and PDF inline, and the
 * browser headers of media ({@link BrowserPolicy}: a sandboxing
 * {@code Content-Security-Policy}, {@code Cross-Origin-Resource-Policy}). Local files go
 * out by sendfile when Tomcat offers it (bytes never enter the Java heap); S3 objects are
 * streamed or, if configured, redirected to a short-lived presigned URL.
 * <p>
 * A whole-body download is hashed as it goes out (unless
 * {@code dualdb.media.integrity.verify-full-reads} is off, or this instance verified the
 * same bytes within {@code dualdb.media.integrity.reverify-after}: {@link VerifiedBlobs})
 * and its last buffer is held back until the hash is known: bytes that no longer hash to
 * their key are quarantined and never arrive complete under the strong {@code ETag} (a
 * small body is answered with 409 {@code media-quarantined} instead; a larger one, whose
 * head has gone out, is broken off).
 */
@Component
class MediaDelivery {

    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";

    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";

    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";

    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private static final int BUFFER = 64 * 1024;

    private final BlobStore store;

    private final Duration presignExpiry;

    private final BrowserPolicy browser;

    private final BlobQuarantine quarantine;

    private final VerifiedBlobs verifiedBlobs;

    MediaDelivery(BlobStore store, StorageProperties storage, BrowserPolicy browser, BlobQuarantine quarantine,
            VerifiedBlobs verifiedBlobs) {
        this.store = store;
        this.browser = browser;
        this.presignExpiry = (storage.s3() == null) ? Duration.ofMinutes(15) : storage.s3().presignExpiry();
        this.quarantine = quarantine;
        this.verifiedBlobs = verifiedBlobs;
    }

    void send(Representation body, String cacheControl, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        EntityTag tag = new EntityTag(body.sha256());
        Instant lastModified = body.lastModified().truncatedTo(ChronoUnit.SECONDS);
        String disposition = Disposition.header(body.contentType(), body.displayName());
        response.setHeader(HttpHeaders.ETAG, tag.header());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, lastModified.toEpochMilli());
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        this.browser.applyToMedia(response, Disposition.isInline(body.contentType()));
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        if (notModified(request, tag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Optional<URI> presigned = this.store.presignedGetUrl(body.sha256(), this.presignExpiry, body.contentType(),
                disposition);
        if (presigned.isPresent()) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.sendRedirect(presigned.get().toString());
            return;
        }
        try {
            sendSelected(body, disposition, tag, request, response);
        }
        catch (RuntimeException ex) {
            if (!response.isCommitted()) {
                // The store failed before a byte went out (unavailable, hanging, bytes
                // gone): the client gets a problem, which must not go out under the
                // headers of the bytes (a Content-Length that would cut it short, an
                // ETag, caching).
                forgetRepresentation(response);
            }
            throw ex;
        }
    }

    private static void forgetRepresentation(HttpServletResponse response) {
        response.setContentLengthLong(-1);
        for (String header : new String[] { HttpHeaders.CONTENT_RANGE, HttpHeaders.CONTENT_DISPOSITION,
                HttpHeaders.ETAG, HttpHeaders.LAST_MODIFIED, HttpHeaders.ACCEPT_RANGES }) {
            response.setHeader(header, null);
        }
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private void sendSelected(Representation body, String disposition, EntityTag tag, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition);
        boolean head = "HEAD".equals(request.getMethod());
        String range = request.getHeader(HttpHeaders.RANGE);
        RangeSelection selection = (range != null && tag.allowsRange(request.getHeader(HttpHeaders.IF_RANGE)))
                ? RangeSelection.of(range, body.size()) : new RangeSelection.Whole();
        if (selection instanceof RangeSelection.Single single) {
            ByteRange part = single.range();
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setContentType(body.contentType());
            response.setHeader(HttpHeaders.CONTENT_RANGE, part.contentRange(body.size()));
            sendBytes(body, part.first(), part.length(), head, request, response);
        }
        else if (selection instanceof RangeSelection.Multiple multiple) {
            MultipartByteRanges parts = new MultipartByteRanges(multiple.ranges(), body.size(), body.contentType());
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setContentType(parts.contentType());
            response.setContentLengthLong(parts.contentLength());
            if (!head) {
                parts.writeTo(response.getOutputStream(),
                        (offset, length) -> this.store.open(body.sha256(), offset, length));
            }
        }
        else if (selection instanceof RangeSelection.Unsatisfiable) {
            response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
            response.setHeader(HttpHeaders.CONTENT_RANGE, ByteRange.unsatisfiedContentRange(body.size()));
            response.setContentLength(0);
        }
        else {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(body.contentType());
            sendBytes(body, 0, body.size(), head, request, response);
        }
    }

    /**
     * Sends the whole body, hashing it; the last buffer goes out only once the hash is
     * known to match.
     * @param body what to send
     * @param request the request, marked to be broken off if the bytes do not match
     * @param response where the bytes go
     * @throws IOException if the client is gone
     * @throws MediaQuarantined if the bytes do not match and nothing has gone out yet
     */
    private void sendVerified(Representation body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        MessageDigest digest = sha256();
        long sent = 0;
        byte[] held = new byte[BUFFER];
        int heldLength = 0;
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = this.store.open(body.sha256(), 0, body.size())) {
            OutputStream out = response.getOutputStream();
            int read;
            while ((read = in.readNBytes(buffer, 0, BUFFER)) > 0) {
                digest.update(buffer, 0, read);
                sent += read;
                if (heldLength > 0) {
                    out.write(held, 0, heldLength);
                }
                byte[] swap = held;
                held = buffer;
                buffer = swap;
                heldLength = read;
            }
            String actual = HexFormat.of().formatHex(digest.digest());
            if (sent == body.size() && actual.equals(body.sha256())) {
                out.write(held, 0, heldLength);
                this.verifiedBlobs.verified(body.sha256());
                return;
            }
            this.quarantine.quarantine(body.sha256(),
                    "read of media " + body.mediaId() + ": " + sent + " bytes hashing to " + actual);
        }
        if (!response.isCommitted()) {
            // Nothing has gone out yet: the client gets the problem instead of the bytes.
            response.reset();
            throw new MediaQuarantined(body.mediaId());
        }
        // The head of the body has gone out under the ETag: break the transfer off so
        // the client sees it incomplete rather than complete and wrong.
        request.setAttribute(TomcatProblemReports.ABORT, Boolean.TRUE);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static boolean notModified(HttpServletRequest request, EntityTag tag, Instant lastModified) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return tag.matchesIfNoneMatch(ifNoneMatch);
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since != -1 && !lastModified.isAfter(Instant.ofEpochMilli(since));
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private void sendBytes(Representation body, long offset, long length, boolean head, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        response.setContentLengthLong(length);
        if (head || length == 0) {
            return;
        }
        if (offset == 0 && length == body.size() && this.verifiedBlobs.mustVerify(body.sha256())) {
            sendVerified(body, request, response);
            return;
        }
        Optional<Path> file = this.store.localPath(body.sha256());
        if (file.isPresent() && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            // Tomcat sends the file itself once we return, by sendfile: no copy through
            // the heap.
            request.setAttribute(SENDFILE_FILENAME, file.get().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, offset);
            request.setAttribute(SENDFILE_END, offset + length);
            return;
        }
        try (InputStream in = this.store.open(body.sha256(), offset, length)) {
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
            }
        }
    }

    /**
     * What to send: the bytes under {@code sha256}, of {@code size} bytes.
     *
     * @param mediaId the media they are the bytes (or a thumbnail) of
     * @param sha256 the hex SHA-256 of the bytes: their key in the blob store and the
     * {@code ETag}
     * @param size the number of bytes
     * @param contentType the content type to send them with
     * @param displayName the file name offered in {@code Content-Disposition}, or {@code
     * null}
     * @param lastModified when the media was stored: the {@code Last-Modified} header
     */
    record Representation(UUID mediaId, String sha256, long size, String contentType, String displayName,
            Instant lastModified) {
    }

}
