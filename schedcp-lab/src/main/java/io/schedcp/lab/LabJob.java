package io.schedcp.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the bash job a lab guest runs: each scenario in its own bash, between markers that carry the
 * boot's id, so that {@link ConsoleParser} can split the console into per-scenario results.
 */
final class LabJob {

    static final String BEGIN = "SCHEDCP-SCENARIO-BEGIN";
    static final String END = "SCHEDCP-SCENARIO-END";

    private LabJob() {}

    /**
     * @param id        the boot's id, repeated in every marker
     * @param workDir   where the scenarios start (the caller's directory, read-only in the guest)
     * @param path      directories put in front of PATH (such as the schedcp launcher's)
     * @param env       more variables for every scenario
     * @param scenarioTimeoutSeconds the time limit of each scenario
     */
    static String render(
            String id,
            List<LabScenario> scenarios,
            Path workDir,
            List<Path> path,
            Map<String, String> env,
            int scenarioTimeoutSeconds) {
        StringBuilder job = new StringBuilder("#!/bin/bash\n# Written by schedcp's lab for boot ")
                .append(id)
                .append(".\n");
        for (Path dir : path) {
            job.append("export PATH=").append(quote(dir.toString())).append(":\"$PATH\"\n");
        }
        env.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> job.append("export ")
                        .append(e.getKey())
                        .append('=')
                        .append(quote(e.getValue()))
                        .append('\n'));
        job.append("cd ").append(quote(workDir.toString())).append(" 2>/dev/null || cd /\n");
        job.append("status=0\n");
        for (LabScenario scenario : scenarios) {
            String file = "\"${TMPDIR:-/tmp}/scenario-" + scenario.name() + ".sh\"";
            job.append("cat > ")
                    .append(file)
                    .append(" <<'SCHEDCP_SCENARIO_EOF'\n")
                    .append(scenario.script())
                    .append(scenario.script().endsWith("\n") ? "" : "\n")
                    .append("SCHEDCP_SCENARIO_EOF\n");
            job.append("echo '")
                    .append(BEGIN)
                    .append(' ')
                    .append(id)
                    .append(' ')
                    .append(scenario.name())
                    .append("'\n");
            job.append("timeout -k 5 ")
                    .append(scenarioTimeoutSeconds)
                    .append(" bash ")
                    .append(file)
                    .append(" 2>&1\n");
            job.append("rc=$?\n");
            job.append("echo \"")
                    .append(END)
                    .append(' ')
                    .append(id)
                    .append(' ')
                    .append(scenario.name())
                    .append(" $rc\"\n");
            job.append("[ $status -ne 0 ] || status=$rc\n");
        }
        job.append("exit $status\n");
        return job.toString();
    }

    /** Single-quotes {@code value} for bash. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
