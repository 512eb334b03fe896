package io.schedcp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabToolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** A lab boot whose caller is interrupted leaves no QEMU or virtiofsd behind. */
class LabCleanupIT {

    @Test
    void interruptingTheCallerEndsQemuAndVirtiofsd() throws Exception {
        Path cache = LabToolchain.cacheDirectory(System.getenv(), Path.of(System.getProperty("user.home")));
        LabToolchain toolchain =
                LabToolchain.load(cache).filter(t -> t.missing().isEmpty()).orElse(null);
        if (toolchain == null) {
            assertThat(System.getenv("CI"))
                    .as("CI must run the lab tests; run bpf/setup.sh")
                    .isNotEqualTo("true");
            System.err.println("\n*** LAB CLEANUP TEST SKIPPED: the kernel lab is not set up (bpf/setup.sh) ***\n");
            Assumptions.abort("the kernel lab is not set up");
        }
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(
                () -> {
                    try {
                        new Lab(toolchain, cache)
                                .runCommand(
                                        List.of("bash", "-c", "echo guest-ready; sleep 600"),
                                        LabOptions.defaults(),
                                        line -> {
                                            if (line.equals("guest-ready")) {
                                                running.countDown();
                                            }
                                        });
                    } catch (Throwable e) {
                        thrown.set(e);
                    }
                },
                "lab-caller");
        caller.start();
        assertThat(running.await(5, TimeUnit.MINUTES))
                .as("the guest started its command")
                .isTrue();
        assertThat(guestProcesses())
                .as("QEMU and virtiofsd run during the boot")
                .hasSize(2);

        long interruptedAt = System.nanoTime();
        caller.interrupt();
        caller.join(Duration.ofSeconds(30).toMillis());

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(guestProcesses()).as("nothing of the boot is left").isEmpty();
        System.out.printf(
                "lab cleanup: QEMU and virtiofsd gone %.1f s after the interrupt%n",
                (System.nanoTime() - interruptedAt) / 1e9);
    }

    private static List<ProcessHandle> guestProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .command()
                        .map(c -> c.contains("qemu-system")
                                || c.contains("virtiofsd")
                                || c.endsWith("/ld-linux-x86-64.so.2"))
                        .orElse(false))
                .toList();
    }
}
