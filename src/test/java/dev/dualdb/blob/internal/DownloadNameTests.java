package dev.dualdb.blob.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadNameTests {

    @Test
    void theNameEndsInAnExtensionOfTheSniffedType() {
        assertThat(DownloadName.of("evil.bat", "application/pdf")).isEqualTo("evil.pdf");
        assertThat(DownloadName.of("lesson.html", "application/pdf")).isEqualTo("lesson.pdf");
        assertThat(DownloadName.of("x.jsp", "text/plain")).isEqualTo("x.txt");
        assertThat(DownloadName.of("README", "text/plain")).isEqualTo("README.txt");
        assertThat(DownloadName.of("clip.mov.exe", "video/mp4")).isEqualTo("clip.mov.mp4");
    }

    @Test
    void aStemThatAlreadyEndsInTheTypeLosesTheLyingExtension() {
        assertThat(DownloadName.of("a.png.html", "image/png")).isEqualTo("a.png");
        assertThat(DownloadName.of("report.PDF.js", "application/pdf")).isEqualTo("report.PDF");
    }

    @Test
    void aNameAlreadyRightIsKeptWhicheverOfTheTypesExtensionsItUses() {
        assertThat(DownloadName.of("photo.JPEG", "image/jpeg")).isEqualTo("photo.JPEG");
        assertThat(DownloadName.of("photo.jpg", "image/jpeg; charset=x")).isEqualTo("photo.jpg");
        assertThat(DownloadName.of("front view.png", "image/png")).isEqualTo("front view.png");
        assertThat(DownloadName.of("café code.zip", "application/zip")).isEqualTo("café code.zip");
    }

    @Test
    void theNameIsCleanedFirst() {
        assertThat(DownloadName.of("a.png\0.html", "image/png")).isEqualTo("a.png");
        assertThat(DownloadName.of("../../etc/passwd", "text/plain")).isEqualTo("passwd.txt");
        assertThat(DownloadName.of("..", "image/png")).isEqualTo("file.png");
        assertThat(DownloadName.of(null, "application/pdf")).isEqualTo("file.pdf");
        assertThat(DownloadName.of("x".repeat(300) + ".exe", "application/pdf")).hasSize(DisplayName.MAX_LENGTH)
            .endsWith(".pdf");
    }

    @Test
    void withoutATypeOnlyTheCleaningApplies() {
        assertThat(DownloadName.of("a\u0001b.exe", null)).isEqualTo("ab.exe");
    }

    @Test
    void aTypeWithNoKnownExtensionGetsBin() {
        assertThat(DownloadName.of("payload.html", "application/x-dualdb-unknown")).isEqualTo("payload.bin");
    }

}
