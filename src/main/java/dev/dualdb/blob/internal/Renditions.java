package dev.dualdb.blob.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.dualdb.blob.ProbeResult;
import dev.dualdb.blob.UploadProperties;

/**
 * Thumbnails of an accepted image at the configured widths
 * ({@code dualdb.uploads.image.rendition-widths}), keeping the aspect ratio and never
 * enlarging: widths not smaller than the image are skipped. JPEG out, PNG where the image
 * has transparency. A JPEG's EXIF orientation is applied, since thumbnails carry no EXIF
 * of their own.
 *
 * <p>
 * Memory: the image is decoded once, subsampled while decoding so that at most
 * {@link #DECODE_BUDGET} pixels are held (a 50-megapixel photo is never in memory at full
 * size), then scaled down in halving steps, which keeps thumbnails sharp without an
 * expensive filter.
 */
@Component
public class Renditions {

    /** The most pixels decoded at once: 16 M pixels, 64 MB as ARGB. */
    public static final long DECODE_BUDGET = 16_000_000;

    private static final float JPEG_QUALITY = 0.85f;

    private static final Logger log = LoggerFactory.getLogger(Renditions.class);

    private final UploadProperties properties;

    public Renditions(UploadProperties properties) {
        this.properties = properties;
    }

    /**
     * Makes the thumbnails of a probed image, smallest first. Empty for a type the JDK
     * cannot decode (WebP), for an image narrower than every configured width, or when
     * decoding fails (the upload itself stays acceptable).
     * @param image the image file (a {@link StagedBlob#file() staged} upload)
     * @param probe its {@link ContentProbe probe}, which has already checked the pixel
     * limit
     * @return the thumbnails, smallest first; possibly none
     */
    public List<Rendition> create(Path image, ProbeResult probe) {
        if (!probe.isImage() || probe.width() == null
                || (long) probe.width() * probe.height() > this.properties.image().maxPixels()) {
            return List.of();
        }
        try {
            return make(image, probe, widthsFor(probe.width()));
        }
        catch (RuntimeException ex) {
            log.warn("No renditions for a {} of {}×{}: {}", probe.contentType(), probe.width(), probe.height(),
                    ex.toString());
            return List.of();
        }
    }

    /**
     * The configured widths narrower than an image (thumbnails never enlarge).
     * @param imageWidth the image's width in pixels, as shown
     * @return the widths to make, smallest first
     */
    public List<Integer> widthsFor(int imageWidth) {
        return this.properties.image().renditionWidths().stream().filter((width) -> width < imageWidth).toList();
    }

    /**
     * Whether this JVM can decode images of a type (JPEG, PNG, GIF, BMP; not WebP).
     * @param contentType the sniffed type
     * @return whether thumbnails of it can be made
     */
    public static boolean canDecode(String contentType) {
        return contentType != null && ImageIO.getImageReadersByMIMEType(contentType).hasNext();
    }

    /**
     * Makes thumbnails of a probed image at some widths, decoding it once; unlike
     * {@link #create} a failure is thrown, for a caller that retries.
     * @param image the image file
     * @param probe its probe
     * @param widths the widths to make, each narrower than the image, smallest first
     * @return the thumbnails, smallest first; none for a type the JDK cannot decode
     * @throws UncheckedIOException when the image cannot be read or decoded
     * @throws ImageTooLarge when the decoder sees more pixels than allowed
     */
    public List<Rendition> make(Path image, ProbeResult probe, List<Integer> widths) {
        if (widths.isEmpty()) {
            return List.of();
        }
        try {
            BufferedImage decoded = decode(image, probe, widths.get(widths.size() - 1));
            if (decoded == null) {
                return List.of();
            }
            return scale(decoded, probe, widths);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private BufferedImage decode(Path file, ProbeResult probe, int largestWidth) throws IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(probe.contentType());
        if (!readers.hasNext()) {
            return null;
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            // The reader's own view of the size must agree with the probe's, or the pixel
            // check proved nothing.
            if ((long) width * height > this.properties.image().maxPixels()) {
                throw new ImageTooLarge(width, height, this.properties.image().maxPixels());
            }
            int orientation = ImageHeader.read(file, probe.contentType()).map(ImageHeader::orientation).orElse(1);
            boolean quarter = orientation >= 5;
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(quarter ? height : width, quarter ? width : height, largestWidth);
            param.setSourceSubsampling(step, step, 0, 0);
            return oriented(reader.read(0, param), orientation);
        }
        finally {
            reader.dispose();
        }
    }

    /**
     * Turns and flips decoded pixels as EXIF orientation 2 to 8 asks (1 is as stored).
     * @param image the decoded pixels
     * @param orientation the EXIF orientation, 1 to 8
     * @return the pixels the right way up; {@code image} itself for 1 or an unknown value
     */
    public static BufferedImage oriented(BufferedImage image, int orientation) {
        int w = image.getWidth();
        int h = image.getHeight();
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0); // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // upside down
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h); // mirrored upside down
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0); // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0); // a quarter clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w); // a quarter anticlockwise
            default -> null;
        };
        if (transform == null) {
            return image;
        }
        boolean quarter = orientation >= 5;
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage turned = new BufferedImage(quarter ? h : w, quarter ? w : h,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        try {
            g.drawImage(image, transform, null);
        }
        finally {
            g.dispose();
        }
        return turned;
    }

    /**
     * Keep at least twice the largest width (for a clean downscale), but never more than
     * the decode budget.
     * @param width the image's width in pixels
     * @param height the image's height in pixels
     * @param largestWidth the width of the largest thumbnail to make
     * @return the subsampling step (1 reads every pixel)
     */
    public static int subsampling(int width, int height, int largestWidth) {
        int forWidth = Math.max(1, width / (2 * largestWidth));
        int forBudget = (int) Math.ceil(Math.sqrt((double) width * height / DECODE_BUDGET));
        return Math.max(forWidth, Math.max(1, forBudget));
    }

    private List<Rendition> scale(BufferedImage decoded, ProbeResult probe, List<Integer> widths) throws IOException {
        boolean alpha = decoded.getColorModel().hasAlpha();
        BufferedImage current = decoded;
        List<Rendition> renditions = new ArrayList<>();
        List<Integer> largestFirst = new ArrayList<>(widths);
        Collections.reverse(largestFirst);
        for (int width : largestFirst) {
            int height = Math.max(1, (int) Math.round((double) probe.height() * width / probe.width()));
            while (current.getWidth() / 2 >= width) {
                current = resize(current, current.getWidth() / 2, Math.max(height, current.getHeight() / 2), alpha);
            }
            current = resize(current, width, height, alpha);
            renditions.add(encode(current, alpha));
        }
        Collections.reverse(renditions);
        return renditions;
    }

    private static BufferedImage resize(BufferedImage source, int width, int height, boolean alpha) {
        BufferedImage target = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        }
        finally {
            g.dispose();
        }
        return target;
    }

    private static Rendition encode(BufferedImage image, boolean alpha) throws IOException {
        String format = alpha ? "png" : "jpeg";
        ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!alpha) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        }
        finally {
            writer.dispose();
        }
        return new Rendition(image.getWidth(), image.getHeight(), "image/" + format, bytes.toByteArray());
    }

}
