package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.Availability;
import io.schedcp.api.ErrorDetail.CustomNotRunnable;
import io.schedcp.api.ErrorDetail.CustomNotRunnable.Why;
import io.schedcp.api.ExitInfo;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.ProviderContext;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StartRequest;
import io.schedcp.api.spi.StopSignal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomProviderTest {

    @TempDir
    Path home;

    @TempDir
    Path build;

    private final List<ProcessLauncher.Spec> launched = new ArrayList<>();
    private CustomStore store;
    private CustomProvider provider;

    private record Context(ProcessLauncher launcher, Path home, Map<String, String> environment)
            implements ProviderContext {}

    /** What the recording launcher hands back: a scheduler that has not printed anything yet. */
    private record StartedHandle(String schedulerName) implements SchedulerHandle {

        @Override
        public OptionalLong pid() {
            return OptionalLong.of(4242);
        }

        @Override
        public boolean isAlive() {
            return true;
        }

        @Override
        public List<String> outputTail() {
            return List.of();
        }

        @Override
        public void onOutput(Consumer<String> listener) {}

        @Override
        public void signal(StopSignal signal) {}

        @Override
        public Optional<ExitInfo> awaitExit(Duration timeout) {
            return Optional.empty();
        }

        @Override
        public Optional<ExitInfo> exitInfo() {
            return Optional.empty();
        }
    }

    @BeforeEach
    void setUp() {
        store = new CustomStore(home);
        provider = new CustomProvider();
        provider.initialize(new Context(
                spec -> {
                    launched.add(spec);
                    return new StartedHandle(spec.schedulerName());
                },
                home,
                Map.of()));
    }

    private CustomScheduler stored(CustomMeta meta) throws IOException {
        Path object = Files.write(build.resolve(meta.name() + ".bpf.o"), new byte[] {0x7f, 'E', 'L', 'F'});
        return store.add(meta, SOURCE, object);
    }

    private String unavailableReason(String name) {
        return unavailable(name).reason();
    }

    private Availability.Unavailable unavailable(String name) {
        Availability availability = provider.availability(name);
        assertThat(availability).isInstanceOf(Availability.Unavailable.class);
        return (Availability.Unavailable) availability;
    }

    private SchedulerDescriptor descriptor(String name) {
        return provider.schedulers().stream()
                .filter(d -> d.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theProviderIsCalledCustom() {
        assertThat(provider.id()).isEqualTo("custom").isEqualTo(CustomProvider.ID);
    }

    @Test
    void eachStoredSchedulerIsDescribedWithItsOpsNameAndFields() throws IOException {
        stored(meta("tiny"));
        stored(meta("other").withVerification(TinyScheduler.passed("other")));

        assertThat(provider.schedulers()).extracting(SchedulerDescriptor::name).containsExactly("other", "tiny");
        assertThat(descriptor("tiny")).satisfies(d -> {
            assertThat(d.provider()).isEqualTo("custom");
            assertThat(d.opsName()).isEqualTo("tiny");
            assertThat(d.productionReady()).isFalse();
            assertThat(d.description()).isEqualTo("A shared FIFO.");
            assertThat(d.algorithm()).isEqualTo("first come, first served");
            assertThat(d.useCases()).containsExactly("tests");
            assertThat(d.tuningParameters()).isEmpty();
        });
    }

    @Test
    void aHomeWithoutCustomSchedulersOffersNone() {
        assertThat(provider.schedulers()).isEmpty();
    }

    @Test
    void anUnverifiedSchedulerIsUnavailableUntilItIsVerified() throws IOException {
        stored(meta("tiny"));

        assertThat(unavailableReason("tiny")).isEqualTo("it has not been verified yet");
        assertThat(unavailable("tiny").detail()).contains(new CustomNotRunnable("tiny", Why.NOT_VERIFIED));
    }

    @Test
    void aSchedulerWhoseVerificationFailedIsUnavailableWithTheStageAndReason() throws IOException {
        stored(meta("tiny").withVerification(TinyScheduler.failedToLoad("tiny")));

        assertThat(unavailableReason("tiny"))
                .contains("last verification failed (load)")
                .contains("the verifier rejected tiny_enqueue: invalid mem access");
        assertThat(unavailable("tiny").detail()).contains(new CustomNotRunnable("tiny", Why.FAILED_VERIFICATION));
    }

    @Test
    void aSchedulerThatPassedVerificationIsAvailable() throws IOException {
        stored(meta("tiny").withVerification(TinyScheduler.passed("tiny")));

        assertThat(provider.availability("tiny")).isEqualTo(Availability.available());
    }

    @Test
    void aVerifiedSchedulerWhoseObjectIsGoneIsUnavailableNamingTheObject() throws IOException {
        CustomScheduler scheduler = stored(meta("tiny").withVerification(TinyScheduler.passed("tiny")));
        Files.delete(scheduler.object());

        assertThat(unavailableReason("tiny")).isEqualTo("its BPF object " + scheduler.object() + " is missing");
        assertThat(unavailable("tiny").detail()).contains(new CustomNotRunnable("tiny", Why.OBJECT_MISSING));
    }

    @Test
    void theAvailabilityOfAnUnknownSchedulerIsNotFound() {
        assertThatThrownBy(() -> provider.availability("nope"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void startingAVerifiedSchedulerRunsTheLoaderOnItsObject() throws IOException {
        CustomScheduler scheduler = stored(meta("tiny").withVerification(TinyScheduler.passed("tiny")));

        SchedulerHandle handle = provider.start(new StartRequest(descriptor("tiny"), List.of()));

        assertThat(handle).isEqualTo(new StartedHandle("tiny"));
        assertThat(launched).singleElement().satisfies(spec -> {
            assertThat(spec.schedulerName()).isEqualTo("tiny");
            assertThat(spec.command().get(0)).endsWith("/bin/java");
            assertThat(spec.command()).anySatisfy(arg -> assertThat(arg).endsWith("io.schedcp.bpf.custom.LoaderMain"));
            assertThat(spec.command()).endsWith("tiny", scheduler.object().toString());
        });
    }

    @Test
    void startingWithArgumentsFailsBecauseOptionsLiveInTheSource() throws IOException {
        stored(meta("tiny").withVerification(TinyScheduler.passed("tiny")));

        assertThatThrownBy(() -> provider.start(new StartRequest(descriptor("tiny"), List.of("--slice-us", "100"))))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("custom:tiny takes no arguments");
        assertThat(launched).isEmpty();
    }

    @Test
    void startingAnUnverifiedSchedulerFailsUnavailableWithoutLaunchingAnything() throws IOException {
        stored(meta("tiny"));

        assertThatThrownBy(() -> provider.start(new StartRequest(descriptor("tiny"), List.of())))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
                    assertThat(e.detail()).contains(new CustomNotRunnable("tiny", Why.NOT_VERIFIED));
                })
                .hasMessage("custom:tiny cannot run: it has not been verified yet");
        assertThat(launched).isEmpty();
    }

    @Test
    void aProviderUsedBeforeInitializeSaysSo() {
        assertThatThrownBy(() -> new CustomProvider().schedulers())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("before initialize()");
    }
}
