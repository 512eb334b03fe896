package io.schedcp.bpf.custom;

import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.kernel.SchedExtReader;
import java.nio.file.Path;

/**
 * The verifying process: runs {@link VerifyRun} for each scheduler named on its command line, one after the
 * other, in the kernel it runs on (the host's, or a lab guest's), and prints each result as one line
 * {@code schedcp-verify-result <json>} for the process that started it; other lines are progress.
 *
 * <pre>VerifyMain WHERE SECONDS NAME OPS_NAME OBJECT [NAME OPS_NAME OBJECT ...]</pre>
 */
public final class VerifyMain {

    static final String RESULT_PREFIX = "schedcp-verify-result ";
    static final int USAGE = 64;

    private VerifyMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 5 || (args.length - 2) % 3 != 0) {
            System.err.println("usage: VerifyMain WHERE SECONDS NAME OPS_NAME OBJECT [NAME OPS_NAME OBJECT ...]");
            System.exit(USAGE);
        }
        int seconds = Integer.parseInt(args[1]);
        VerifyRun run = new VerifyRun(
                new SchedExtReader(SchedcpConfig.DEFAULT_SCHED_EXT_DIR),
                args[0],
                line -> say("schedcp-verify: " + line));
        for (int i = 2; i < args.length; i += 3) {
            VerificationResult result = run.verify(args[i], args[i + 1], Path.of(args[i + 2]), seconds);
            say(RESULT_PREFIX + SchedcpJson.line(result));
        }
        System.exit(0);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
