package io.schedcp.userspace.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.userspace.strategy.TaskMatch.ByComm;
import io.schedcp.userspace.strategy.TaskMatch.ByPid;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StrategyBookTest {

    private static Strategy priority(String id, int pid) {
        return new Strategy(id, new ByPid(pid), true, OptionalLong.empty());
    }

    @Test
    void aNewBookIsEmptyAtGenerationZero() {
        StrategyBook book = new StrategyBook();

        assertThat(book.list()).isEmpty();
        assertThat(book.generation()).isZero();
    }

    @Test
    void putAddsAtTheEndAndEachChangeBumpsTheGeneration() {
        StrategyBook book = new StrategyBook();

        assertThat(book.put(priority("a", 1))).isEqualTo(1);
        assertThat(book.put(priority("b", 2))).isEqualTo(2);

        assertThat(book.list()).extracting(Strategy::id).containsExactly("a", "b");
        assertThat(book.generation()).isEqualTo(2);
    }

    @Test
    void putWithAnIdThatIsThereReplacesItWhereItStands() {
        StrategyBook book = new StrategyBook(List.of(priority("a", 1), priority("b", 2)));
        Strategy replacement = new Strategy("a", ByComm.of("^x"), false, OptionalLong.of(1_000_000));

        book.put(replacement);

        assertThat(book.list()).containsExactly(replacement, priority("b", 2));
    }

    @Test
    void removeSaysWhetherTheStrategyWasThereAndOnlyAChangeBumpsTheGeneration() {
        StrategyBook book = new StrategyBook(List.of(priority("a", 1)));
        long before = book.generation();

        assertThat(book.remove("nope")).isFalse();
        assertThat(book.generation()).isEqualTo(before);
        assertThat(book.remove("a")).isTrue();
        assertThat(book.generation()).isEqualTo(before + 1);
        assertThat(book.list()).isEmpty();
    }

    @Test
    void aSnapshotTakenBeforeAChangeKeepsWhatItSaw() {
        StrategyBook book = new StrategyBook(List.of(priority("a", 1)));
        StrategyBook.Snapshot before = book.snapshot();

        book.put(priority("b", 2));

        assertThat(before.strategies()).extracting(Strategy::id).containsExactly("a");
        assertThat(before.find("a")).isPresent();
        assertThat(book.snapshot().find("b")).isPresent();
    }

    @Test
    void replacingTheWholeBookRefusesTwoStrategiesWithOneId() {
        StrategyBook book = new StrategyBook();

        assertThatThrownBy(() -> book.replaceAll(List.of(priority("a", 1), priority("a", 2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two strategies have the id a; give each its own id");
        assertThat(book.generation()).isZero();
    }

    @Test
    void writersOnManyThreadsLoseNoChange() throws Exception {
        StrategyBook book = new StrategyBook();
        Thread[] writers = new Thread[4];
        for (int w = 0; w < writers.length; w++) {
            int base = w * 100;
            writers[w] = new Thread(() -> {
                for (int i = 1; i <= 50; i++) {
                    book.put(priority("s" + (base + i), base + i));
                }
            });
            writers[w].start();
        }
        for (Thread writer : writers) {
            writer.join();
        }

        assertThat(book.list()).hasSize(200);
        assertThat(book.generation()).isEqualTo(200);
    }
}
