package io.schedcp.bpf.custom;

import io.schedcp.api.ErrorDetail.Input;
import io.schedcp.api.ErrorDetail.MissingInput;
import io.schedcp.api.ErrorDetail.NotPossibleHere;
import io.schedcp.api.ErrorDetail.OutOfRange;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.api.spi.ProcessLauncher;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StopSignal;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.kernel.SchedExtReader;
import io.schedcp.core.process.JavaCommand;
import io.schedcp.lab.Lab;
import io.schedcp.lab.LabOptions;
import io.schedcp.lab.LabResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;

/**
 * Verifies stored custom schedulers in a real kernel: on the host when it has sched_ext (through the
 * privileged launcher, as the schedulers themselves run), else in the kernel lab, where one boot verifies
 * them all. The verifying process is this library's {@link VerifyMain}; its results are recorded in each
 * scheduler's metadata.
 */
public final class CustomVerifier {

    public static final int DEFAULT_SECONDS = 10;
    static final int MAX_SECONDS = 3600;
    /** Time for the verifying JVM to start and to load, enable and detach each scheduler. */
    static final Duration OVERHEAD = Duration.ofSeconds(90);

    static final Duration PER_SCHEDULER = Duration.ofSeconds(60);

    private final CustomStore store;
    private final SchedExtReader kernel;
    private final ProcessLauncher launcher;
    private final Supplier<Lab> lab;

    public CustomVerifier(CustomStore store, SchedExtReader kernel, ProcessLauncher launcher, Supplier<Lab> lab) {
        this.store = store;
        this.kernel = kernel;
        this.launcher = launcher;
        this.lab = lab;
    }

    /** Where {@code where} runs on this host: AUTO becomes HOST when the host has sched_ext, else LAB. */
    public VerifyWhere resolve(VerifyWhere where) {
        if (where != VerifyWhere.AUTO) {
            return where;
        }
        return kernel.isSupported() ? VerifyWhere.HOST : VerifyWhere.LAB;
    }

    /** Checks a verification time before anything is done with it: 1 to 3600 seconds. */
    public static void requireSeconds(int seconds) {
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a verification of " + seconds + " s is out of range: 1 " + "to " + MAX_SECONDS + " s",
                    new OutOfRange(Input.VERIFY_SECONDS, seconds, 1, MAX_SECONDS));
        }
    }

    /**
     * Verifies {@code names} for {@code seconds} each and records the results.
     *
     * @param progress receives progress lines as the verification goes
     */
    public List<VerificationResult> verify(
            List<String> names, VerifyWhere where, int seconds, Consumer<String> progress) throws InterruptedException {
        requireSeconds(seconds);
        if (names.isEmpty()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "no custom scheduler was named to verify",
                    new MissingInput(Input.VERIFY_NAMES));
        }
        VerifyWhere place = resolve(where);
        if (place == VerifyWhere.HOST && !kernel.isSupported()) {
            throw new SchedcpException(
                    Kind.NO_SCHED_EXT,
                    "this host's kernel has no sched_ext (it was built "
                            + "without CONFIG_SCHED_CLASS_EXT), so custom schedulers cannot be verified on it",
                    new NotPossibleHere(Input.VERIFY_WHERE, VerifyWhere.HOST.label()));
        }
        List<CustomScheduler> schedulers = names.stream().map(store::require).toList();
        List<String> args = new ArrayList<>(List.of(place.label(), Integer.toString(seconds)));
        for (CustomScheduler scheduler : schedulers) {
            args.addAll(List.of(
                    scheduler.name(),
                    scheduler.meta().opsName(),
                    scheduler.object().toString()));
        }
        List<String> command = JavaCommand.of(VerifyMain.class, args);
        Duration limit = OVERHEAD.plus(PER_SCHEDULER.plusSeconds(seconds).multipliedBy(schedulers.size()));
        Map<String, VerificationResult> results = new LinkedHashMap<>();
        Consumer<String> reader = line -> read(line, results, progress);
        progress.accept("verifying " + String.join(", ", names) + " in the " + place.label() + " kernel for " + seconds
                + " s each");
        List<String> output = place == VerifyWhere.LAB ? inLab(command, limit, reader) : onHost(command, limit, reader);
        List<VerificationResult> recorded = new ArrayList<>();
        for (CustomScheduler scheduler : schedulers) {
            VerificationResult result = Optional.ofNullable(results.get(scheduler.name()))
                    .orElseGet(() -> VerificationResult.failed(
                            scheduler.name(),
                            scheduler.meta().opsName(),
                            place.label(),
                            seconds,
                            "verify",
                            "the verifying process ended without a result for it",
                            tail(output)));
            store.update(scheduler.name(), meta -> meta.withVerification(result));
            recorded.add(result);
        }
        return recorded;
    }

    private List<String> onHost(List<String> command, Duration limit, Consumer<String> reader)
            throws InterruptedException {
        SchedulerHandle handle = launcher.launch(ProcessLauncher.Spec.of("schedcp-verify", command));
        handle.onOutput(reader);
        try {
            if (handle.awaitExit(limit).isEmpty()) {
                handle.signal(StopSignal.KILL);
                handle.awaitExit(Duration.ofSeconds(10));
                reader.accept("schedcp-verify: the verifying process did not end within " + limit.toSeconds()
                        + " s and was killed");
            }
        } catch (InterruptedException e) {
            handle.signal(StopSignal.INTERRUPT);
            handle.awaitExit(Duration.ofSeconds(20));
            throw e;
        }
        return handle.outputTail();
    }

    private List<String> inLab(List<String> command, Duration limit, Consumer<String> reader)
            throws InterruptedException {
        LabOptions options = LabOptions.defaults().withScenarioTimeout(limit);
        LabResult result = lab.get().runCommand(command, options, reader);
        List<String> output = new ArrayList<>(result.output());
        result.crash()
                .ifPresentOrElse(
                        crash -> {
                            output.add("schedcp-verify: " + crash.summary());
                            output.addAll(crash.report());
                        },
                        () -> {
                            if (result.scenarios().isEmpty()) {
                                output.addAll(result.consoleTail());
                            }
                        });
        result.console().ifPresent(path -> output.add("schedcp-verify: the lab console is kept in " + path));
        return output;
    }

    private static void read(String line, Map<String, VerificationResult> results, Consumer<String> progress) {
        if (!line.startsWith(VerifyMain.RESULT_PREFIX)) {
            progress.accept(line);
            return;
        }
        try {
            VerificationResult result = SchedcpJson.mapper()
                    .readValue(line.substring(VerifyMain.RESULT_PREFIX.length()), VerificationResult.class);
            results.put(result.name(), result);
            progress.accept(result.summary());
        } catch (JacksonException e) {
            progress.accept("schedcp-verify: an unreadable result line: " + e.getOriginalMessage());
        }
    }

    private static List<String> tail(List<String> output) {
        return output.subList(Math.max(0, output.size() - 15), output.size());
    }
}
