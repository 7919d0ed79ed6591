package dev.dualdb.blob;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualdb.blob.internal.Rendition;
import dev.dualdb.blob.internal.Renditions;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionsTests {

    @TempDir
    Path dir;

    private final Renditions renditions = new Renditions(UploadPropertiesTests.defaults());

    private static ProbeResult image(String type, int width, int height) {
        return new ProbeResult(type, width, height, null, null);
    }

    @Test
    void makesJpegThumbnailsAtEachWidthKeepingTheAspect() throws Exception {
        Path photo = TestFiles.image(this.dir, "photo.jpg", "jpeg", 2000, 1500, false);

        List<Rendition> made = this.renditions.create(photo, image("image/jpeg", 2000, 1500));

        assertThat(made).extracting(Rendition::width).containsExactly(160, 480, 1024);
        assertThat(made).extracting(Rendition::height).containsExactly(120, 360, 768);
        assertThat(made).extracting(Rendition::contentType).containsOnly("image/jpeg");
        for (Rendition rendition : made) {
            BufferedImage decoded = ImageIO.read(rendition.openStream());
            assertThat(decoded.getWidth()).isEqualTo(rendition.width());
            assertThat(decoded.getHeight()).isEqualTo(rendition.height());
        }
    }

    @Test
    void keepsTransparencyAsPng() throws Exception {
        Path logo = TestFiles.image(this.dir, "logo.png", "png", 600, 300, true);

        List<Rendition> made = this.renditions.create(logo, image("image/png", 600, 300));

        assertThat(made).extracting(Rendition::width).containsExactly(160, 480);
        assertThat(made).extracting(Rendition::contentType).containsOnly("image/png");
        assertThat(ImageIO.read(made.get(0).openStream()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void turnsPhotosAsTheirExifOrientationSays() throws Exception {
        // Stored 400×200 with "turn a quarter clockwise": shown 200×400, its red top-left
        // corner now top-right.
        Path portrait = TestFiles.orientedJpeg(this.dir, "portrait.jpg", 400, 200, 6);

        List<Rendition> made = this.renditions.create(portrait, image("image/jpeg", 200, 400));

        assertThat(made).singleElement().satisfies((thumbnail) -> {
            assertThat(thumbnail.width()).isEqualTo(160);
            assertThat(thumbnail.height()).isEqualTo(320);
            BufferedImage decoded = ImageIO.read(thumbnail.openStream());
            assertThat(decoded.getWidth()).isEqualTo(160);
            assertThat(decoded.getHeight()).isEqualTo(320);
            assertThat(isRed(decoded.getRGB(150, 10))).as("top right").isTrue();
            assertThat(isRed(decoded.getRGB(10, 10))).as("top left").isFalse();
            assertThat(isRed(decoded.getRGB(150, 310))).as("bottom right").isFalse();
        });
    }

    @Test
    void appliesEveryOrientation() {
        BufferedImage source = new BufferedImage(4, 2, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0xFF0000); // the top-left pixel is red
        int[][] redCorner = { null, { 0, 0 }, { 3, 0 }, { 3, 1 }, { 0, 1 }, { 0, 0 }, { 1, 0 }, { 1, 3 }, { 0, 3 } };

        for (int orientation = 1; orientation <= 8; orientation++) {
            BufferedImage turned = Renditions.oriented(source, orientation);
            assertThat(turned.getWidth()).as("width, orientation " + orientation).isEqualTo((orientation >= 5) ? 2 : 4);
            int[] at = redCorner[orientation];
            assertThat(turned.getRGB(at[0], at[1]) & 0xFFFFFF).as("red pixel, orientation " + orientation)
                .isEqualTo(0xFF0000);
        }
    }

    private static boolean isRed(int rgb) {
        int red = (rgb >> 16) & 0xff;
        int blue = rgb & 0xff;
        return red > 180 && blue < 80;
    }

    @Test
    void neverEnlarges() throws Exception {
        Path small = TestFiles.image(this.dir, "small.png", "png", 160, 100, false);

        assertThat(this.renditions.create(small, image("image/png", 160, 100))).isEmpty();
    }

    @Test
    void skipsWhatTheJdkCannotDecode() throws Exception {
        Path webp = TestFiles.fixture(this.dir, "tiny.webp");

        assertThat(this.renditions.create(webp, image("image/webp", 400, 300))).isEmpty();
    }

    @Test
    void refusesToDecodeAnythingOverThePixelLimit() throws Exception {
        Path flood = TestFiles.pixelFloodPng(this.dir, "flood.png", 100_000, 100_000);

        // Even when handed a probe that lies about the size, the decoder's own view of
        // the header is checked.
        assertThat(this.renditions.create(flood, image("image/png", 1000, 1000))).isEmpty();
        assertThat(this.renditions.create(flood, image("image/png", 100_000, 100_000))).isEmpty();
    }

    @Test
    void subsamplesLargeImagesWhileDecoding() {
        assertThat(Renditions.subsampling(2000, 1500, 1024)).isEqualTo(1);
        assertThat(Renditions.subsampling(8000, 6000, 1024)).isEqualTo(3);
        // A long strip narrower than twice the widest thumbnail is still held to the
        // decoding budget.
        assertThat((long) 1000 * 50_000 / (long) Math.pow(Renditions.subsampling(1000, 50_000, 480), 2))
            .isLessThanOrEqualTo(Renditions.DECODE_BUDGET);
    }

}
