package dev.dualdb.media.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.dualdb.media.UploadedFile;

/**
 * What a {@code multipart/form-data} upload has brought so far: its text fields, and the
 * files already stored in the blob store. Whatever fails before the files are recorded,
 * {@link #discard} gives their bytes up for collection, so a rejected or failed request
 * leaves no metadata and only collectable bytes.
 */
public final class UploadForm {

    private final Map<String, String> fields = new LinkedHashMap<>();

    private final List<UploadedFile> files = new ArrayList<>();

    private final MediaUploads uploads;

    public UploadForm(MediaUploads uploads) {
        this.uploads = uploads;
    }

    /**
     * Keeps a text field.
     * @param name the field's name
     * @param value its value
     */
    public void field(String name, String value) {
        this.fields.put(name, value);
    }

    /**
     * Keeps a file that is now stored.
     * @param file the stored file
     */
    public void file(UploadedFile file) {
        this.files.add(file);
    }

    /**
     * The text fields read so far, in the order they came.
     * @return the fields (read-only)
     */
    public Map<String, String> fields() {
        return Collections.unmodifiableMap(this.fields);
    }

    /**
     * The files stored so far.
     * @return the files (read-only)
     */
    public List<UploadedFile> files() {
        return Collections.unmodifiableList(this.files);
    }

    /**
     * Runs the step that records the files; if it fails, their bytes are given up for
     * collection.
     * @param <T> what the step returns
     * @param step writes the rows
     * @return what the step returned
     */
    public <T> T record(Function<List<UploadedFile>, T> step) {
        try {
            return step.apply(files());
        }
        catch (RuntimeException ex) {
            discard();
            throw ex;
        }
    }

    /**
     * Gives the stored bytes up for collection (the request failed before they were
     * recorded).
     */
    public void discard() {
        this.uploads.discard(this.files);
    }

}
