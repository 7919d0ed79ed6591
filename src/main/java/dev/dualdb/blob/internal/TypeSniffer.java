package dev.dualdb.blob.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The type of some bytes, from the bytes (Apache Tika's magic numbers), never from what
 * the client says.
 *
 * <p>
 * A file name may only <em>narrow</em> what the bytes say: ZIP bytes named {@code .docx}
 * are a Word document (the bytes of both are a ZIP archive, and telling them apart from
 * the bytes alone needs Tika's parsers), but bytes that match no signature are
 * {@code application/octet-stream} whatever their name, and HTML named {@code .png} is
 * HTML.
 */
public final class TypeSniffer {

    /** The type of bytes that match no signature. */
    public static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

    private final MediaTypeRegistry registry = this.types.getMediaTypeRegistry();

    /**
     * The type of the file's bytes, refined by {@code fileName} (may be {@code null})
     * where the bytes allow.
     * @param file the file to read
     * @param fileName the client's file name, or {@code null}
     * @return the media type, without parameters
     */
    public String sniff(Path file, String fileName) {
        MediaType fromBytes = detect(file, null);
        if (fileName == null || fileName.isBlank() || fromBytes.equals(MediaType.OCTET_STREAM)) {
            return fromBytes.toString();
        }
        MediaType withName = detect(file, fileName);
        return this.registry.isSpecializationOf(withName, fromBytes) ? withName.toString() : fromBytes.toString();
    }

    /**
     * The type of the first bytes of an upload, refined by {@code fileName} as
     * {@link #sniff(Path, String)} does: the same answer as for the whole file whenever
     * {@code first} holds at least {@link #windowSize()} bytes or the whole file.
     * @param first the first bytes
     * @param fileName the client's file name, or {@code null}
     * @return the media type, without parameters
     */
    public String sniff(byte[] first, String fileName) {
        MediaType fromBytes = detect(() -> new ByteArrayInputStream(first), null);
        if (fileName == null || fileName.isBlank() || fromBytes.equals(MediaType.OCTET_STREAM)) {
            return fromBytes.toString();
        }
        MediaType withName = detect(() -> new ByteArrayInputStream(first), fileName);
        return this.registry.isSpecializationOf(withName, fromBytes) ? withName.toString() : fromBytes.toString();
    }

    /**
     * How many first bytes the magic-number detection reads at most.
     * @return the size of the window
     */
    public int windowSize() {
        return this.types.getMinLength();
    }

    private MediaType detect(Path file, String fileName) {
        return detect(() -> Files.newInputStream(file), fileName);
    }

    private MediaType detect(Source source, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (InputStream in = TikaInputStream.get(source.open())) {
            return this.registry.normalize(this.types.detect(in, metadata)).getBaseType();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Whether a client's declared type is compatible with the sniffed one: the same
     * (after aliases such as {@code image/jpg}), one a kind of the other
     * ({@code application/zip} for a Word document), or no real claim (absent, or
     * {@code application/octet-stream}).
     * @param claimedType the client's declared type, or {@code null}
     * @param sniffedType the type sniffed from the bytes
     * @return whether the claim fits the bytes
     */
    public boolean agrees(String claimedType, String sniffedType) {
        if (claimedType == null || claimedType.isBlank()) {
            return true;
        }
        MediaType claimed = MediaType.parse(claimedType.trim().toLowerCase(Locale.ROOT));
        if (claimed == null) {
            return false;
        }
        claimed = this.registry.normalize(claimed.getBaseType());
        MediaType sniffed = this.registry.normalize(MediaType.parse(sniffedType).getBaseType());
        return claimed.equals(MediaType.OCTET_STREAM) || claimed.equals(sniffed)
                || this.registry.isSpecializationOf(claimed, sniffed)
                || this.registry.isSpecializationOf(sniffed, claimed);
    }

    /**
     * The canonical form of a type name (aliases resolved, no parameters, lower case).
     * @param type a media type name
     * @return the canonical name, or {@code type} itself if it cannot be parsed
     */
    public String canonical(String type) {
        MediaType parsed = MediaType.parse(type.trim().toLowerCase(Locale.ROOT));
        return (parsed != null) ? this.registry.normalize(parsed.getBaseType()).toString() : type;
    }

    /** Opens the bytes to sniff, once per detection. */
    private interface Source {

        InputStream open() throws IOException;

    }

}
