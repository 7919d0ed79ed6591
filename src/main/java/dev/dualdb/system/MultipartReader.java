package dev.dualdb.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

/**
 * Reads a {@code multipart/form-data} request as a stream, part by part, in the order the
 * client sent them: each file part is handed over as the live socket stream (never
 * buffered or copied here), so the handler must read it before the next part is reached.
 * Text fields are read into memory up to {@link #MAX_FIELD_BYTES}.
 */
public final class MultipartReader {

    /** The largest text field accepted (the JSON of a product with its options, say). */
    public static final int MAX_FIELD_BYTES = 64 * 1024;

    private MultipartReader() {
    }

    /**
     * Reads the parts of a multipart request as they arrive, handing each text field and
     * each file to {@code parts} in the order the client sent them.
     * @param request the request whose body is read
     * @param maxFiles the most file parts accepted
     * @param parts receives each field and file in order
     * @throws InvalidInput {@code malformed-multipart} for a body that is not valid
     * multipart, {@code field-too-large}, or {@code too-many-files} past {@code maxFiles}
     */
    public static void read(HttpServletRequest request, int maxFiles, Parts parts) {
        int files = 0;
        try {
            FileItemInputIterator items = new JakartaServletFileUpload<>().getItemIterator(request);
            while (items.hasNext()) {
                FileItemInput item = items.next();
                if (item.isFormField()) {
                    parts.field(item.getFieldName(), readField(item));
                    continue;
                }
                if (++files > maxFiles) {
                    throw new InvalidInput("too-many-files", "At most " + maxFiles + " files per request");
                }
                try (InputStream content = item.getInputStream()) {
                    parts.file(item.getFieldName(), item.getName(), item.getContentType(), content);
                }
            }
        }
        catch (FileUploadException ex) {
            rethrowCutOff(ex);
            throw new InvalidInput("malformed-multipart", "The multipart body cannot be read: " + ex.getMessage());
        }
        catch (IOException ex) {
            rethrowCutOff(ex);
            throw new UploadBrokenOff(ex);
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
     * The request body broke off (the client went away) while its parts were being read.
     */
    public static class UploadBrokenOff extends DomainException {

        UploadBrokenOff(IOException cause) {
            super(Kind.INVALID, "upload-interrupted", "The request body ended before it was complete", cause);
        }

    }

    /** Receives the parts of a request in order. */
    public interface Parts {

        void field(String name, String value);

        void file(String name, String fileName, String contentType, InputStream content);

    }

}
