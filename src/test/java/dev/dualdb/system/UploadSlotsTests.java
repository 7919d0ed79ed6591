package dev.dualdb.system;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The upload slots: a cap overall and, when set, a cap per caller. */
class UploadSlotsTests {

    private static UploadSlots slots(int overall, int perCaller) {
        return new UploadSlots(
                new SlowClientProperties(DataSize.ofKilobytes(1), Duration.ofSeconds(10), overall, perCaller));
    }

    @Test
    void theOverallCapRefusesOneMoreUntilASlotIsGivenBack() {
        UploadSlots slots = slots(2, 0);
        Optional<UploadSlots.Slot> first = slots.tryAcquire("a");
        Optional<UploadSlots.Slot> second = slots.tryAcquire("b");

        assertThat(first).isPresent();
        assertThat(second).isPresent();
        assertThat(slots.tryAcquire("c")).isEmpty();
        first.get().close();
        first.get().close(); // closing twice frees one slot, not two
        assertThat(slots.tryAcquire("c")).isPresent();
        assertThat(slots.tryAcquire("d")).isEmpty();
    }

    @Test
    void theCapPerCallerLeavesOtherCallersTheirSlots() {
        UploadSlots slots = slots(10, 2);
        UploadSlots.Slot one = slots.tryAcquire("alice").orElseThrow();
        slots.tryAcquire("alice").orElseThrow();

        assertThat(slots.tryAcquire("alice")).isEmpty();
        assertThat(slots.tryAcquire("bob")).isPresent();
        one.close();
        assertThat(slots.tryAcquire("alice")).isPresent();
    }

    @Test
    void aRefusalPerCallerTakesNoOverallSlot() {
        UploadSlots slots = slots(2, 1);
        slots.tryAcquire("alice").orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertThat(slots.tryAcquire("alice")).isEmpty();
        }
        assertThat(slots.tryAcquire("bob")).isPresent();
    }

    @Test
    void nonsenseCapsStopTheStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> slots(0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> slots(1, -1));
    }

}
