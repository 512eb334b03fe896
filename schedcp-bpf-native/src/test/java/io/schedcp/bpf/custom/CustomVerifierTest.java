package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.NotPossibleHere;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.kernel.SchedExtReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a verification refuses before it starts anything; the verifications themselves run in the lab tests. */
class CustomVerifierTest {

    @TempDir
    Path temp;

    private final AtomicInteger launches = new AtomicInteger();
    private CustomVerifier withoutSchedExt;

    @BeforeEach
    void setUp() throws IOException {
        CustomStore store = new CustomStore(temp.resolve("home"));
        store.add(meta("tiny"), SOURCE, Files.write(temp.resolve("tiny.bpf.o"), new byte[] {1}));
        withoutSchedExt = new CustomVerifier(
                store,
                new SchedExtReader(temp.resolve("no-sched-ext")),
                spec -> {
                    launches.incrementAndGet();
                    throw new AssertionError("nothing is launched");
                },
                () -> {
                    throw new AssertionError("no lab is booted");
                });
    }

    @Test
    void aVerificationTimeOutOfRangeIsRefusedWithTheRangeAndNoFlagOfAnyFrontEnd() {
        assertThatThrownBy(() -> CustomVerifier.requireSeconds(0))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(e.detail()).contains(new OutOfRange(Input.VERIFY_SECONDS, 0, 1, 3600));
                })
                .hasMessage("a verification of 0 s is out of range: 1 to 3600 s");
        assertThatThrownBy(() -> CustomVerifier.requireSeconds(3601))
                .hasMessageStartingWith("a verification of 3601 s");
    }

    @Test
    void verifyingNoNameIsRefused() {
        assertThatThrownBy(() -> withoutSchedExt.verify(List.of(), VerifyWhere.LAB, 10, line -> {}))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.detail()).contains(new MissingInput(Input.VERIFY_NAMES)))
                .hasMessage("no custom scheduler was named to verify");
    }

    @Test
    void verifyingOnAHostWithoutSchedExtIsRefusedBeforeAnythingRuns() {
        assertThatThrownBy(() -> withoutSchedExt.verify(List.of("tiny"), VerifyWhere.HOST, 10, line -> {}))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NO_SCHED_EXT);
                    assertThat(e.detail()).contains(new NotPossibleHere(Input.VERIFY_WHERE, "host"));
                })
                .hasMessage("this host's kernel has no sched_ext (it was built without CONFIG_SCHED_CLASS_EXT), so "
                        + "custom schedulers cannot be verified on it");
        assertThat(launches).hasValue(0);
    }
}
