package io.schedcp.lab;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel lab: boots the sched_ext kernel that {@code bpf/setup.sh} fetched under QEMU with software
 * emulation (KVM on our hosts cannot boot a stock kernel), with the host's root shared read-only over
 * virtiofs, runs scenarios as the guest's init work, and returns their results. One boot serves several
 * scenarios. A boot has a hard time limit and its processes are always ended, also when the caller is
 * interrupted or the JVM exits.
 */
public final class Lab {

    private static final Logger LOG = LoggerFactory.getLogger(Lab.class);
    private static final String GUEST_INIT = "guest-init.sh";
    /** A guest that has not started its job by then has hung in boot (seen once in many boots): boot again. */
    private static final Duration BOOT_LIMIT = Duration.ofMinutes(2);

    private final LabToolchain toolchain;
    private final Path cacheDirectory;

    public Lab(LabToolchain toolchain, Path cacheDirectory) {
        this.toolchain = toolchain;
        this.cacheDirectory = cacheDirectory;
    }

    public LabToolchain toolchain() {
        return toolchain;
    }

    /** Runs {@code command} in the guest as one scenario named {@code command}. */
    public LabResult runCommand(List<String> command, LabOptions options, Consumer<String> live)
            throws InterruptedException {
        StringBuilder script = new StringBuilder("exec");
        command.forEach(word -> script.append(' ').append(LabJob.quote(word)));
        return run(List.of(new LabScenario("command", script.toString())), options, live);
    }

    /**
     * Boots once and runs {@code scenarios} in order.
     *
     * @param live receives the job's output lines as the guest prints them
     * @throws SchedcpException UNAVAILABLE when the lab is not set up, IO when the boot cannot be prepared
     */
    public LabResult run(List<LabScenario> scenarios, LabOptions options, Consumer<String> live)
            throws InterruptedException {
        List<String> missing = toolchain.missing();
        if (!missing.isEmpty()) {
            throw new SchedcpException(
                    Kind.UNAVAILABLE,
                    "the kernel lab is not ready: " + String.join("; ", missing)
                            + "; run bpf/setup.sh (see docs/lab.md)");
        }
        for (int attempt = 1; ; attempt++) {
            String id = HexFormat.of().formatHex(randomBytes());
            Path work = prepare(id, scenarios, options);
            try (GuestProcesses processes = new GuestProcesses()) {
                Optional<LabResult> result = boot(id, work, scenarios, options, processes, live);
                if (result.isPresent()) {
                    return result.get();
                }
                if (attempt == 2) {
                    throw new SchedcpException(
                            Kind.START_FAILED,
                            "the lab guest did not start its job within " + BOOT_LIMIT.toSeconds()
                                    + " s, twice; see the console with SCHEDCP_LOG_LEVEL=debug");
                }
                LOG.warn("lab boot {}: no job after {} s; booting again", id, BOOT_LIMIT.toSeconds());
            } catch (IOException e) {
                throw new SchedcpException(Kind.IO, "the lab boot failed: " + e.getMessage(), e);
            } finally {
                deleteTree(work);
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[6];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private Path prepare(String id, List<LabScenario> scenarios, LabOptions options) {
        try {
            Path work = Files.createTempDirectory("schedcp-lab-");
            if (work.toString().matches(".*\\s.*") || cacheDirectory.toString().matches(".*\\s.*")) {
                throw new SchedcpException(
                        Kind.INVALID_INPUT,
                        "the lab's paths go on the kernel command line and " + "must not contain spaces: " + work + ", "
                                + cacheDirectory + "; set TMPDIR or SCHEDCP_CACHE");
            }
            Path init = work.resolve(GUEST_INIT);
            try (InputStream in = Lab.class.getResourceAsStream(GUEST_INIT)) {
                if (in == null) {
                    throw new IllegalStateException("the guest init script is missing from the schedcp build");
                }
                Files.copy(in, init);
            }
            Files.setPosixFilePermissions(init, PosixFilePermissions.fromString("rwxr-xr-x"));
            int perScenario = (int) options.scenarioTimeout().toSeconds();
            Files.writeString(
                    work.resolve("job.sh"),
                    LabJob.render(
                            id,
                            scenarios,
                            options.workDirectory(),
                            options.path(),
                            options.environment(),
                            perScenario));
            return work;
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO,
                    "cannot prepare a lab boot in " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(),
                    e);
        }
    }

    /** One boot; empty when the guest hung before starting its job. */
    private Optional<LabResult> boot(
            String id,
            Path work,
            List<LabScenario> scenarios,
            LabOptions options,
            GuestProcesses processes,
            Consumer<String> live)
            throws IOException, InterruptedException {
        int scenarioCount = scenarios.size();
        long start = System.nanoTime();
        Path socket = work.resolve("vfs.sock");
        Process virtiofsd = processes.start(new ProcessBuilder(
                        toolchain.virtiofsd().toString(),
                        "--shared-dir",
                        "/",
                        "--readonly",
                        "--sandbox",
                        "none",
                        "--socket-path",
                        socket.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("virtiofsd.log").toFile()));
        awaitSocket(socket, virtiofsd, work);

        long jobSeconds = options.scenarioTimeout().toSeconds() * Math.max(1, scenarioCount) + 30;
        // oops=panic: a guest whose kernel oopsed cannot be trusted; end the boot at once, with the report.
        String cmdline = "console=ttyS0 quiet oops=panic panic=-1 rootfstype=virtiofs root=rootfs ro init="
                + work.resolve(GUEST_INIT) + " schedcp.job=" + work.resolve("job.sh") + " schedcp.timeout="
                + jobSeconds + " schedcp.id=" + id + " schedcp.cache=" + cacheDirectory;
        Path console = Files.createFile(work.resolve("console"));
        LabMachine machine = options.machine();
        List<String> qemu = List.of(
                machine.qemu().orElse(toolchain.qemu()).toString(),
                "-accel",
                machine.accel(),
                "-cpu",
                machine.cpu(),
                "-smp",
                Integer.toString(options.cpus()),
                "-m",
                options.memoryMb() + "M",
                "-nodefaults",
                "-no-user-config",
                "-display",
                "none",
                "-no-reboot",
                "-serial",
                "file:" + console,
                "-object",
                "memory-backend-memfd,id=mem,size=" + options.memoryMb() + "M,share=on",
                "-numa",
                "node,memdev=mem",
                "-chardev",
                "socket,id=vfs,path=" + socket,
                "-device",
                "vhost-user-fs-pci,chardev=vfs,tag=rootfs",
                "-kernel",
                toolchain.vmlinuz().toString(),
                "-append",
                cmdline);
        LOG.info(
                "lab boot {}: kernel {}, {}, {} scenario(s)",
                id,
                toolchain.kernelVersion(),
                machine.describe(),
                scenarioCount);
        Process vm = processes.start(new ProcessBuilder(qemu)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(work.resolve("qemu.log").toFile()));

        ConsoleParser parser = new ConsoleParser(id);
        Duration limit = Duration.ofSeconds(jobSeconds).plus(options.bootAllowance());
        long deadline = start + limit.toNanos();
        Outcome outcome = follow(console, vm, parser, live, deadline, start + BOOT_LIMIT.toNanos());
        if (outcome == Outcome.BOOT_HUNG && parser.crash().isEmpty()) {
            LOG.debug("lab boot {} console: {}", id, parser.consoleTail());
            return Optional.empty();
        }
        boolean timedOut = outcome == Outcome.TIMED_OUT;
        long end = System.nanoTime();
        parser.end(end);
        Duration boot = Duration.ofNanos(parser.startedNanos() < 0 ? end - start : parser.startedNanos() - start);
        List<String> tail = new ArrayList<>(parser.consoleTail());
        Optional<KernelCrash> crash = parser.crash();
        int exit = parser.exitCode().orElse(125);
        if (crash.isPresent()) {
            tail.add("[schedcp: " + crash.get().summary() + "]");
        } else if (parser.exitCode().isEmpty()) {
            tail.add(
                    timedOut
                            ? "[schedcp: no result within " + limit.toSeconds() + " s; QEMU was stopped]"
                            : "[schedcp: the guest ended without a result]");
        }
        if (parser.exitCode().isEmpty()) {
            tail.addAll(Files.readAllLines(work.resolve("qemu.log")));
        }
        Optional<Path> kept = exit == 0 && crash.isEmpty() ? Optional.empty() : keepConsole(id, console, options);
        LOG.info(
                "lab boot {}: exit {} after {} ms (boot {} ms){}",
                id,
                exit,
                Duration.ofNanos(end - start).toMillis(),
                boot.toMillis(),
                crash.map(c -> "; " + c.summary()).orElse(""));
        return Optional.of(new LabResult(
                exit,
                scenarios.stream().map(LabScenario::name).toList(),
                parser.scenarios(),
                parser.output(),
                boot,
                Duration.ofNanos(end - start),
                tail,
                crash,
                kept));
    }

    /** Copies a failed boot's console where it outlives the boot's work directory; empty if it cannot. */
    private Optional<Path> keepConsole(String id, Path console, LabOptions options) {
        Path dir = options.consoleDirectory().orElse(cacheDirectory.resolve("lab/consoles"));
        // The user's own clock, as ls shows the file's time.
        String stamp = java.time.LocalDateTime.now(java.time.ZoneId.systemDefault())
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path target = dir.resolve("boot-" + stamp + "-" + id + ".console");
        try {
            Files.createDirectories(dir);
            Files.copy(console, target);
            return Optional.of(target);
        } catch (IOException e) {
            LOG.warn("lab boot {}: could not keep its console in {}: {}", id, dir, e.toString());
            return Optional.empty();
        }
    }

    /** How following the console ended. */
    private enum Outcome {
        ENDED,
        TIMED_OUT,
        BOOT_HUNG
    }

    private static void awaitSocket(Path socket, Process virtiofsd, Path work)
            throws IOException, InterruptedException {
        for (int i = 0; i < 200 && !Files.exists(socket); i++) {
            if (!virtiofsd.isAlive()) {
                break;
            }
            Thread.sleep(25);
        }
        if (!Files.exists(socket)) {
            throw new IOException("virtiofsd did not start: "
                    + Files.readString(work.resolve("virtiofsd.log")).strip());
        }
    }

    /** Feeds the console to the parser until QEMU ends, the deadline passes, or the boot limit passes first. */
    private static Outcome follow(
            Path console, Process vm, ConsoleParser parser, Consumer<String> live, long deadline, long bootDeadline)
            throws IOException, InterruptedException {
        try (RandomAccessFile file = new RandomAccessFile(console.toFile(), "r")) {
            LineSplitter lines = new LineSplitter();
            byte[] buffer = new byte[8192];
            while (true) {
                boolean ended = !vm.isAlive();
                int n;
                while ((n = file.read(buffer)) > 0) {
                    for (String line : lines.feed(buffer, n)) {
                        parser.accept(line, System.nanoTime()).ifPresent(live);
                    }
                }
                if (ended) {
                    lines.rest()
                            .flatMap(rest -> parser.accept(rest, System.nanoTime()))
                            .ifPresent(live);
                    return Outcome.ENDED;
                }
                long now = System.nanoTime();
                if (parser.startedNanos() < 0 && now - bootDeadline > 0) {
                    vm.destroy();
                    return Outcome.BOOT_HUNG;
                }
                if (now - deadline > 0) {
                    vm.destroy();
                    return Outcome.TIMED_OUT;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.debug("could not clean {}", dir, e);
        }
    }

    /** Splits bytes into lines, keeping an unfinished line for the next read. */
    static final class LineSplitter {
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        List<String> feed(byte[] bytes, int length) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    lines.add(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(bytes[i]);
                }
            }
            return lines;
        }

        Optional<String> rest() {
            return pending.size() == 0 ? Optional.empty() : Optional.of(pending.toString(StandardCharsets.UTF_8));
        }
    }
}
