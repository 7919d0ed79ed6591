package dev.dualdb.media.internal;

import dev.dualdb.media.UploadedFile;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.dualdb.system.MultipartReader;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A {@code multipart/form-data} upload read in one pass: text fields are kept, each file
 * goes straight into the blob store through an {@link Intake} as it arrives. Fields a
 * file depends on (its title, its owner …) must come before it in the form. Whatever
 * fails later, {@link #record} gives the stored bytes of this request up for collection,
 * so a rejected or failed request leaves no metadata and only collectable bytes.
 */
public final class UploadForm {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private final List<UploadedFile> files = new ArrayList<>();

    private final MediaUploads uploads;

    private UploadForm(MediaUploads uploads) {
        this.uploads = uploads;
    }

    /**
     * Takes one file part into the blob store; it sees the fields that came before it.
     */
    @FunctionalInterface
    public interface Intake {

        UploadedFile accept(Map<String, String> fieldsSoFar, String partName, InputStream content, String claimedType,
                String fileName);

    }

    /**
     * Reads the whole form. If a file is rejected (too large, wrong type …) or the body
     * breaks off, the files already stored are discarded and the error is thrown.
     */
    public static UploadForm read(HttpServletRequest request, int maxFiles, MediaUploads uploads, Intake intake) {
        UploadForm form = new UploadForm(uploads);
        try {
            MultipartReader.read(request, maxFiles, new MultipartReader.Parts() {
                @Override
                public void field(String name, String value) {
                    form.fields.put(name, value);
                }

                @Override
                public void file(String name, String fileName, String contentType, InputStream content) {
                    form.files.add(intake.accept(form.fields, name, content, contentType, fileName));
                }
            });
        }
        catch (RuntimeException e) {
            uploads.discard(form.files);
            throw e;
        }
        return form;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public List<UploadedFile> files() {
        return files;
    }

    /**
     * Runs the step that records the files; if it fails, their bytes are given up for
     * collection.
     */
    public <T> T record(Function<List<UploadedFile>, T> step) {
        try {
            return step.apply(files);
        }
        catch (RuntimeException e) {
            uploads.discard(files);
            throw e;
        }
    }

    /**
     * Gives the stored bytes up for collection (a step outside {@link #record} failed).
     */
    public void discard() {
        uploads.discard(files);
    }

}
