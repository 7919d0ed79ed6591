package dev.dualdb.blob;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispositionTests {

    @Test
    void inlineOnlyForTypesSafeToShow() {
        assertThat(Disposition.isInline("image/png")).isTrue();
        assertThat(Disposition.isInline("IMAGE/JPEG; q=1")).isTrue();
        assertThat(Disposition.isInline("video/mp4")).isTrue();
        assertThat(Disposition.isInline("application/pdf")).isTrue();
        assertThat(Disposition.isInline("image/svg+xml")).isFalse();
        assertThat(Disposition.isInline("text/html")).isFalse();
        assertThat(Disposition.isInline("text/plain")).isFalse();
        assertThat(Disposition.isInline("application/zip")).isFalse();
        assertThat(Disposition.isInline(null)).isFalse();
    }

    @Test
    void plainAsciiNamesNeedNoExtendedForm() {
        assertThat(Disposition.header("image/png", "photo 1.png")).isEqualTo("inline; filename=\"photo 1.png\"");
        assertThat(Disposition.header("application/zip", "bundle.zip"))
            .isEqualTo("attachment; filename=\"bundle.zip\"");
    }

    @Test
    void otherNamesGetAnAsciiFallbackAndAnEncodedExactName() {
        assertThat(Disposition.header("application/pdf", "Übersicht €.pdf"))
            .isEqualTo("inline; filename=\"Ubersicht _.pdf\"; filename*=UTF-8''%C3%9Cbersicht%20%E2%82%AC.pdf");
        assertThat(Disposition.header("text/plain", "日本.txt"))
            .isEqualTo("attachment; filename=\"__.txt\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.txt");
    }

    @Test
    void quotesAndPercentSignsCannotBreakOut() {
        String header = Disposition.header("text/plain", "a\"; filename=evil.html; x=\"%41.txt");

        assertThat(header).isEqualTo("attachment; filename=\"a_; filename=evil.html; x=__41.txt\"; "
                + "filename*=UTF-8''a%22%3B%20filename%3Devil.html%3B%20x%3D%22%2541.txt");
    }

    @Test
    void aBackslashIsAPathSeparatorNotAnEscape() {
        assertThat(Disposition.header("text/plain", "dir\\\"x.txt"))
            .isEqualTo("attachment; filename=\"_x.txt\"; filename*=UTF-8''%22x.txt");
    }

    @Test
    void headerInjectionIsImpossible() {
        assertThat(Disposition.header("text/plain", "a\r\nSet-Cookie: x=1.txt")).doesNotContain("\r", "\n");
    }

    @Test
    void aMissingNameBecomesAFallback() {
        assertThat(Disposition.header("image/png", null)).isEqualTo("inline; filename=\"file.png\"");
    }

}
