package dev.dualdb.blob.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Which Office Open XML document a ZIP package is (Word, Excel, PowerPoint), from the
 * main part named in its {@code [Content_Types].xml}. Tika's core sees only "an OOXML
 * package"; its parsers module, which can tell, would bring dozens of libraries for this
 * one answer.
 */
public final class OfficeOpenXml {

    /** What Tika's core calls any Office Open XML package. */
    public static final String PACKAGE = "application/x-tika-ooxml";

    /** The manifest is a few kilobytes; more is not a manifest worth reading. */
    private static final int MAX_MANIFEST = 256 * 1024;

    private OfficeOpenXml() {
    }

    public static Optional<String> documentType(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry manifest = zip.getEntry("[Content_Types].xml");
            if (manifest == null) {
                return Optional.empty();
            }
            String types;
            try (InputStream in = zip.getInputStream(manifest)) {
                types = new String(in.readNBytes(MAX_MANIFEST), StandardCharsets.UTF_8);
            }
            if (types.contains("wordprocessingml.document.main+xml")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            }
            if (types.contains("spreadsheetml.sheet.main+xml")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            }
            if (types.contains("presentationml.presentation.main+xml")) {
                return Optional.of("application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }
            return Optional.empty();
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

}
