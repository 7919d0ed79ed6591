package dev.dualdb.blob;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.dualdb.blob.RangeSelection.Multiple;
import dev.dualdb.blob.RangeSelection.Single;
import dev.dualdb.blob.RangeSelection.Unsatisfiable;
import dev.dualdb.blob.RangeSelection.Whole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RangeSelectionTests {

    private static final long LENGTH = 1_000;

    private static RangeSelection select(String header) {
        return RangeSelection.of(header, LENGTH);
    }

    private static Single single(long first, long last) {
        return new Single(new ByteRange(first, last));
    }

    @Test
    void firstBytes() {
        assertThat(select("bytes=0-99")).isEqualTo(single(0, 99));
        assertThat(select("bytes=0-0")).isEqualTo(single(0, 0));
    }

    @Test
    void openEnded() {
        assertThat(select("bytes=100-")).isEqualTo(single(100, 999));
        assertThat(select("bytes=0-")).isEqualTo(single(0, 999));
    }

    @Test
    void suffix() {
        assertThat(select("bytes=-100")).isEqualTo(single(900, 999));
        assertThat(select("bytes=-5000")).isEqualTo(single(0, 999));
    }

    @Test
    void aLastByteBeyondTheEndIsCut() {
        assertThat(select("bytes=900-5000")).isEqualTo(single(900, 999));
        assertThat(select("bytes=900-99999999999999999999999")).isEqualTo(single(900, 999));
    }

    @Test
    void toleratesCaseAndWhitespace() {
        assertThat(select(" Bytes = 10 - 19 ")).isEqualTo(single(10, 19));
        assertThat(select("bytes=10-19,")).isEqualTo(single(10, 19));
    }

    @Test
    void unsatisfiableRangesAre416() {
        assertThat(select("bytes=1000-")).isInstanceOf(Unsatisfiable.class);
        assertThat(select("bytes=5000-6000")).isInstanceOf(Unsatisfiable.class);
        assertThat(select("bytes=-0")).isInstanceOf(Unsatisfiable.class);
        assertThat(select("bytes=1000-1001, 2000-")).isInstanceOf(Unsatisfiable.class);
        assertThat(RangeSelection.of("bytes=0-", 0)).isInstanceOf(Unsatisfiable.class);
        assertThat(RangeSelection.of("bytes=-1", 0)).isInstanceOf(Unsatisfiable.class);
    }

    @Test
    void unsatisfiableRangesAmongOthersAreDropped() {
        assertThat(select("bytes=5000-6000, 0-9")).isEqualTo(single(0, 9));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "bytes", "bytes=", "bytes=,", "items=0-9", "bytes=abc", "bytes=9-0", "bytes=1-2-3",
            "bytes=--5", "bytes=0x10-20", "bytes=+1-2", "bytes=-", "bytes=0-9,junk" })
    void ignoresWhatItCannotRead(String header) {
        assertThat(select(header)).isInstanceOf(Whole.class);
    }

    @Test
    void sendsDisjointRangesAsMultipart() {
        assertThat(select("bytes=0-9, 20-29, -10"))
            .isEqualTo(new Multiple(List.of(new ByteRange(0, 9), new ByteRange(20, 29), new ByteRange(990, 999))));
    }

    @Test
    void ordersTheParts() {
        assertThat(select("bytes=500-509,0-9"))
            .isEqualTo(new Multiple(List.of(new ByteRange(0, 9), new ByteRange(500, 509))));
    }

    @Test
    void mergesOverlappingAndAdjacentRanges() {
        assertThat(select("bytes=0-9,5-14,15-19")).isEqualTo(single(0, 19));
        assertThat(select("bytes=0-9,10-19,100-109"))
            .isEqualTo(new Multiple(List.of(new ByteRange(0, 19), new ByteRange(100, 109))));
    }

    @Test
    void neverAmplifies() {
        // 20 copies of the whole body would be 20 times its length: the whole body, once,
        // instead.
        assertThat(select("bytes=" + "0-,".repeat(20))).isInstanceOf(Whole.class);
        assertThat(select("bytes=0-599,400-999")).isInstanceOf(Whole.class);
    }

    @Test
    void tooManyPiecesGetTheWholeBody() {
        StringBuilder nine = new StringBuilder("bytes=");
        for (int i = 0; i < 9; i++) {
            nine.append(i * 100).append('-').append(i * 100 + 9).append(',');
        }
        assertThat(select(nine.toString())).isInstanceOf(Whole.class);

        StringBuilder eight = new StringBuilder("bytes=");
        for (int i = 0; i < 8; i++) {
            eight.append(i * 100).append('-').append(i * 100 + 9).append(',');
        }
        assertThat(select(eight.toString())).isInstanceOfSatisfying(Multiple.class,
                (multiple) -> assertThat(multiple.ranges()).hasSize(8));
    }

    @Test
    void givesContentRangeHeaders() {
        assertThat(new ByteRange(0, 99).contentRange(LENGTH)).isEqualTo("bytes 0-99/1000");
        assertThat(new ByteRange(0, 99).length()).isEqualTo(100);
        assertThat(ByteRange.unsatisfiedContentRange(LENGTH)).isEqualTo("bytes */1000");
        assertThatThrownBy(() -> new ByteRange(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

}
