package io.schedcp.slo.slot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SlotTableTest {

    @Test
    void theFirstConfigGetsSlotsFromOneInItsOrder() {
        SlotPlan plan = SlotTable.EMPTY.next(List.of(700L, 500L, 900L));

        assertThat(plan.table().slots()).containsExactly(entry(700L, 1), entry(500L, 2), entry(900L, 3));
        assertThat(plan.added()).isEqualTo(plan.table().slots());
        assertThat(plan.kept()).isEmpty();
        assertThat(plan.removed()).isEmpty();
        assertThat(plan.slotsToReset()).containsExactly(1, 2, 3);
    }

    @Test
    void aReloadKeepsTheSlotsOfTheGroupsThatStay() {
        SlotTable before = SlotTable.EMPTY.next(List.of(700L, 500L, 900L)).table();

        SlotPlan plan = before.next(List.of(900L, 700L));

        assertThat(plan.kept()).containsExactly(entry(900L, 3), entry(700L, 1));
        assertThat(plan.removed()).containsExactly(entry(500L, 2));
        assertThat(plan.slotsToReset()).isEmpty();
        assertThat(plan.table().slotOf(500L)).isEmpty();
    }

    @Test
    void aNewGroupTakesTheSlotFreeLongestNotTheOneJustFreed() {
        SlotTable before = SlotTable.EMPTY.next(List.of(700L, 500L)).table();

        SlotPlan plan = before.next(List.of(700L, 800L));

        assertThat(plan.removed()).containsExactly(entry(500L, 2));
        assertThat(plan.added()).containsExactly(entry(800L, 3));
        assertThat(plan.slotsToReset()).containsExactly(3);
    }

    @Test
    void aFreedSlotIsHandedOutAgainOnceTheOthersAreTaken() {
        SlotTable table = SlotTable.EMPTY
                .next(LongStream.rangeClosed(1, 256).boxed().toList())
                .table();

        SlotPlan plan = table.next(LongStream.rangeClosed(2, 257).boxed().toList());

        assertThat(plan.removed()).containsExactly(entry(1L, 1));
        assertThat(plan.added()).containsExactly(entry(257L, 1));
        assertThat(plan.slotsToReset()).containsExactly(1);
    }

    @Test
    void aReloadOfTheSameGroupsChangesNothing() {
        SlotTable table = SlotTable.EMPTY.next(List.of(700L, 500L)).table();

        SlotPlan plan = table.next(List.of(700L, 500L));

        assertThat(plan.table().slots()).isEqualTo(table.slots());
        assertThat(plan.added()).isEmpty();
        assertThat(plan.removed()).isEmpty();
    }

    @Test
    void aCgroupRemovedAndAddedBackGetsAFreshSlot() {
        SlotTable without = SlotTable.EMPTY
                .next(List.of(700L, 500L))
                .table()
                .next(List.of(700L))
                .table();

        SlotPlan plan = without.next(List.of(700L, 500L));

        assertThat(plan.added()).containsExactly(entry(500L, 3));
        assertThat(plan.slotsToReset()).containsExactly(3);
    }

    @Test
    void planningLeavesTheTableAsItWas() {
        SlotTable table = SlotTable.EMPTY.next(List.of(700L)).table();

        table.next(List.of(800L));

        assertThat(table.slots()).containsExactly(entry(700L, 1));
    }

    @Test
    void refusesARepeatedCgroupAndMoreThan256() {
        assertThatThrownBy(() -> SlotTable.EMPTY.next(List.of(7L, 7L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SlotTable.EMPTY.next(
                        LongStream.rangeClosed(1, 257).boxed().toList()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
