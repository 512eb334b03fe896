package io.schedcp.lab;

import java.util.List;

/**
 * A report the guest kernel printed when it crashed or locked up: an Oops, a BUG, a panic, a hung task, an
 * RCU stall or a lockup watchdog. Such a guest cannot be trusted for the rest of its boot.
 *
 * @param kind     what the kernel reported, e.g. "Oops", "BUG", "Kernel panic", "hung task", "RCU stall"
 * @param headline the report's first line, without the kernel's timestamp
 * @param report   the report from that line through its {@code end trace} (or {@code end Kernel panic}) line
 * @param uptimeSeconds the guest's uptime when the report started, or -1 if the line carried no timestamp
 * @param panicked whether the kernel went on to panic
 */
public record KernelCrash(String kind, String headline, List<String> report, double uptimeSeconds, boolean panicked) {

    public KernelCrash {
        report = List.copyOf(report);
    }

    /**
     * Whether this is the emulator's fault, not the kernel's: an int3 trap at a site whose code no longer holds
     * an int3. The kernel patches its text (static keys, which sched_ext flips on every enable and disable) by
     * writing a breakpoint first, then the new instruction; its int3 handler knows only the sites being
     * patched now. A CPU can hit a breakpoint already gone only if it ran stale code, which real hardware does
     * not do after the kernel's cross-CPU sync, and QEMU's multi-threaded TCG did (docs/lab.md). In the Oops's
     * {@code Code:} line the byte at RIP is marked {@code <xx>}; the int3 was the byte before it.
     */
    public boolean staleBreakpoint() {
        if (!kind.equals("Oops") || !headline.startsWith("Oops: int3")) {
            return false;
        }
        return report.stream()
                .map(KernelConsole::message)
                .filter(l -> l.startsWith("Code: "))
                .findFirst()
                .map(code -> {
                    String[] bytes = code.substring("Code: ".length()).trim().split("\\s+");
                    for (int i = 1; i < bytes.length; i++) {
                        if (bytes[i].startsWith("<")) {
                            return !bytes[i - 1].equalsIgnoreCase("cc");
                        }
                    }
                    return false;
                })
                .orElse(false);
    }

    /** One line for a message: what and where, e.g. {@code Oops: int3 ... RIP: __schedule+0x693 (Comm: ...)}. */
    public String summary() {
        String rip = report.stream()
                .map(KernelConsole::message)
                .filter(l -> l.startsWith("RIP: "))
                .findFirst()
                .map(l -> ", " + l.replaceAll("\\s+", " "))
                .orElse("");
        String comm = report.stream()
                .map(KernelConsole::message)
                .filter(l -> l.contains(" Comm: "))
                .findFirst()
                .map(l -> ", "
                        + l.substring(l.indexOf("Comm: "))
                                .split(" Tainted| Not tainted")[0]
                                .strip())
                .orElse("");
        String when = uptimeSeconds < 0 ? "" : String.format(" at %.1f s of guest uptime", uptimeSeconds);
        return "the guest kernel crashed" + when + ": " + headline + rip + comm + (panicked ? " (kernel panic)" : "");
    }
}
