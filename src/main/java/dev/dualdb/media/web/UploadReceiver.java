package dev.dualdb.media.web;

import java.io.InputStream;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.media.internal.MediaUploads;
import dev.dualdb.media.internal.NoFileUploaded;
import dev.dualdb.media.internal.UploadForm;
import dev.dualdb.system.InvalidInput;
import dev.dualdb.system.MultipartReader;
import dev.dualdb.system.RequestDigests;

/**
 * The one piece every multipart upload route calls, once: it refuses a request that is
 * too large by its declared length or carries an unreadable digest (before a byte is
 * read, so before {@code 100 Continue}), checks the owner, reads the form as a stream
 * (each file goes straight into the blob store, judged from its first bytes, checked and
 * probed, as it arrives), refuses a form without the file it needs or whose digest does
 * not match, and records the stored files in one PostgreSQL step. Whatever fails on the
 * way, the bytes this request stored are given up for collection: a rejected request
 * leaves no row and only collectable bytes.
 */
@Component
public class UploadReceiver {

    private final MediaUploads uploads;

    UploadReceiver(MediaUploads uploads) {
        this.uploads = uploads;
    }

    /**
     * Receives one upload request.
     * @param <T> what the route answers with
     * @param request the multipart request
     * @param route what the route takes
     * @param record writes the rows of the stored files, given the form's fields
     * @return what {@code record} returned
     */
    public <T> T receive(HttpServletRequest request, UploadRoute route,
            BiFunction<Map<String, String>, List<UploadedFile>, T> record) {
        String caller = callerKey(request);
        MultipartReader.Limits limits = this.uploads.limits(route.kinds(), route.severalFiles());
        MultipartReader.refuseEarly(request, limits);
        this.uploads.checkRoom(caller, request.getContentLengthLong());
        Optional<String> fileDigest = RequestDigests.file(request);
        route.ownerCheck().run();
        UploadForm form = new UploadForm(this.uploads);
        try {
            MultipartReader.read(request, limits, new MultipartReader.Parts() {

                @Override
                public void field(String name, String value) {
                    form.field(name, value);
                }

                @Override
                public void file(String name, String fileName, String contentType, InputStream content) {
                    MediaType kind = route.beforeEachFile().apply(form.fields());
                    form.file(UploadReceiver.this.uploads.accept(kind, content, contentType, fileName, caller));
                }

            });
            fileDigest.ifPresent((digest) -> verifyFile(digest, form.files()));
        }
        catch (RuntimeException ex) {
            form.discard();
            throw ex;
        }
        if (route.fileRequired() && form.files().isEmpty()) {
            throw new NoFileUploaded(route.filePart());
        }
        return form.record((files) -> record.apply(form.fields(), files));
    }

    /**
     * {@value RequestDigests#FILE_HEADER} names the one file of the request.
     * @param digest the client's digest, hex
     * @param files the files the request stored
     */
    private static void verifyFile(String digest, List<UploadedFile> files) {
        if (files.size() != 1) {
            throw new InvalidInput("malformed-digest",
                    RequestDigests.FILE_HEADER + " gives the digest of one file; this request carried " + files.size());
        }
        RequestDigests.verify("the file", HexFormat.of().parseHex(digest),
                HexFormat.of().parseHex(files.get(0).sha256()));
    }

    /**
     * Who is uploading, for the caps on what uploads in progress hold: the authenticated
     * user when there is one, the client address before.
     * @param request the upload request
     * @return the caller's key
     */
    private static String callerKey(HttpServletRequest request) {
        Principal principal = request.getUserPrincipal();
        return (principal != null) ? "user:" + principal.getName() : "address:" + request.getRemoteAddr();
    }

}
