package dev.dualdb.blob.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.imaging.riff.RiffProcessingException;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.webp.WebpDirectory;

/**
 * The declared size of an image, read from its header only: no pixel is decoded, so an
 * image that declares a huge canvas can be refused before decoding it would take the
 * memory. JPEG, PNG, GIF and BMP through the JDK's image readers (header only, metadata
 * ignored); WebP, which the JDK cannot read, through metadata-extractor's RIFF reader.
 * For JPEG also the EXIF orientation: a phone stores a portrait photo as landscape pixels
 * plus "turn me", and browsers honour it, so the size people see is the turned one.
 *
 * @param width the stored width in pixels
 * @param height the stored height in pixels
 * @param orientation the EXIF orientation, 1 (as stored) to 8
 */
public record ImageHeader(int width, int height, int orientation) {

    public long pixels() {
        return (long) this.width * this.height;
    }

    /**
     * Whether showing the image turns it by a quarter (orientations 5 to 8), swapping
     * width and height.
     */
    public boolean turnsQuarter() {
        return this.orientation >= 5 && this.orientation <= 8;
    }

    public int displayWidth() {
        return turnsQuarter() ? this.height : this.width;
    }

    public int displayHeight() {
        return turnsQuarter() ? this.width : this.height;
    }

    /**
     * The header of an image of the (sniffed) {@code contentType}; empty if it has none
     * that can be read.
     */
    public static Optional<ImageHeader> read(Path file, String contentType) {
        try {
            if (contentType.equals("image/webp")) {
                return webp(file);
            }
            return imageIo(file, contentType);
        }
        catch (IOException | RuntimeException | RiffProcessingException | MetadataException ex) {
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
            int orientation = contentType.equals("image/jpeg") ? jpegOrientation(file) : 1;
            return Optional.of(new ImageHeader(reader.getWidth(0), reader.getHeight(0), orientation));
        }
        finally {
            reader.dispose();
        }
    }

    /**
     * Reads the EXIF block only (each JPEG segment is at most 64 KB); 1 when there is
     * none or it is unreadable.
     */
    private static int jpegOrientation(Path file) {
        try {
            ExifIFD0Directory exif = JpegMetadataReader.readMetadata(file.toFile(), List.of(new ExifReader()))
                .getFirstDirectoryOfType(ExifIFD0Directory.class);
            if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                return 1;
            }
            int orientation = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
            return (orientation >= 1 && orientation <= 8) ? orientation : 1;
        }
        catch (IOException | JpegProcessingException | MetadataException | RuntimeException ex) {
            return 1;
        }
    }

    private static Optional<ImageHeader> webp(Path file)
            throws IOException, RiffProcessingException, MetadataException {
        WebpDirectory directory = WebpMetadataReader.readMetadata(file.toFile())
            .getFirstDirectoryOfType(WebpDirectory.class);
        if (directory == null || !directory.containsTag(WebpDirectory.TAG_IMAGE_WIDTH)) {
            return Optional.empty();
        }
        return Optional.of(new ImageHeader(directory.getInt(WebpDirectory.TAG_IMAGE_WIDTH),
                directory.getInt(WebpDirectory.TAG_IMAGE_HEIGHT), 1));
    }
}
