package io.schedcp.bpf.custom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a custom scheduler's BPF C source before it is compiled, for the mistakes that would otherwise show
 * up as a confusing compiler error or a scheduler that loads and does nothing: the {@code sched_ext_ops}
 * struct_ops map, its {@code .name}, a scheduling callback, callbacks that are defined, the GPL license the
 * sched_ext kfuncs require, and an exit record so an ejection can be explained.
 */
public final class SourceCheck {

    /** Callbacks that decide where and when tasks run; a scheduler needs at least one. */
    static final List<String> SCHEDULING_CALLBACKS = List.of("select_cpu", "enqueue", "dispatch");

    static final int OPS_NAME_MAX = 127;

    private static final Pattern OPS_DEFINE = Pattern.compile("\\bSCX_OPS_DEFINE\\s*\\(\\s*([A-Za-z_]\\w*)\\s*,");
    private static final Pattern OPS_STRUCT = Pattern.compile(
            "SEC\\s*\\(\\s*\"\\.struct_ops(?:\\.link)?\"\\s*\\)\\s*struct\\s+sched_ext_ops\\s+([A-Za-z_]\\w*)\\s*=\\s*\\{");
    private static final Pattern FIELD = Pattern.compile(
            "\\.\\s*([A-Za-z_]\\w*)\\s*=\\s*(?:\\(\\s*void\\s*\\*\\s*\\)\\s*)?(\"(?:[^\"\\\\]|\\\\.)*\"|[A-Za-z_]\\w*|[0-9][\\w]*)");
    private static final Pattern OPS_NAME_VALUE = Pattern.compile("[A-Za-z0-9_.]+");
    private static final Pattern INCLUDE = Pattern.compile("#\\s*include\\s*[<\"]scx/common\\.bpf\\.h[>\"]");
    private static final Pattern LICENSE = Pattern.compile("SEC\\s*\\(\\s*\"license\"\\s*\\)");

    private SourceCheck() {}

    /** The scheduler's struct_ops map as the source declares it. */
    public record OpsDeclaration(String mapName, String opsName, Map<String, String> fields, int line) {}

    /** What the check found: the declaration when there is one, and the problems. */
    public record Result(Optional<OpsDeclaration> ops, List<SourceProblem> problems) {

        public boolean accepted() {
            return problems.stream().noneMatch(SourceProblem::error);
        }

        public List<SourceProblem> errors() {
            return problems.stream().filter(SourceProblem::error).toList();
        }

        public List<SourceProblem> warnings() {
            return problems.stream().filter(p -> !p.error()).toList();
        }
    }

    public static Result check(String source) {
        String code = CSource.withoutComments(source);
        List<SourceProblem> problems = new ArrayList<>();
        if (!INCLUDE.matcher(code).find()) {
            problems.add(new SourceProblem(
                    1,
                    "the source does not include <scx/common.bpf.h>: add "
                            + "'#include <scx/common.bpf.h>' at the top; it brings vmlinux.h, the sched_ext kfuncs and "
                            + "SCX_OPS_DEFINE",
                    true));
        }
        if (!LICENSE.matcher(code).find()) {
            problems.add(new SourceProblem(
                    0,
                    "no license section: the sched_ext kfuncs are GPL-only, so the kernel "
                            + "refuses the program; add 'char _license[] SEC(\"license\") = \"GPL\";'",
                    true));
        }
        Optional<OpsDeclaration> ops = declaration(code);
        if (ops.isEmpty()) {
            problems.add(new SourceProblem(
                    0,
                    "no sched_ext_ops struct_ops map: declare the scheduler with "
                            + "SCX_OPS_DEFINE(my_ops, .enqueue = (void *)my_enqueue, .name = \"my\") (or a "
                            + "SEC(\".struct_ops.link\") struct sched_ext_ops)",
                    true));
        } else {
            checkOps(code, ops.get(), problems);
        }
        return new Result(ops, List.copyOf(problems));
    }

    private static Optional<OpsDeclaration> declaration(String code) {
        Matcher define = OPS_DEFINE.matcher(code);
        if (define.find()) {
            return Optional.of(parse(code, define.group(1), define.start(), define.end(), '(', ')'));
        }
        Matcher struct = OPS_STRUCT.matcher(code);
        if (struct.find()) {
            return Optional.of(parse(code, struct.group(1), struct.start(), struct.end(), '{', '}'));
        }
        return Optional.empty();
    }

    private static OpsDeclaration parse(String code, String map, int start, int bodyStart, char open, char close) {
        int end = CSource.closing(code, bodyStart, open, close);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(code.substring(bodyStart, end));
        while (field.find()) {
            fields.put(field.group(1), field.group(2));
        }
        String name = fields.getOrDefault("name", "");
        String opsName = name.startsWith("\"") ? name.substring(1, name.length() - 1) : "";
        return new OpsDeclaration(map, opsName, fields, CSource.lineOf(code, start));
    }

    private static void checkOps(String code, OpsDeclaration ops, List<SourceProblem> problems) {
        int line = ops.line();
        String name = ops.fields().get("name");
        if (name == null || !name.startsWith("\"")) {
            problems.add(new SourceProblem(
                    line,
                    "the struct_ops map " + ops.mapName() + " sets no .name: add "
                            + ".name = \"" + ops.mapName().replaceAll("_ops$", "") + "\"; the kernel reports it in "
                            + "/sys/kernel/sched_ext/root/ops",
                    true));
        } else if (!OPS_NAME_VALUE.matcher(ops.opsName()).matches()
                || ops.opsName().length() > OPS_NAME_MAX) {
            problems.add(new SourceProblem(
                    line,
                    ".name = " + name + " is not a name the kernel accepts: use 1 to " + OPS_NAME_MAX
                            + " letters, digits, '_' or '.'",
                    true));
        }
        if (SCHEDULING_CALLBACKS.stream().noneMatch(ops.fields()::containsKey)) {
            problems.add(new SourceProblem(
                    line,
                    "the struct_ops map " + ops.mapName() + " sets none of the "
                            + "scheduling callbacks " + SCHEDULING_CALLBACKS
                            + ": without them the kernel's global FIFO does "
                            + "all the work; set at least .enqueue",
                    true));
        }
        for (Map.Entry<String, String> field : ops.fields().entrySet()) {
            String value = field.getValue();
            boolean callback = !field.getKey().equals("name")
                    && !field.getKey().endsWith("_ms")
                    && !field.getKey().equals("flags")
                    && Character.isLetter(value.charAt(0))
                    && !value.equals(value.toUpperCase(Locale.ROOT));
            if (callback && !CSource.definesCallback(code, value)) {
                problems.add(new SourceProblem(
                        line,
                        "." + field.getKey() + " = " + value + ", but the source " + "defines no " + value
                                + ": define it with BPF_STRUCT_OPS(" + value + ", ...)",
                        true));
            }
        }
        if (code.contains("scx_bpf_create_dsq") && !ops.fields().containsKey("init")) {
            problems.add(new SourceProblem(
                    line,
                    "the source calls scx_bpf_create_dsq but the struct_ops map sets "
                            + "no .init: create DSQs in a BPF_STRUCT_OPS_SLEEPABLE(..._init) callback set as .init",
                    true));
        }
        if (!ops.fields().containsKey("exit") || !code.contains("UEI_RECORD")) {
            problems.add(new SourceProblem(
                    line,
                    "no .exit callback that records UEI_RECORD(uei, ei): if the kernel "
                            + "ejects this scheduler schedcp cannot say why; add UEI_DEFINE(uei) and an exit callback",
                    false));
        }
    }
}
