package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.MetadataException;
import com.drew.metadata.webp.WebpDirectory;

/**
 * The declared size of an image, read from its header only: no pixel is decoded, so an image that declares a huge
 * canvas can be refused before decoding it would take the memory. JPEG, PNG, GIF and BMP through the JDK's image
 * readers (header only, metadata ignored); WebP, which the JDK cannot read, through metadata-extractor's RIFF reader.
 */
public record ImageHeader(int width, int height) {

    public long pixels() {
        return (long) width * height;
    }

    /** The header of an image of the (sniffed) {@code contentType}; empty if it has none that can be read. */
    public static Optional<ImageHeader> read(Path file, String contentType) {
        try {
            if (contentType.equals("image/webp")) {
                return webp(file);
            }
            return imageIo(file, contentType);
        }
        catch (IOException | RuntimeException | com.drew.imaging.riff.RiffProcessingException | MetadataException e) {
            return Optional.empty();
        }
    }

    private static Optional<ImageHeader> imageIo(Path file, String contentType) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(contentType);
        if (!readers.hasNext()) {
            return Optional.empty();
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            return Optional.of(new ImageHeader(reader.getWidth(0), reader.getHeight(0)));
        }
        finally {
            reader.dispose();
        }
    }

    private static Optional<ImageHeader> webp(Path file)
            throws IOException, com.drew.imaging.riff.RiffProcessingException, MetadataException {
        WebpDirectory directory = WebpMetadataReader.readMetadata(file.toFile())
                .getFirstDirectoryOfType(WebpDirectory.class);
        if (directory == null || !directory.containsTag(WebpDirectory.TAG_IMAGE_WIDTH)) {
            return Optional.empty();
        }
        return Optional.of(new ImageHeader(directory.getInt(WebpDirectory.TAG_IMAGE_WIDTH),
                directory.getInt(WebpDirectory.TAG_IMAGE_HEIGHT)));
    }
}
