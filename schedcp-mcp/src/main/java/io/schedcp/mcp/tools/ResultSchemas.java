package io.schedcp.mcp.tools;

import static io.schedcp.mcp.JsonSchema.arrayOf;
import static io.schedcp.mcp.JsonSchema.bool;
import static io.schedcp.mcp.JsonSchema.integer;
import static io.schedcp.mcp.JsonSchema.object;
import static io.schedcp.mcp.JsonSchema.string;

import io.schedcp.daemon.supervise.Phase;
import io.schedcp.mcp.JsonSchema;
import java.util.Arrays;

/** The shapes several tools' results share: the kernel state, a scheduler, an exit. */
final class ResultSchemas {

    static final JsonSchema KERNEL = object("The kernel's sched_ext state, from /sys/kernel/sched_ext.")
            .required("supported", bool("Whether this kernel has sched_ext at all."))
            .required("state", string("disabled, enabling, enabled or disabling (unsupported without sched_ext)."))
            .optional("ops", string("The running scheduler's ops name, while one is loaded."))
            .required("enable_seq", integer("How many times a scheduler was enabled since boot."))
            .required("nr_rejected", integer("Tasks the running scheduler rejected."))
            .required("switch_all", bool("Whether the scheduler took every task."));

    static final JsonSchema TUNING_PARAMETER = object("One command-line flag of the scheduler.")
            .required("flag", string("The long form, such as --slice-us."))
            .optional("short_flag", string("The one-letter form, where there is one."))
            .required(
                    "type",
                    string("The kind of value it takes.").oneOf("SWITCH", "INTEGER", "DECIMAL", "TEXT", "CHOICE"))
            .required("description", string("What it changes."))
            .optional("default_value", string("The value used when it is not given."))
            .optional("range", string("The accepted values, where limited."))
            .required("choices", arrayOf(string(""), "The accepted values of a CHOICE."));

    static final JsonSchema DESCRIPTOR = object("Everything known about the scheduler.")
            .required("name", string("Its name within its provider."))
            .required("provider", string("The provider that offers it: scx, custom, or a plugin's id."))
            .required("ops_name", string("The name the kernel reports in root/ops while it runs."))
            .required("production_ready", bool("Whether its authors consider it fit for production machines."))
            .required("description", string("What it is."))
            .required("algorithm", string("How it decides which task runs where and for how long."))
            .required("use_cases", arrayOf(string(""), "Workloads it suits."))
            .required("characteristics", string("Its notable traits."))
            .required("tuning_parameters", arrayOf(TUNING_PARAMETER, "Its command-line flags."))
            .required("limitations", string("What it does badly or not at all."))
            .required("performance_profile", string("What to expect of latency, throughput and overhead."))
            .required(
                    "requirements",
                    object("What the machine must offer.")
                            .optional("min_kernel", string("The oldest kernel version it runs on."))
                            .required("topology", string("What it assumes of the CPU layout."))
                            .required("cgroup_v2", bool("Whether it needs the unified cgroup hierarchy."))
                            .required("notes", arrayOf(string(""), "Anything else it needs.")));

    static final JsonSchema SCHEDULER = object("A scheduler and whether it can run here.")
            .required(
                    "name",
                    string("The name that reaches it: its plain name, or provider:name when another "
                            + "provider's scheduler has the same name."))
            .required("qualified_name", string("provider:name, unique across providers."))
            .required("available", bool("Whether it can start on this host now."))
            .optional("unavailable_reason", string("Why it cannot start here, and what to do about it."))
            .required("resource_uri", string("The MCP resource that holds its descriptor."))
            .required("descriptor", DESCRIPTOR);

    static final JsonSchema EXIT = object("How the scheduler's program ended.")
            .optional("exit_code", integer("Its exit status; 128+N after signal N."))
            .required("summary", string("One sentence on how it ended."));

    /** The owner a result names when the schedcp daemon, not this server, runs the scheduler. */
    static final String DAEMON = "daemon";

    static final JsonSchema OWNER = string("Who owns the scheduler: \"daemon\" when the host's schedcp daemon runs it "
                    + "and restarts it if it ends; absent when this server does.")
            .oneOf(DAEMON);

    static final JsonSchema DAEMON_PHASE = string("Where the daemon's scheduler is, as the daemon says.")
            .oneOf(Arrays.stream(Phase.values()).map(Enum::name).toArray(String[]::new));

    private ResultSchemas() {}
}
