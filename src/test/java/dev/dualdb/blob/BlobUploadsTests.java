package dev.dualdb.blob;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import dev.dualdb.blob.internal.BlobTooLarge;
import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.ImageTooLarge;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.blob.internal.Renditions;
import dev.dualdb.blob.internal.TempSpaceExhausted;
import dev.dualdb.blob.internal.UnreadableContent;
import dev.dualdb.blob.internal.UnsupportedMediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole intake of one file, against a real local store. */
class BlobUploadsTests {

    @TempDir
    Path store;

    @TempDir
    Path files;

    private BlobUploads uploads;

    private RenditionMaker maker;

    @BeforeEach
    void setUp() {
        UploadProperties properties = UploadPropertiesTests.bind(Map.of("dualdb.uploads.image.max-size", "1MB"));
        LocalBlobStore blobs = new LocalBlobStore(this.store);
        this.uploads = new BlobUploads(blobs, new ContentProbe(properties), properties);
        this.maker = new RenditionMaker(blobs, new ContentProbe(properties), new Renditions(properties), properties,
                new DefaultListableBeanFactory().getBeanProvider(MeterRegistry.class));
    }

    private long filesInStore() throws IOException {
        try (Stream<Path> all = Files.walk(this.store)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void acceptsAnImageWithoutMakingItsThumbnails() throws Exception {
        Path photo = TestFiles.image(this.files, "photo.jpg", "jpeg", 1200, 800, false);

        AcceptedUpload accepted;
        try (InputStream in = Files.newInputStream(photo)) {
            accepted = this.uploads.accept(in, UploadKind.IMAGE, "image/jpeg", "C:\\fakepath\\photo.jpg");
        }

        assertThat(accepted.displayName()).isEqualTo("photo.jpg");
        assertThat(accepted.probe()).isEqualTo(new ProbeResult("image/jpeg", 1200, 800, null, null));
        assertThat(accepted.blob().size()).isEqualTo(Files.size(photo));
        assertThat(accepted.blob().storageType()).isEqualTo("LOCAL");
        assertThat(this.store.resolve(accepted.blob().storageKey())).hasSameBinaryContentAs(photo);
        assertThat(filesInStore()).isEqualTo(1);
        assertThat(this.maker.decodes()).isZero();
    }

    @Test
    void theMakerMakesTheMissingThumbnailsOfAStoredImageWithOneDecode() throws Exception {
        Path photo = TestFiles.image(this.files, "photo.jpg", "jpeg", 1200, 800, false);
        AcceptedUpload accepted = this.uploads.accept(Files.newInputStream(photo), UploadKind.IMAGE, null, "p.jpg");

        List<StoredRendition> made = this.maker.make(accepted.blob().sha256(), List.of(160));

        assertThat(made).extracting(StoredRendition::width).containsExactly(480, 1024);
        assertThat(made).extracting(StoredRendition::height).containsExactly(320, 683);
        assertThat(made).allSatisfy((r) -> assertThat(this.store.resolve(r.blob().storageKey())).exists());
        assertThat(this.maker.decodes()).isEqualTo(1);
        assertThat(this.maker.make(accepted.blob().sha256(), List.of(160, 480, 1024))).isEmpty();
        assertThat(this.maker.decodes()).as("nothing missing, nothing decoded").isEqualTo(1);
        assertThat(this.maker.plannedWidths("image/jpeg", 1200)).containsExactly(160, 480, 1024);
        assertThat(this.maker.plannedWidths("image/jpeg", 480)).containsExactly(160);
        assertThat(this.maker.plannedWidths("image/webp", 1200)).isEmpty();
    }

    @Test
    void theSameImageTwiceIsStoredOnce() throws Exception {
        Path photo = TestFiles.image(this.files, "photo.png", "png", 500, 400, false);

        AcceptedUpload first = this.uploads.accept(Files.newInputStream(photo), UploadKind.IMAGE, null, "a.png");
        AcceptedUpload second = this.uploads.accept(Files.newInputStream(photo), UploadKind.IMAGE, null, "b.png");

        assertThat(second.blob().sha256()).isEqualTo(first.blob().sha256());
        assertThat(second.blob().alreadyStored()).isTrue();
        assertThat(filesInStore()).isEqualTo(1);
    }

    @Test
    void aRejectedUploadLeavesNothing() throws Exception {
        Path svg = TestFiles.text(this.files, "logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        Path flood = TestFiles.pixelFloodPng(this.files, "flood.png", 100_000, 100_000);
        Path video = TestFiles.fixture(this.files, "tiny.mp4");

        assertThatThrownBy(
                () -> this.uploads.accept(Files.newInputStream(svg), UploadKind.IMAGE, "image/svg+xml", null))
            .isInstanceOf(UnsupportedMediaType.class);
        assertThatThrownBy(() -> this.uploads.accept(Files.newInputStream(flood), UploadKind.IMAGE, null, null))
            .isInstanceOf(ImageTooLarge.class);
        byte[] png = Files.readAllBytes(TestFiles.image(this.files, "big.png", "png", 10, 10, false));
        assertThatThrownBy(() -> this.uploads.accept(
                new SequenceInputStream(new ByteArrayInputStream(png), new BlobStoreContract.CountingStream(2 << 20)),
                UploadKind.IMAGE, null, null))
            .isInstanceOf(BlobTooLarge.class);
        assertThatThrownBy(() -> this.uploads.accept(Files.newInputStream(video), UploadKind.VIDEO, "video/webm", null))
            .isInstanceOf(UnsupportedMediaType.class);

        assertThat(filesInStore()).isZero();
    }

    @Test
    void bytesOfAWrongTypeAreRefusedFromTheirFirstBytesBeforeAnyIsWritten() throws Exception {
        BlobStoreContract.CountingStream zeros = new BlobStoreContract.CountingStream(300L << 20);
        UploadProperties properties = UploadPropertiesTests.bind(Map.of("dualdb.uploads.video.max-size", "1GB"));
        BlobUploads large = new BlobUploads(new LocalBlobStore(this.store), new ContentProbe(properties), properties);

        assertThatThrownBy(() -> large.accept(zeros, UploadKind.VIDEO, "video/mp4", "film.mp4"))
            .isInstanceOf(UnsupportedMediaType.class);

        assertThat(zeros.delivered).as("bytes read of 300 MiB")
            .isLessThanOrEqualTo(new ContentProbe(properties).windowSize());
        assertThat(filesInStore()).isZero();
        assertThat(large.bytesInTemp()).isZero();
    }

    @Test
    void anUploadThatWouldOverfillTheTemporarySpaceIsRefusedAndGivesItsBytesBack() throws Exception {
        UploadProperties properties = UploadPropertiesTests
            .bind(Map.of("dualdb.uploads.image.max-size", "4MB", "dualdb.uploads.max-temp-size", "1MB"));
        BlobUploads capped = new BlobUploads(new LocalBlobStore(this.store), new ContentProbe(properties), properties);
        byte[] png = Files.readAllBytes(TestFiles.image(this.files, "big.png", "png", 10, 10, false));

        assertThatThrownBy(() -> capped.accept(
                new SequenceInputStream(new ByteArrayInputStream(png), new BlobStoreContract.CountingStream(2 << 20)),
                UploadKind.IMAGE, null, "big.png", "address:127.0.0.1"))
            .isInstanceOfSatisfying(TempSpaceExhausted.class,
                    (ex) -> assertThat(ex.code()).isEqualTo("upload-capacity-exhausted"));
        assertThatThrownBy(() -> capped.checkRoom("address:127.0.0.1", 2 << 20)).isInstanceOf(TempSpaceExhausted.class);

        assertThat(filesInStore()).isZero();
        assertThat(capped.bytesInTemp()).isZero();
        AcceptedUpload small = capped.accept(new ByteArrayInputStream(png), UploadKind.IMAGE, null, "small.png",
                "address:127.0.0.1");
        assertThat(small.blob().size()).isEqualTo(png.length);
        assertThat(capped.bytesInTemp()).isZero();
    }

    @Test
    void theKeptNameEndsInTheExtensionOfTheSniffedType() throws Exception {
        AcceptedUpload accepted = this.uploads.accept(Files.newInputStream(TestFiles.pdf(this.files, "x.pdf", 1)),
                UploadKind.RESOURCE, null, "lesson.html");

        assertThat(accepted.displayName()).isEqualTo("lesson.pdf");
    }

    @Test
    void aVideoWithNoMovieHeaderIsUnreadable() throws Exception {
        byte[] mp4 = Files.readAllBytes(TestFiles.fixture(this.files, "tiny.mp4"));
        // The fixture's ftyp box is its first 32 bytes; random bytes follow it.
        byte[] broken = new byte[32 + 4096];
        new Random(3).nextBytes(broken);
        System.arraycopy(mp4, 0, broken, 0, 32);

        assertThatThrownBy(() -> this.uploads.accept(new ByteArrayInputStream(broken), UploadKind.VIDEO, null, "x.mp4"))
            .isInstanceOfSatisfying(UnreadableContent.class,
                    (ex) -> assertThat(ex.code()).isEqualTo("unreadable-content"));
        assertThat(filesInStore()).isZero();
    }

    @Test
    void acceptsAVideoWithItsDuration() throws Exception {
        AcceptedUpload accepted = this.uploads.accept(Files.newInputStream(TestFiles.fixture(this.files, "tiny.mp4")),
                UploadKind.VIDEO, "video/mp4", "intro.mp4");

        assertThat(accepted.probe().contentType()).isEqualTo("video/mp4");
        assertThat(accepted.probe().duration()).hasSeconds(2);
    }

}
