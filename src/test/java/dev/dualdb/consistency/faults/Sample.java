package dev.dualdb.consistency.faults;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.imageio.ImageIO;

/**
 * A file to upload. Each one made here has bytes of its own, so what a test finds in the
 * store is what that test put there; a test that wants shared bytes uploads the same
 * sample twice.
 */
record Sample(String fileName, String contentType, byte[] bytes) {

    String sha256() {
        return sha256(this.bytes);
    }

    /** A 200×100 PNG in random colours: one thumbnail (160 wide) is made of it. */
    static Sample image() {
        BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(1 << 24)), 200, 100,
                new Color(random.nextInt(1 << 24))));
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new Sample("picture.png", "image/png", png.toByteArray());
    }

    /**
     * The tiny MP4 fixture made unique by a trailing {@code free} box of random bytes,
     * which players skip.
     */
    static Sample video() {
        try (InputStream in = Sample.class.getResourceAsStream("/fixtures/tiny.mp4")) {
            byte[] fixture = in.readAllBytes();
            byte[] filler = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
            ByteBuffer mp4 = ByteBuffer.allocate(fixture.length + 8 + filler.length);
            mp4.put(fixture).putInt(8 + filler.length).put("free".getBytes(StandardCharsets.US_ASCII)).put(filler);
            return new Sample("clip.mp4", "video/mp4", mp4.array());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** A plain-text document (a lesson resource of type TEXT). */
    static Sample text() {
        return new Sample("notes.txt", "text/plain",
                ("Lecture notes " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
