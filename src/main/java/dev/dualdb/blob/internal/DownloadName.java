package dev.dualdb.blob.internal;

import java.util.List;
import java.util.Locale;

import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * The name a file is kept and offered back under: the client's name cleaned
 * ({@link DisplayName}), ending in an extension of the type sniffed from the bytes, so
 * that what a browser or a desktop does with the saved file follows what it is, not what
 * the client called it. The client's stem is kept: a PDF sent as {@code evil.bat} is
 * {@code evil.pdf}, a PNG sent as {@code a.png.html} is {@code a.png}, a name that
 * already ends in one of the type's extensions ({@code photo.JPEG}) is kept as it is.
 */
public final class DownloadName {

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

    /** For a type with no known extension. */
    private static final String UNKNOWN_EXTENSION = ".bin";

    private DownloadName() {
    }

    /**
     * The name to keep and send back.
     * @param clientName the client's name (cleaned here), or {@code null}
     * @param contentType the sniffed type, parameters allowed, or {@code null} to keep
     * the cleaned name as it is
     * @return the name, ending in an extension of {@code contentType}
     */
    public static String of(String clientName, String contentType) {
        String name = DisplayName.of(clientName).value();
        if (contentType == null || contentType.isBlank()) {
            return name;
        }
        List<String> extensions = extensions(contentType);
        if (endsInOneOf(name, extensions)) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stem = (dot > 0) ? name.substring(0, dot) : name;
        if (endsInOneOf(stem, extensions)) {
            return stem;
        }
        String extension = extensions.isEmpty() ? UNKNOWN_EXTENSION : extensions.get(0);
        return DisplayName.of(stem + extension).value();
    }

    private static boolean endsInOneOf(String name, List<String> extensions) {
        String lower = name.toLowerCase(Locale.ROOT);
        return extensions.stream()
            .anyMatch((extension) -> lower.length() > extension.length() && lower.endsWith(extension));
    }

    /**
     * The type's extensions.
     * @param contentType a media type, parameters allowed
     * @return its extensions, the preferred one first, lower case with their dot
     */
    private static List<String> extensions(String contentType) {
        String type = contentType.strip().toLowerCase(Locale.ROOT);
        int parameters = type.indexOf(';');
        if (parameters >= 0) {
            type = type.substring(0, parameters).strip();
        }
        try {
            MimeType known = TYPES.getRegisteredMimeType(type);
            if (known == null) {
                return List.of();
            }
            return known.getExtensions().stream().map((extension) -> extension.toLowerCase(Locale.ROOT)).toList();
        }
        catch (MimeTypeException ex) {
            return List.of();
        }
    }

}
