package dev.dualdb.blob;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.ImageTooLarge;
import dev.dualdb.blob.internal.UnreadableContent;
import dev.dualdb.blob.internal.UnsupportedMediaType;
import dev.dualdb.system.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentProbeTests {

    @TempDir
    Path dir;

    private final ContentProbe probe = new ContentProbe(UploadPropertiesTests.defaults());

    // --- images
    // ------------------------------------------------------------------------------------------------

    @Test
    void measuresPngJpegGifAndWebp() throws Exception {
        assertThat(this.probe.probe(TestFiles.image(this.dir, "a.png", "png", 300, 200, true), UploadKind.IMAGE,
                "image/png", "a.png"))
            .isEqualTo(new ProbeResult("image/png", 300, 200, null, null));
        assertThat(this.probe.probe(TestFiles.image(this.dir, "b.jpg", "jpeg", 640, 480, false), UploadKind.IMAGE, null,
                null))
            .isEqualTo(new ProbeResult("image/jpeg", 640, 480, null, null));
        assertThat(this.probe.probe(TestFiles.image(this.dir, "c.gif", "gif", 31, 17, false), UploadKind.IMAGE,
                "image/gif", "c.gif"))
            .isEqualTo(new ProbeResult("image/gif", 31, 17, null, null));
        assertThat(
                this.probe.probe(TestFiles.fixture(this.dir, "tiny.webp"), UploadKind.IMAGE, "image/webp", "tiny.webp"))
            .isEqualTo(new ProbeResult("image/webp", 40, 30, null, null));
    }

    @Test
    void reportsTheSizeAsShownForTurnedPhotos() throws Exception {
        Path portrait = TestFiles.orientedJpeg(this.dir, "portrait.jpg", 400, 200, 6);
        Path mirrored = TestFiles.orientedJpeg(this.dir, "mirrored.jpg", 400, 200, 2);

        assertThat(this.probe.probe(portrait, UploadKind.IMAGE, "image/jpeg", null))
            .isEqualTo(new ProbeResult("image/jpeg", 200, 400, null, null));
        assertThat(this.probe.probe(mirrored, UploadKind.IMAGE, "image/jpeg", null))
            .isEqualTo(new ProbeResult("image/jpeg", 400, 200, null, null));
    }

    @Test
    void takesTheTypeFromTheBytesNotTheName() throws Exception {
        Path jpeg = TestFiles.image(this.dir, "photo.png", "jpeg", 10, 10, false);

        assertThat(this.probe.probe(jpeg, UploadKind.IMAGE, null, "photo.png").contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void aClaimThatContradictsTheBytesIsRefused() throws Exception {
        Path jpeg = TestFiles.image(this.dir, "photo.jpg", "jpeg", 10, 10, false);

        assertThatThrownBy(() -> this.probe.probe(jpeg, UploadKind.IMAGE, "image/png", "photo.jpg"))
            .isInstanceOfSatisfying(UnsupportedMediaType.class, (e) -> {
                assertThat(e.code()).isEqualTo("content-type-mismatch");
                assertThat(e.detectedType()).isEqualTo("image/jpeg");
                assertThat(e.kind()).isEqualTo(DomainException.Kind.UNSUPPORTED_MEDIA_TYPE);
            });
    }

    @Test
    void harmlessClaimsAreAccepted() throws Exception {
        Path jpeg = TestFiles.image(this.dir, "photo.jpg", "jpeg", 10, 10, false);

        for (String claim : List.of("image/jpeg", "IMAGE/JPEG; charset=x", "image/jpg", "image/pjpeg",
                "application/octet-stream", "")) {
            assertThat(this.probe.probe(jpeg, UploadKind.IMAGE, claim, "photo.jpg").contentType())
                .isEqualTo("image/jpeg");
        }
    }

    @Test
    void scriptableContentIsNeverAnImage() throws Exception {
        Path svg = TestFiles.text(this.dir, "logo.svg",
                "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\""
                        + " width=\"10\" height=\"10\"><script>alert(1)</script></svg>");
        Path html = TestFiles.text(this.dir, "page.png",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

        assertThatThrownBy(() -> this.probe.probe(svg, UploadKind.IMAGE, "image/svg+xml", "logo.svg"))
            .isInstanceOfSatisfying(UnsupportedMediaType.class, (e) -> {
                assertThat(e.code()).isEqualTo("unsupported-media-type");
                assertThat(e.detectedType()).isEqualTo("image/svg+xml");
            });
        assertThatThrownBy(() -> this.probe.probe(html, UploadKind.IMAGE, null, "page.png")).isInstanceOfSatisfying(
                UnsupportedMediaType.class, (e) -> assertThat(e.detectedType()).isEqualTo("text/html"));
        assertThatThrownBy(() -> this.probe.probe(html, UploadKind.IMAGE, "image/png", "page.png"))
            .isInstanceOfSatisfying(UnsupportedMediaType.class,
                    (e) -> assertThat(e.code()).isEqualTo("content-type-mismatch"));
    }

    @Test
    void refusesAPixelFloodBeforeDecodingIt() throws Exception {
        Path flood = TestFiles.pixelFloodPng(this.dir, "flood.png", 100_000, 100_000);

        assertThatThrownBy(() -> this.probe.probe(flood, UploadKind.IMAGE, "image/png", "flood.png"))
            .isInstanceOfSatisfying(ImageTooLarge.class, (e) -> {
                assertThat(e.code()).isEqualTo("image-dimensions-too-large");
                assertThat(e.kind()).isEqualTo(DomainException.Kind.TOO_LARGE);
            });
    }

    @Test
    void thePixelLimitIsInclusiveAndConfigurable() throws Exception {
        Path image = TestFiles.pixelFloodPng(this.dir, "edge.png", 5_000, 10_000);
        ContentProbe tight = new ContentProbe(UploadPropertiesTests.withMaxPixels(49_999_999));

        assertThat(this.probe.probe(image, UploadKind.IMAGE, null, null).width()).isEqualTo(5_000);
        assertThatThrownBy(() -> tight.probe(image, UploadKind.IMAGE, null, null)).isInstanceOf(ImageTooLarge.class);
    }

    @Test
    void aDamagedImageIsUnreadable() throws Exception {
        Path damaged = TestFiles.bytes(this.dir, "cut.png",
                new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H' });

        assertThatThrownBy(() -> this.probe.probe(damaged, UploadKind.IMAGE, null, "cut.png")).isInstanceOfSatisfying(
                UnreadableContent.class, (e) -> assertThat(e.code()).isEqualTo("unreadable-content"));
    }

    @Test
    void aVideoIsNotAnImage() throws Exception {
        assertThatThrownBy(
                () -> this.probe.probe(TestFiles.fixture(this.dir, "tiny.mp4"), UploadKind.IMAGE, null, null))
            .isInstanceOf(UnsupportedMediaType.class);
    }

    // --- videos
    // ------------------------------------------------------------------------------------------------

    @Test
    void readsTheDurationOfMp4QuickTimeAndWebm() throws Exception {
        assertThat(this.probe.probe(TestFiles.fixture(this.dir, "tiny.mp4"), UploadKind.VIDEO, "video/mp4", "tiny.mp4"))
            .isEqualTo(new ProbeResult("video/mp4", null, null, Duration.ofSeconds(2), null));
        assertThat(this.probe.probe(TestFiles.fixture(this.dir, "tiny.mov"), UploadKind.VIDEO, "video/quicktime",
                "tiny.mov"))
            .isEqualTo(new ProbeResult("video/quicktime", null, null, Duration.ofSeconds(2), null));
        assertThat(
                this.probe.probe(TestFiles.fixture(this.dir, "tiny.webm"), UploadKind.VIDEO, "video/webm", "tiny.webm"))
            .isEqualTo(new ProbeResult("video/webm", null, null, Duration.ofSeconds(2), null));
    }

    @Test
    void anMp4ClaimedAsWebmIsAMismatch() throws Exception {
        assertThatThrownBy(
                () -> this.probe.probe(TestFiles.fixture(this.dir, "tiny.mp4"), UploadKind.VIDEO, "video/webm", null))
            .isInstanceOfSatisfying(UnsupportedMediaType.class,
                    (e) -> assertThat(e.code()).isEqualTo("content-type-mismatch"));
    }

    @Test
    void aPdfIsNotAVideo() throws Exception {
        assertThatThrownBy(() -> this.probe.probe(TestFiles.pdf(this.dir, "a.pdf", 1), UploadKind.VIDEO, null, "a.mp4"))
            .isInstanceOfSatisfying(UnsupportedMediaType.class,
                    (e) -> assertThat(e.detectedType()).isEqualTo("application/pdf"));
    }

    // --- resources
    // ---------------------------------------------------------------------------------------------

    @Test
    void countsThePagesOfAPdf() throws Exception {
        assertThat(this.probe.probe(TestFiles.pdf(this.dir, "notes.pdf", 3), UploadKind.RESOURCE, "application/pdf",
                "notes.pdf"))
            .isEqualTo(new ProbeResult("application/pdf", null, null, null, 3));
    }

    @Test
    void aPdfThatCannotBeOpenedIsStillAPdf() throws Exception {
        Path broken = TestFiles.bytes(this.dir, "broken.pdf", "%PDF-1.7\n%garbage and nothing else".getBytes());

        assertThat(this.probe.probe(broken, UploadKind.RESOURCE, "application/pdf", "broken.pdf"))
            .isEqualTo(new ProbeResult("application/pdf", null, null, null, null));
    }

    @Test
    void tellsOfficeDocumentsFromPlainZips() throws Exception {
        String word = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

        assertThat(this.probe.probe(TestFiles.docx(this.dir, "report"), UploadKind.RESOURCE, null, null).contentType())
            .isEqualTo(word);
        assertThat(this.probe
            .probe(TestFiles.docx(this.dir, "report.docx"), UploadKind.RESOURCE, "application/zip", "report.docx")
            .contentType()).isEqualTo(word);
        assertThat(this.probe
            .probe(TestFiles.zip(this.dir, "bundle.zip"), UploadKind.RESOURCE, "application/x-zip-compressed",
                    "bundle.zip")
            .contentType()).isEqualTo("application/zip");
    }

    @Test
    void aNameOnlyNarrowsWhatTheBytesSay() throws Exception {
        Path text = TestFiles.text(this.dir, "data.csv", "name,price\napple,1\n");
        Path noise = TestFiles.bytes(this.dir, "fake.pdf", BlobStoreContract.randomBytes(4_096, 30));

        assertThat(this.probe.probe(text, UploadKind.RESOURCE, "text/csv", "data.csv").contentType())
            .isEqualTo("text/csv");
        assertThatThrownBy(() -> this.probe.probe(noise, UploadKind.RESOURCE, "application/pdf", "fake.pdf"))
            .isInstanceOfSatisfying(UnsupportedMediaType.class, (e) -> {
                assertThat(e.code()).isEqualTo("unsupported-media-type");
                assertThat(e.detectedType()).isEqualTo("application/octet-stream");
            });
    }

    @Test
    void htmlIsNotAResourceByDefault() throws Exception {
        Path html = TestFiles.text(this.dir, "page.html", "<!DOCTYPE html><html><body>hi</body></html>");

        assertThatThrownBy(() -> this.probe.probe(html, UploadKind.RESOURCE, "text/html", "page.html"))
            .isInstanceOf(UnsupportedMediaType.class);
    }

    @Test
    void theAllowListIsConfigurable() throws Exception {
        Path gif = TestFiles.image(this.dir, "c.gif", "gif", 5, 5, false);
        UploadProperties noGif = new UploadProperties(
                new UploadProperties.Images(DataSize.ofMegabytes(20), List.of("image/png"), 50_000_000, List.of(160)),
                UploadPropertiesTests.defaults().video(), UploadPropertiesTests.defaults().resource(), 10,
                DataSize.ofMegabytes(50), 64, DataSize.ofKilobytes(128), DataSize.ofGigabytes(16),
                DataSize.ofGigabytes(6));

        assertThatThrownBy(() -> new ContentProbe(noGif).probe(gif, UploadKind.IMAGE, null, null))
            .isInstanceOf(UnsupportedMediaType.class);
    }

}
