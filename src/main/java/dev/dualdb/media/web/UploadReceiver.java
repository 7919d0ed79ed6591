package dev.dualdb.media.web;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import dev.dualdb.media.MediaType;
import dev.dualdb.media.UploadedFile;
import dev.dualdb.media.internal.MediaUploads;
import dev.dualdb.media.internal.NoFileUploaded;
import dev.dualdb.media.internal.UploadForm;
import dev.dualdb.system.MultipartReader;

/**
 * The one piece every multipart upload route calls, once: it checks the owner, reads the
 * form as a stream (each file goes straight into the blob store, checked and probed, as
 * it arrives), refuses a form without the file it needs, and records the stored files in
 * one PostgreSQL step. Whatever fails on the way, the bytes this request stored are given
 * up for collection: a rejected request leaves no row and only collectable bytes.
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
        route.ownerCheck().run();
        UploadForm form = new UploadForm(this.uploads);
        int maxFiles = route.severalFiles() ? this.uploads.maxFiles() : 1;
        try {
            MultipartReader.read(request, maxFiles, new MultipartReader.Parts() {

                @Override
                public void field(String name, String value) {
                    form.field(name, value);
                }

                @Override
                public void file(String name, String fileName, String contentType, InputStream content) {
                    MediaType kind = route.beforeEachFile().apply(form.fields());
                    form.file(UploadReceiver.this.uploads.accept(kind, content, contentType, fileName));
                }

            });
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

}
