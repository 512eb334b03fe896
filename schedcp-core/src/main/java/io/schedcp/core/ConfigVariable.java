package io.schedcp.core;

/**
 * Every environment variable schedcp reads, with its default and what it does: the one list that
 * {@link SchedcpConfig} reads them by and docs/configuration.md documents (a test holds the two and the
 * sources together). JAVA_OPTS and CDS are read by the {@code schedcp} shell launcher before any Java runs; LAB
 * is set inside a lab guest for its scripts.
 */
public enum ConfigVariable {
    HOME("SCHEDCP_HOME", "~/.schedcp", "the data directory: schedcp.log, workloads.json, scxbin/, plugins/, custom/"),
    SCX_PATH(
            "SCHEDCP_SCX_PATH",
            "unset",
            "directories (:-separated) searched for scheduler binaries before " + "~/.schedcp/scxbin and PATH"),
    PLUGIN_PATH(
            "SCHEDCP_PLUGIN_PATH",
            "unset",
            "directories (:-separated) of provider plugins, besides " + "~/.schedcp/plugins"),
    SUDO_PASSWORD(
            "SCHEDCP_SUDO_PASSWORD",
            "unset",
            "when not root: the password given to sudo -S on its stdin; "
                    + "taken out of the environment of every program schedcp starts"),
    LOG_LEVEL(
            "SCHEDCP_LOG_LEVEL",
            "info",
            "trace, debug, info, warn or error, in any case; any other value gets one " + "warning and info"),
    START_TIMEOUT(
            "SCHEDCP_START_TIMEOUT",
            "20",
            "how many seconds the kernel may take to enable a scheduler: the "
                    + "default of every start, for the CLI, the MCP server and an embedding program alike"),
    SCHED_EXT_DIR(
            "SCHEDCP_SCHED_EXT_DIR",
            "/sys/kernel/sched_ext",
            "where the kernel's sched_ext state is read " + "(tests and debugging)"),
    PROC_DIR(
            "SCHEDCP_PROC_DIR",
            "/proc",
            "where the system monitor reads stat, meminfo, schedstat and pressure/cpu " + "(tests and debugging)"),
    LIBBPF("SCHEDCP_LIBBPF", "libbpf.so.1 from the system", "the libbpf shared library to load instead"),
    CACHE(
            "SCHEDCP_CACHE",
            "~/.cache/schedcp",
            "where bpf/setup.sh put the lab kernel and the BPF toolchain; "
                    + "create compiles with it, the lab boots from it"),
    LAB_CONSOLES(
            "SCHEDCP_LAB_CONSOLES",
            "<SCHEDCP_CACHE>/lab/consoles",
            "where the console of a failed lab boot is " + "kept"),
    LAB_ACCEL("SCHEDCP_LAB_ACCEL", "tcg,thread=single", "the lab guest's QEMU -accel"),
    LAB_CPU("SCHEDCP_LAB_CPU", "max", "the lab guest's QEMU -cpu"),
    LAB_QEMU("SCHEDCP_LAB_QEMU", "the QEMU of bpf/setup.sh", "the QEMU binary the lab runs"),
    DAEMON_SOCKET(
            "SCHEDCP_DAEMON_SOCKET",
            "$SCHEDCP_HOME/daemon.sock if it exists, else /var/lib/schedcp/daemon.sock",
            "the socket of the schedcp daemon that run, stop and status talk to when it exists; the token is "
                    + "read from daemon.token beside it"),
    JAVA_OPTS("SCHEDCP_JAVA_OPTS", "unset", "more JVM options for the launcher"),
    CDS("SCHEDCP_CDS", "on", "off starts the launcher's JVM without the dist's class-data-sharing archive"),
    LAB("SCHEDCP_LAB", "unset", "1 inside a lab guest, for its scripts");

    private final String variable;
    private final String defaultValue;
    private final String description;

    ConfigVariable(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    /** Its name in the environment, e.g. {@code SCHEDCP_HOME}. */
    public String variable() {
        return variable;
    }

    /** What holds when it is unset or blank, in words. */
    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
