package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalInt;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The page count of a PDF, from its cross-reference table and page tree. The file is read
 * where it lies (buffered random access) and any stream PDFBox decodes is cached in a
 * temporary file, so a large PDF does not fill the memory.
 */
public final class PdfPages {

    private static final Logger log = LoggerFactory.getLogger(PdfPages.class);

    private PdfPages() {
    }

    /**
     * Empty when the PDF cannot be opened (damaged, or encrypted with a password): still
     * a PDF, just uncounted.
     * @param file the PDF file
     * @return the number of pages, or empty
     */
    public static OptionalInt count(Path file) {
        try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(file.toFile()),
                IOUtils.createTempFileOnlyStreamCache())) {
            return OptionalInt.of(document.getNumberOfPages());
        }
        catch (IOException | RuntimeException ex) {
            log.debug("Cannot count the pages of {}: {}", file, ex.toString());
            return OptionalInt.empty();
        }
    }

}
