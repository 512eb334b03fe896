package io.schedcp.core.bench;

import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StopSignal;
import io.schedcp.core.process.Privilege;
import io.schedcp.core.process.PrivilegedLauncher;
import io.schedcp.core.process.SignalSender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Run in a JVM that has {@code SCHEDCP_SUDO_PASSWORD} set: starts a child that prints the variable through each
 * way schedcp starts processes, and prints what each child printed.
 */
public final class PasswordProbeMain {

    private static final String PROBE = "echo \"%s[$SCHEDCP_SUDO_PASSWORD]\"";

    public static void main(String[] args) throws Exception {
        CommandRunner.Outcome bench =
                new CommandRunner().run(List.of("sh", "-c", PROBE.formatted("bench")), Duration.ofSeconds(20));
        bench.output().forEach(System.out::println);

        System.out.println(launch(Privilege.direct(), "direct"));
        Privilege sudo = Privilege.sudoWithPassword(System.getenv("SCHEDCP_SUDO_PASSWORD"));
        System.out.println("mode " + sudo.mode());
        System.out.println(launch(sudo, "under-sudo"));

        // A pid that no process has: the plain kill fails, so the signal goes again through sudo.
        new SignalSender(sudo).send(StopSignal.TERMINATE, List.of(4_000_000L));
    }

    private static String launch(Privilege privilege, String label) throws InterruptedException {
        SchedulerHandle handle = new PrivilegedLauncher(privilege)
                .launch(new ProcessLauncher.Spec(
                        label,
                        List.of("sh", "-c", PROBE.formatted(label)),
                        Map.of("GREETING", "hello"),
                        Optional.empty()));
        return String.join(
                "\n", handle.awaitExit(Duration.ofSeconds(20)).orElseThrow().lastOutput());
    }
}
