package dev.dualdb.blob;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/**
 * Real files of each type, made on the spot (or copied from the fixtures), for the probe
 * and rendition tests.
 */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path image(Path directory, String name, String format, int width, int height, boolean alpha)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height,
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, Color.ORANGE, width, height, new Color(20, 40, 200, alpha ? 128 : 255)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        Path file = directory.resolve(name);
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IllegalStateException("No ImageIO writer for " + format);
        }
        return file;
    }

    /**
     * A JPEG, red in its top-left quarter and blue elsewhere, with an EXIF block saying
     * {@code orientation}.
     */
    public static Path orientedJpeg(Path directory, String name, int width, int height, int orientation)
            throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.BLUE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", jpeg);
        byte[] plain = jpeg.toByteArray();
        // APP1 "Exif": a big-endian TIFF header and one IFD entry, Orientation (0x0112,
        // SHORT) = orientation.
        byte[] app1 = { (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 0x2A, 0, 0, 0, 8, 0, 1,
                0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0 };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        out.write(app1);
        out.write(plain, 2, plain.length - 2);
        return Files.write(directory.resolve(name), out.toByteArray());
    }

    public static Path pdf(Path directory, String name, int pages) throws IOException {
        Path file = directory.resolve(name);
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                document.addPage(new PDPage());
            }
            document.save(file.toFile());
        }
        return file;
    }

    /**
     * A valid, tiny PNG whose header declares {@code width} × {@code height} pixels: a
     * pixel flood.
     */
    public static Path pixelFloodPng(Path directory, String name, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(ihdr);
        header.writeInt(width);
        header.writeInt(height);
        header.write(new byte[] { 8, 2, 0, 0, 0 }); // 8 bits, RGB, deflate, no filter, no
                                                    // interlace
        chunk(out, "IHDR", ihdr.toByteArray());
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[1024]);
        deflater.finish();
        byte[] compressed = new byte[1024];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        Path file = directory.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    /**
     * A minimal Word document: a ZIP package whose manifest names a wordprocessing main
     * part.
     */
    public static Path docx(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
                    + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    public static Path zip(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("notes.txt"));
            zip.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    public static Path text(Path directory, String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content);
    }

    public static Path bytes(Path directory, String name, byte[] content) throws IOException {
        return Files.write(directory.resolve(name), content);
    }

    /** A file from {@code src/test/resources/fixtures}. */
    public static Path fixture(Path directory, String name) throws IOException {
        Path file = directory.resolve(name);
        try (InputStream in = TestFiles.class.getResourceAsStream("/fixtures/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

}
