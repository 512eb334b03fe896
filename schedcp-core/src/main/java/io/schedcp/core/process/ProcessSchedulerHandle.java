package io.schedcp.core.process;

import io.schedcp.api.ExitInfo;
import io.schedcp.api.spi.SchedulerHandle;
import io.schedcp.api.spi.StopSignal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A scheduler that runs as a child process. One thread reads its merged stdout and stderr into an
 * {@link OutputTail}; the exit info is completed after that thread has read the last line, so it carries the
 * program's final words (unless something the program started keeps its output open past a short grace).
 */
public final class ProcessSchedulerHandle implements SchedulerHandle {

    /** How long the exit info waits for the last output when a child of the program still holds it open. */
    static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final String schedulerName;
    private final Process process;
    private final SignalSender signals;
    private final OutputTail output = new OutputTail(OutputTail.DEFAULT_LINES);
    private final CompletableFuture<ExitInfo> exit = new CompletableFuture<>();
    private final CountDownLatch outputEnded = new CountDownLatch(1);

    @SuppressWarnings("FutureReturnValueIgnored") // exit carries the outcome; completeExit does not throw
    public ProcessSchedulerHandle(String schedulerName, Process process, SignalSender signals) {
        this.schedulerName = schedulerName;
        this.process = process;
        this.signals = signals;
        Thread pump = new Thread(this::pumpOutput, "schedcp-output-" + schedulerName + "-" + process.pid());
        pump.setDaemon(true);
        pump.start();
        process.onExit().thenAcceptAsync(this::completeExit);
    }

    private void pumpOutput() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException e) {
            output.add("[schedcp: output stopped: " + e.getMessage() + "]");
        }
        outputEnded.countDown();
    }

    /**
     * Completes the exit info once the program has ended and its output was read to the end, or after
     * {@link #OUTPUT_GRACE} when something it started keeps the output open.
     */
    private void completeExit(Process ended) {
        try {
            outputEnded.await(OUTPUT_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int code = ended.exitValue();
        exit.complete(new ExitInfo(OptionalInt.of(code), describe(code), output.last(40)));
    }

    static String describe(int code) {
        if (code == 0) {
            return "exited normally (status 0)";
        }
        if (code > 128 && code < 128 + 65) {
            return "ended by signal " + (code - 128) + signalSuffix(code - 128) + " (status " + code + ")";
        }
        return "exited with status " + code;
    }

    private static String signalSuffix(int signal) {
        return switch (signal) {
            case 2 -> " (SIGINT)";
            case 9 -> " (SIGKILL)";
            case 15 -> " (SIGTERM)";
            case 6 -> " (SIGABRT)";
            case 11 -> " (SIGSEGV)";
            default -> "";
        };
    }

    @Override
    public String schedulerName() {
        return schedulerName;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    /** Whether the program itself runs; its exit info may follow a moment later, with its last lines. */
    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public List<String> outputTail() {
        return output.lines();
    }

    @Override
    public void onOutput(Consumer<String> listener) {
        output.listen(listener);
    }

    /**
     * Signals the process. SIGKILL also goes to its descendants: a wrapper such as sudo cannot relay it,
     * and a killed wrapper would leave the scheduler itself running.
     */
    @Override
    public void signal(StopSignal signal) {
        if (!process.isAlive()) {
            return;
        }
        List<Long> pids = new ArrayList<>();
        if (signal == StopSignal.KILL) {
            process.descendants().forEach(p -> pids.add(p.pid()));
        }
        pids.add(process.pid());
        if (!signals.send(signal, pids) && signal == StopSignal.KILL) {
            process.destroyForcibly();
        }
    }

    @Override
    public Optional<ExitInfo> awaitExit(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the output reader of " + schedulerName + " failed", e.getCause());
        }
    }

    @Override
    public Optional<ExitInfo> exitInfo() {
        return Optional.ofNullable(exit.getNow(null));
    }

    @Override
    public String toString() {
        return "ProcessSchedulerHandle[" + schedulerName + ", pid " + process.pid() + "]";
    }
}
