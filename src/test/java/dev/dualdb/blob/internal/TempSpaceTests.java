package dev.dualdb.blob.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The temporary-space caps: one caller cannot hold more than its share, others still
 * upload, the global cap holds for all, and everything taken is given back.
 */
class TempSpaceTests {

    @Test
    void oneCallerIsCappedWhileOthersStillFit() {
        TempSpace space = new TempSpace(1_000, 400);
        TempSpace.Lease first = space.lease("user:a");
        TempSpace.Lease second = space.lease("user:a");
        first.take(300);

        assertThatThrownBy(() -> second.take(200)).isInstanceOf(TempSpaceExhausted.class);
        assertThat(space.hasRoomFor("user:a", 200)).isFalse();
        assertThat(space.hasRoomFor("user:b", 400)).isTrue();
        TempSpace.Lease other = space.lease("user:b");
        other.take(400);

        assertThat(space.usedBy("user:a")).isEqualTo(300);
        assertThat(space.usedBy("user:b")).isEqualTo(400);
        assertThat(space.used()).isEqualTo(700);
        first.close();
        second.close();
        other.close();
        assertThat(space.used()).isZero();
        assertThat(space.usedBy("user:a")).isZero();
        assertThat(space.usedBy("user:b")).isZero();
    }

    @Test
    void theGlobalCapHoldsForAllCallersTogether() {
        TempSpace space = new TempSpace(500, 400);
        TempSpace.Lease a = space.lease("user:a");
        TempSpace.Lease b = space.lease("user:b");
        a.take(400);

        assertThatThrownBy(() -> b.take(200)).isInstanceOf(TempSpaceExhausted.class);
        assertThat(space.usedBy("user:b")).as("a refused take holds nothing").isZero();
        b.take(100);
        assertThat(space.used()).isEqualTo(500);
        a.close();
        b.close();
        assertThat(space.used()).isZero();
    }

}
