package io.schedcp.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Watches a guest's console for the kernel's crash reports. Kernel lines carry printk's timestamp
 * ({@code [  12.345678] }), which is how they are told from the job's own output on the same serial line: a
 * scenario that prints "BUG:" is not a crash. The first report is kept from its first line through its
 * {@code ---[ end trace ...]---} line; a panic that follows it is noted, and its lines kept, too.
 */
final class KernelConsole {

    private static final Pattern TIMESTAMP = Pattern.compile("^\\[\\s*(\\d+\\.\\d+)\\]\\s?(.*)$");
    /** First lines of reports, each with its kind. The order matters: the first match names the kind. */
    private static final List<Start> STARTS = List.of(
            new Start("Kernel panic", Pattern.compile("^Kernel panic - not syncing")),
            new Start("lockup", Pattern.compile("^watchdog: (BUG: soft lockup|Watchdog detected hard LOCKUP)")),
            new Start("BUG", Pattern.compile("^(BUG: |kernel BUG at )")),
            new Start("Oops", Pattern.compile("^(Oops: |Oops\\b|general protection fault)")),
            new Start("hung task", Pattern.compile("^INFO: task .+ blocked for more than \\d+ seconds")),
            new Start("RCU stall", Pattern.compile("^rcu: INFO: \\S+ (self-)?detected stalls?")));

    private static final Pattern END = Pattern.compile("^-+\\[ end (trace|Kernel panic)\\b");
    private static final int MAX_REPORT_LINES = 400;

    private record Start(String kind, Pattern pattern) {}

    private String kind;
    private String headline;
    private double uptime = -1;
    private final List<String> report = new ArrayList<>();
    private boolean reportClosed;
    private boolean panicked;
    private boolean panicClosed;

    /** Takes one console line (carriage returns removed). */
    void accept(String line) {
        Matcher stamped = TIMESTAMP.matcher(line);
        if (!stamped.matches()) {
            if (kind != null && !reportClosed) {
                keep(line);
            }
            return;
        }
        String message = stamped.group(2);
        Optional<String> started = kindOf(message);
        if (kind == null) {
            if (started.isEmpty()) {
                return;
            }
            kind = started.get();
            headline = message.strip();
            uptime = Double.parseDouble(stamped.group(1));
            panicked = kind.equals("Kernel panic");
        } else if (message.startsWith("Kernel panic - not syncing") && !panicked) {
            panicked = true;
            reportClosed = false;
        } else if (reportClosed) {
            return;
        }
        keep(line);
        if (END.matcher(message).find()) {
            reportClosed = true;
            panicClosed = panicked;
        }
    }

    private void keep(String line) {
        if (report.size() < MAX_REPORT_LINES && !panicClosed) {
            report.add(line);
        }
    }

    /** The first crash the kernel reported, if any. */
    Optional<KernelCrash> crash() {
        return kind == null ? Optional.empty() : Optional.of(new KernelCrash(kind, headline, report, uptime, panicked));
    }

    static Optional<String> kindOf(String message) {
        return STARTS.stream()
                .filter(e -> e.pattern().matcher(message).find())
                .map(Start::kind)
                .findFirst();
    }

    /** A console line without printk's timestamp. */
    static String message(String line) {
        Matcher stamped = TIMESTAMP.matcher(line);
        return stamped.matches() ? stamped.group(2) : line;
    }
}
