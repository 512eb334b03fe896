package io.schedcp.cli;

import io.schedcp.api.Requirements;
import io.schedcp.api.SchedulerDescriptor;
import io.schedcp.api.TuningParameter;
import java.util.ArrayList;
import java.util.List;

/** A descriptor as readable text, wrapped for a terminal. */
final class DescriptorText {

    private static final int WIDTH = 100;

    private DescriptorText() {}

    /** @param unavailableReason why it cannot run here, or null when it can */
    static String render(SchedulerDescriptor d, String unavailableReason) {
        StringBuilder text = new StringBuilder();
        text.append(d.name())
                .append("  (provider ")
                .append(d.provider())
                .append(", kernel ops name '")
                .append(d.opsName())
                .append("')\n");
        text.append("  production ready: ")
                .append(d.productionReady() ? "yes" : "no")
                .append('\n');
        text.append("  available here:   ")
                .append(unavailableReason == null ? "yes" : "no")
                .append('\n');
        if (unavailableReason != null) {
            wrap(text, "why not: " + unavailableReason, "    ");
        }
        section(text, "Description", d.description());
        section(text, "Algorithm", d.algorithm());
        text.append("\nUse cases\n");
        d.useCases().forEach(u -> text.append("  - ").append(u).append('\n'));
        section(text, "Characteristics", d.characteristics());
        text.append("\nTuning parameters\n");
        if (d.tuningParameters().isEmpty()) {
            text.append("  (none)\n");
        }
        for (TuningParameter p : d.tuningParameters()) {
            text.append("  ").append(p.flag());
            p.shortFlag().ifPresent(s -> text.append(", ").append(s));
            text.append("  ").append(p.type().name().toLowerCase(java.util.Locale.ROOT));
            List<String> facts = new ArrayList<>();
            p.defaultValue().ifPresent(v -> facts.add("default " + v));
            p.range().ifPresent(v -> facts.add("range " + v));
            if (!p.choices().isEmpty()) {
                facts.add("one of " + String.join(", ", p.choices()));
            }
            if (!facts.isEmpty()) {
                text.append("  (").append(String.join("; ", facts)).append(')');
            }
            text.append('\n');
            wrap(text, p.description(), "      ");
        }
        section(text, "Limitations", d.limitations());
        section(text, "Performance profile", d.performanceProfile());
        text.append("\nRequirements\n");
        Requirements r = d.requirements();
        text.append("  kernel: ")
                .append(r.minKernel().map(v -> v + " or newer").orElse("any with sched_ext"))
                .append('\n');
        if (!r.topology().isEmpty()) {
            text.append("  topology: ").append(r.topology()).append('\n');
        }
        text.append("  cgroup v2: ")
                .append(r.cgroupV2() ? "required" : "not required")
                .append('\n');
        r.notes().forEach(n -> wrap(text, "- " + n, "  "));
        return text.toString();
    }

    private static void section(StringBuilder text, String title, String body) {
        text.append('\n').append(title).append('\n');
        wrap(text, body, "  ");
    }

    /** Appends {@code body} wrapped at {@link #WIDTH} columns, each line starting with {@code indent}. */
    static void wrap(StringBuilder text, String body, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : body.split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                text.append(line).append('\n');
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        text.append(line).append('\n');
    }
}
