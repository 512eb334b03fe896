package io.schedcp.bpf.custom;

import io.schedcp.api.SchedExtState;
import io.schedcp.bpf.scx.ExitKind;
import io.schedcp.bpf.scx.UserExitInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Watches a running scheduler until a deadline and says why it stopped running, if it did.
 *
 * <p>The scheduler's exit record and the kernel's state are two reads, not one: the kernel can finish a whole
 * disable between them, so a poll may see no record and then a disabled kernel. The record is then read
 * again, for up to {@link #RECORD_GRACE}, before the watch says the scheduler left none.
 */
final class EjectionWatch {

    /** How long a disabled kernel is given to show the exit record its {@code ops.exit} wrote. */
    static final Duration RECORD_GRACE = Duration.ofSeconds(3);

    /** Sleeps; a test passes one that moves its clock instead. */
    interface Pause {
        void pause(long millis) throws InterruptedException;
    }

    private final Supplier<Optional<UserExitInfo>> exitRecord;
    private final Supplier<SchedExtState> kernel;
    private final LongSupplier nanoTime;
    private final Pause pause;
    private final long pollMillis;

    EjectionWatch(
            Supplier<Optional<UserExitInfo>> exitRecord,
            Supplier<SchedExtState> kernel,
            LongSupplier nanoTime,
            Pause pause,
            long pollMillis) {
        this.exitRecord = exitRecord;
        this.kernel = kernel;
        this.nanoTime = nanoTime;
        this.pause = pause;
        this.pollMillis = pollMillis;
    }

    /** Watches until {@code deadline} (in {@code nanoTime}'s terms); why the scheduler stopped, or null. */
    String watch(String opsName, long deadline) throws InterruptedException {
        while (nanoTime.getAsLong() < deadline) {
            Optional<UserExitInfo> exit = recorded();
            if (exit.isPresent()) {
                return ejection(exit.get());
            }
            SchedExtState state = kernel.get();
            if (!state.isEnabled() || !state.ops().map(opsName::equals).orElse(false)) {
                return lateRecord()
                        .map(EjectionWatch::ejection)
                        .orElseGet(() -> "the kernel disabled it (state "
                                + state.state() + ", ops " + state.ops().orElse("none")
                                + "); it records no exit reason "
                                + "(add UEI_DEFINE(uei) and an ops.exit with UEI_RECORD), see the kernel log (dmesg)");
            }
            pause.pause(pollMillis);
        }
        return null;
    }

    private Optional<UserExitInfo> lateRecord() throws InterruptedException {
        long until = nanoTime.getAsLong() + RECORD_GRACE.toNanos();
        while (true) {
            Optional<UserExitInfo> exit = recorded();
            if (exit.isPresent() || nanoTime.getAsLong() >= until) {
                return exit;
            }
            pause.pause(pollMillis);
        }
    }

    private Optional<UserExitInfo> recorded() {
        return exitRecord.get().filter(UserExitInfo::exited);
    }

    static String ejection(UserExitInfo info) {
        return (info.kind() == ExitKind.ERROR_STALL
                        ? "stall: the kernel's watchdog ejected it: "
                        : "the kernel ejected it: ")
                + info.describe();
    }
}
