package dev.dualdb.blob.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayNameTests {

    private static String name(String client) {
        return DisplayName.of(client).value();
    }

    @Test
    void keepsOrdinaryNames() {
        assertThat(name("Lesson 1 – Intro.pdf")).isEqualTo("Lesson 1 – Intro.pdf");
        assertThat(name("фото.jpg")).isEqualTo("фото.jpg");
        assertThat(name(".bashrc")).isEqualTo(".bashrc");
    }

    @Test
    void dropsPathParts() {
        assertThat(name("../../etc/passwd")).isEqualTo("passwd");
        assertThat(name("C:\\Users\\me\\Desktop\\cv.docx")).isEqualTo("cv.docx");
        assertThat(name("/")).isEqualTo(DisplayName.FALLBACK);
    }

    @Test
    void dropsControlAndInvisibleCharacters() {
        assertThat(name("evil\u202Egnp.exe")).isEqualTo("evilgnp.exe");
        assertThat(name("a\u0000b\u0007c\u200B.txt")).isEqualTo("abc.txt");
        assertThat(name("two\r\nlines.txt")).isEqualTo("two lines.txt");
    }

    @Test
    void tidiesWhitespaceAndTrailingDots() {
        assertThat(name("  spaced \t  out  .txt. . ")).isEqualTo("spaced out .txt");
    }

    @Test
    void isNeverEmpty() {
        assertThat(name(null)).isEqualTo("file");
        assertThat(name("")).isEqualTo("file");
        assertThat(name("   ")).isEqualTo("file");
        assertThat(name("..")).isEqualTo("file");
        assertThat(name("\u0000\u0001")).isEqualTo("file");
        assertThat(name("dir/")).isEqualTo("file");
    }

    @Test
    void isCutTo255CharactersKeepingTheExtension() {
        String cut = name("a".repeat(300) + ".pdf");

        assertThat(cut).hasSize(255).endsWith("aaa.pdf");
    }

    @Test
    void neverSplitsACharacter() {
        String cut = name("😀".repeat(300));

        assertThat(cut.codePointCount(0, cut.length())).isEqualTo(255);
        assertThat(cut).isEqualTo("😀".repeat(255));
    }

    @Test
    void normalisesToComposedForm() {
        assertThat(name("e\u0301.txt")).isEqualTo("\u00e9.txt");
    }

}
