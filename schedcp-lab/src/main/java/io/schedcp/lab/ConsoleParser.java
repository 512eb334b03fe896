package io.schedcp.lab;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a lab guest's serial console line by line as it arrives. Lines between the guest's start and exit
 * markers (carrying this boot's id) are the job's output; scenario markers inside split it into scenarios.
 * Kernel messages before the start marker are kept only for diagnostics. Every line also goes to a
 * {@link KernelConsole}, which notices a guest kernel crash wherever it happens.
 */
final class ConsoleParser {

    static final String LAB_START = "SCHEDCP-LAB-START";
    static final String LAB_EXIT = "SCHEDCP-LAB-EXIT";
    private static final int CONSOLE_TAIL = 40;

    private final String id;
    private final List<String> output = new ArrayList<>();
    private final List<ScenarioResult> scenarios = new ArrayList<>();
    private final List<String> consoleTail = new ArrayList<>();
    private final KernelConsole kernel = new KernelConsole();
    private boolean inJob;
    private Integer exitCode;
    private String scenarioName;
    private List<String> scenarioOutput;
    private long scenarioStartNanos;
    private long startedNanos = -1;

    ConsoleParser(String id) {
        this.id = id;
    }

    /**
     * Takes one console line seen at {@code nanos} (System.nanoTime); returns it when it is job output a
     * live viewer should see.
     */
    Optional<String> accept(String rawLine, long nanos) {
        String line = rawLine.replace("\r", "");
        kernel.accept(line);
        consoleTail.add(line);
        if (consoleTail.size() > CONSOLE_TAIL) {
            consoleTail.remove(0);
        }
        String[] words = line.trim().split("\\s+");
        if (words.length == 2 && words[0].equals(LAB_START) && words[1].equals(id)) {
            inJob = true;
            startedNanos = nanos;
            return Optional.empty();
        }
        if (words.length == 3 && words[0].equals(LAB_EXIT) && words[2].equals(id)) {
            inJob = false;
            exitCode = parseInt(words[1]);
            closeScenario(124, nanos);
            return Optional.empty();
        }
        if (!inJob) {
            return Optional.empty();
        }
        if (words.length == 3 && words[0].equals(LabJob.BEGIN) && words[1].equals(id)) {
            closeScenario(124, nanos);
            scenarioName = words[2];
            scenarioOutput = new ArrayList<>();
            scenarioStartNanos = nanos;
            return Optional.empty();
        }
        if (words.length == 4 && words[0].equals(LabJob.END) && words[1].equals(id) && words[2].equals(scenarioName)) {
            closeScenario(parseInt(words[3]), nanos);
            return Optional.empty();
        }
        output.add(line);
        if (scenarioOutput != null) {
            scenarioOutput.add(line);
        }
        return Optional.of(line);
    }

    /**
     * The console ended (QEMU exited or was stopped): a scenario still open was cut short, by a crash or
     * by the boot's limit.
     */
    void end(long nanos) {
        if (scenarioName != null) {
            scenarios.add(new ScenarioResult(
                    scenarioName, 125, scenarioOutput, Duration.ofNanos(nanos - scenarioStartNanos), true));
            scenarioName = null;
            scenarioOutput = null;
        }
    }

    private void closeScenario(int code, long nanos) {
        if (scenarioName != null) {
            scenarios.add(new ScenarioResult(
                    scenarioName, code, scenarioOutput, Duration.ofNanos(nanos - scenarioStartNanos), false));
            scenarioName = null;
            scenarioOutput = null;
        }
    }

    private static int parseInt(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 125;
        }
    }

    /** The job's exit status, once the guest said it. */
    Optional<Integer> exitCode() {
        return Optional.ofNullable(exitCode);
    }

    /** When the job started (System.nanoTime), or -1 if it has not. */
    long startedNanos() {
        return startedNanos;
    }

    List<String> output() {
        return output;
    }

    List<ScenarioResult> scenarios() {
        return scenarios;
    }

    /** The first crash the guest kernel reported, if it did. */
    Optional<KernelCrash> crash() {
        return kernel.crash();
    }

    List<String> consoleTail() {
        return consoleTail;
    }
}
