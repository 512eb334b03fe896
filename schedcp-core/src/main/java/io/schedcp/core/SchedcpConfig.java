package io.schedcp.core;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where schedcp keeps and finds things, read once from the environment.
 *
 * <ul>
 *   <li>{@code SCHEDCP_HOME}: the data directory, {@code ~/.schedcp} by default</li>
 *   <li>{@code SCHEDCP_PLUGIN_PATH}: more plugin directories, separated by {@code :}</li>
 *   <li>{@code SCHEDCP_SCHED_EXT_DIR}: where the kernel's sched_ext state is read, {@code /sys/kernel/sched_ext}
 *       by default; tests and debugging point it at a directory of their own</li>
 *   <li>{@code SCHEDCP_PROC_DIR}: where the system monitor reads {@code stat}, {@code meminfo}, {@code schedstat}
 *       and {@code pressure/cpu}, {@code /proc} by default; tests point it at captured copies</li>
 * </ul>
 *
 * @param home        the data directory
 * @param environment the variables everything else reads (SCHEDCP_SCX_PATH, PATH, SCHEDCP_SUDO_PASSWORD...)
 */
public record SchedcpConfig(Path home, Map<String, String> environment) {

    public static final Path DEFAULT_SCHED_EXT_DIR = Path.of("/sys/kernel/sched_ext");
    public static final Path DEFAULT_PROC_DIR = Path.of("/proc");

    public SchedcpConfig {
        Objects.requireNonNull(home, "home");
        environment = Map.copyOf(environment);
    }

    /** The configuration of this process. */
    public static SchedcpConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static SchedcpConfig fromEnvironment(Map<String, String> env, Path userHome) {
        String home = env.get("SCHEDCP_HOME");
        Path dir = home == null || home.isBlank() ? userHome.resolve(".schedcp") : Path.of(home);
        return new SchedcpConfig(dir.toAbsolutePath().normalize(), env);
    }

    /** {@code ~/.schedcp/plugins}, then each directory of {@code SCHEDCP_PLUGIN_PATH}. */
    public List<Path> pluginDirectories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(home.resolve("plugins"));
        dirs.addAll(pathList("SCHEDCP_PLUGIN_PATH"));
        return dirs;
    }

    public Path schedExtDirectory() {
        String dir = environment.get("SCHEDCP_SCHED_EXT_DIR");
        return dir == null || dir.isBlank() ? DEFAULT_SCHED_EXT_DIR : Path.of(dir);
    }

    public Path procDirectory() {
        String dir = environment.get("SCHEDCP_PROC_DIR");
        return dir == null || dir.isBlank() ? DEFAULT_PROC_DIR : Path.of(dir);
    }

    public Path logFile() {
        return home.resolve("schedcp.log");
    }

    /** The directories of a {@code :}-separated variable, blanks skipped. */
    public List<Path> pathList(String variable) {
        String value = environment.get(variable);
        List<Path> paths = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(File.pathSeparator)) {
                if (!part.isBlank()) {
                    paths.add(Path.of(part));
                }
            }
        }
        return paths;
    }
}
