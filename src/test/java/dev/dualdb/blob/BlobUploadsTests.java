package dev.dualdb.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.dualdb.blob.internal.BlobTooLarge;
import dev.dualdb.blob.internal.ContentProbe;
import dev.dualdb.blob.internal.ImageTooLarge;
import dev.dualdb.blob.internal.LocalBlobStore;
import dev.dualdb.blob.internal.Renditions;
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

    @BeforeEach
    void setUp() {
        UploadProperties properties = UploadPropertiesTests.bind(Map.of("dualdb.uploads.image.max-size", "1MB"));
        this.uploads = new BlobUploads(new LocalBlobStore(this.store), new ContentProbe(properties),
                new Renditions(properties), properties);
    }

    private long filesInStore() throws IOException {
        try (Stream<Path> all = Files.walk(this.store)) {
            return all.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void acceptsAnImageWithItsThumbnails() throws Exception {
        Path photo = TestFiles.image(this.files, "photo.jpg", "jpeg", 1200, 800, false);

        AcceptedUpload accepted;
        try (InputStream in = Files.newInputStream(photo)) {
            accepted = this.uploads.accept(in, UploadKind.IMAGE, "image/jpeg", "C:\\fakepath\\photo.jpg");
        }

        assertThat(accepted.displayName()).isEqualTo("photo.jpg");
        assertThat(accepted.probe()).isEqualTo(new ProbeResult("image/jpeg", 1200, 800, null, null));
        assertThat(accepted.blob().size()).isEqualTo(Files.size(photo));
        assertThat(accepted.blob().storageType()).isEqualTo("LOCAL");
        assertThat(accepted.renditions()).extracting(StoredRendition::width).containsExactly(160, 480, 1024);
        assertThat(accepted.renditions())
            .allSatisfy((r) -> assertThat(this.store.resolve(r.blob().storageKey())).exists());
        assertThat(this.store.resolve(accepted.blob().storageKey())).hasSameBinaryContentAs(photo);
        assertThat(filesInStore()).isEqualTo(4);
    }

    @Test
    void theSameImageTwiceIsStoredOnce() throws Exception {
        Path photo = TestFiles.image(this.files, "photo.png", "png", 500, 400, false);

        AcceptedUpload first = this.uploads.accept(Files.newInputStream(photo), UploadKind.IMAGE, null, "a.png");
        AcceptedUpload second = this.uploads.accept(Files.newInputStream(photo), UploadKind.IMAGE, null, "b.png");

        assertThat(second.blob().sha256()).isEqualTo(first.blob().sha256());
        assertThat(second.blob().alreadyStored()).isTrue();
        assertThat(second.renditions()).allSatisfy((r) -> assertThat(r.blob().alreadyStored()).isTrue());
        assertThat(filesInStore()).isEqualTo(3);
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
        assertThatThrownBy(
                () -> this.uploads.accept(new BlobStoreContract.CountingStream(2 << 20), UploadKind.IMAGE, null, null))
            .isInstanceOf(BlobTooLarge.class);
        assertThatThrownBy(() -> this.uploads.accept(Files.newInputStream(video), UploadKind.VIDEO, "video/webm", null))
            .isInstanceOf(UnsupportedMediaType.class);

        assertThat(filesInStore()).isZero();
    }

    @Test
    void acceptsAVideoWithItsDuration() throws Exception {
        AcceptedUpload accepted = this.uploads.accept(Files.newInputStream(TestFiles.fixture(this.files, "tiny.mp4")),
                UploadKind.VIDEO, "video/mp4", "intro.mp4");

        assertThat(accepted.probe().contentType()).isEqualTo("video/mp4");
        assertThat(accepted.probe().duration()).hasSeconds(2);
        assertThat(accepted.renditions()).isEmpty();
    }

}
