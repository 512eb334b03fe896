package io.schedcp.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.api.Availability;
import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.SchedulerProvider;
import io.schedcp.api.spi.StartRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ProviderRegistryTest {

    private final ProviderContext context = new DefaultProviderContext(
            spec -> {
                throw new UnsupportedOperationException("no launching in this test");
            },
            Path.of("/tmp/schedcp-test"),
            Map.of());

    /** A provider whose behaviour the test gives as functions. */
    private record StubProvider(
            String id, int rank, Supplier<List<SchedulerDescriptor>> list, Consumer<ProviderContext> init)
            implements SchedulerProvider {

        @Override
        public void initialize(ProviderContext context) {
            init.accept(context);
        }

        @Override
        public List<SchedulerDescriptor> schedulers() {
            return list.get();
        }

        @Override
        public Availability availability(String schedulerName) {
            return Availability.available();
        }

        @Override
        public SchedulerHandle start(StartRequest request) {
            throw new UnsupportedOperationException("no starting in this test");
        }
    }

    private static List<SchedulerDescriptor> descriptors(String provider, String... names) {
        return java.util.Arrays.stream(names)
                .map(n -> new SchedulerDescriptor(
                        n, provider, n, false, "", "", List.of(), "", List.of(), "", "", Requirements.NONE))
                .toList();
    }

    /** A provider offering the given names, with a rank. */
    private static SchedulerProvider provider(String id, int rank, String... names) {
        return new StubProvider(id, rank, () -> descriptors(id, names), ctx -> {});
    }

    @Test
    void theHighestRankServesTheName() {
        Problems problems = new Problems();
        ProviderRegistry registry = new ProviderRegistry(
                List.of(provider("scx", 0, "scx_simple"), provider("acme", 5, "scx_simple")), context, problems);

        assertThat(registry.resolve("scx_simple").orElseThrow().provider()).isEqualTo("acme");
        assertThat(registry.resolve("scx:scx_simple").orElseThrow().provider()).isEqualTo("scx");
    }

    @Test
    void aTieGoesToTheProviderIdFirstInAlphabeticalOrderWhateverTheDiscoveryOrder() {
        for (List<SchedulerProvider> order : List.of(
                List.of(provider("zeta", 0, "x"), provider("alpha", 0, "x")),
                List.of(provider("alpha", 0, "x"), provider("zeta", 0, "x")))) {
            ProviderRegistry registry = new ProviderRegistry(order, context, new Problems());
            assertThat(registry.resolve("x").orElseThrow().provider()).isEqualTo("alpha");
        }
    }

    @Test
    void aProviderThatFailsToInitializeIsSkippedAndReported() {
        SchedulerProvider broken = new StubProvider("broken", 0, List::of, ctx -> {
            throw new IllegalStateException("cannot read my config");
        });
        Problems problems = new Problems();

        ProviderRegistry registry = new ProviderRegistry(List.of(broken, provider("scx", 0, "a")), context, problems);

        assertThat(registry.providers()).extracting(SchedulerProvider::id).containsExactly("scx");
        assertThat(problems.messages())
                .singleElement()
                .asString()
                .contains("broken")
                .contains("cannot read my config");
    }

    @Test
    void aProviderThatThrowsWhileListingIsLeftOutOfThatAnswer() {
        SchedulerProvider flaky = new StubProvider(
                "flaky",
                0,
                () -> {
                    throw new IllegalStateException("disk gone");
                },
                ctx -> {});
        Problems problems = new Problems();
        ProviderRegistry registry = new ProviderRegistry(List.of(flaky, provider("scx", 0, "a")), context, problems);

        assertThat(registry.allSchedulers())
                .extracting(SchedulerDescriptor::name)
                .containsExactly("a");
        assertThat(problems.messages()).anyMatch(m -> m.contains("flaky") && m.contains("disk gone"));
    }

    @Test
    void theFirstProviderOfAnIdWinsAndTheDuplicateIsReported() {
        Problems problems = new Problems();
        ProviderRegistry registry = new ProviderRegistry(
                List.of(provider("scx", 0, "mine"), provider("scx", 0, "theirs")), context, problems);

        assertThat(registry.allSchedulers())
                .extracting(SchedulerDescriptor::name)
                .containsExactly("mine");
        assertThat(problems.messages()).anyMatch(m -> m.contains("already taken"));
    }

    @Test
    void aDescriptorNamingAnotherProviderIsCorrectedToItsRealProvider() {
        SchedulerProvider wrapped = new StubProvider("real", 0, () -> descriptors("acme", "x"), ctx -> {});
        ProviderRegistry registry = new ProviderRegistry(List.of(wrapped), context, new Problems());

        assertThat(registry.resolve("x").orElseThrow().qualifiedName()).isEqualTo("real:x");
    }
}
