package io.schedcp.core;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.manager.ManagerSettings;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where schedcp keeps and finds things, and its settings, read from the environment: every variable of
 * {@link ConfigVariable} is read here, so an embedding program, the CLI and the MCP server see the same values.
 *
 * @param home        the data directory ({@code SCHEDCP_HOME}, {@code ~/.schedcp} by default)
 * @param environment the variables everything else reads (SCHEDCP_SCX_PATH, PATH, SCHEDCP_SUDO_PASSWORD...)
 */
public record SchedcpConfig(Path home, Map<String, String> environment) {

    public static final Path DEFAULT_SCHED_EXT_DIR = Path.of("/sys/kernel/sched_ext");
    /** The name of a daemon's socket in its home. */
    public static final String DAEMON_SOCKET_FILE = "daemon.sock";
    /** The home of the daemon that packaging/systemd runs (its StateDirectory). */
    public static final Path SYSTEM_DAEMON_HOME = Path.of("/var/lib/schedcp");

    public static final Path DEFAULT_PROC_DIR = Path.of("/proc");
    /** A day: a larger start timeout is a typo, not a wish. */
    static final Duration MAX_START_TIMEOUT = Duration.ofDays(1);

    public SchedcpConfig {
        Objects.requireNonNull(home, "home");
        environment = Map.copyOf(environment);
    }

    /** The configuration of this process. */
    public static SchedcpConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    public static SchedcpConfig fromEnvironment(Map<String, String> env, Path userHome) {
        String home = env.get(ConfigVariable.HOME.variable());
        Path dir = home == null || home.isBlank() ? userHome.resolve(".schedcp") : Path.of(home);
        return new SchedcpConfig(dir.toAbsolutePath().normalize(), env);
    }

    /** {@code ~/.schedcp/plugins}, then each directory of {@code SCHEDCP_PLUGIN_PATH}. */
    public List<Path> pluginDirectories() {
        List<Path> dirs = new ArrayList<>();
        dirs.add(home.resolve("plugins"));
        dirs.addAll(pathList(ConfigVariable.PLUGIN_PATH));
        return dirs;
    }

    /**
     * The socket a schedcp daemon of this host listens on, where one would: {@code SCHEDCP_DAEMON_SOCKET}, else
     * {@code daemon.sock} in the home when it exists there, else the systemd unit's, in /var/lib/schedcp.
     */
    public Path daemonSocket() {
        Optional<Path> set = value(ConfigVariable.DAEMON_SOCKET).map(Path::of);
        if (set.isPresent()) {
            return set.get();
        }
        Path own = home.resolve(DAEMON_SOCKET_FILE);
        return Files.exists(own) ? own : SYSTEM_DAEMON_HOME.resolve(DAEMON_SOCKET_FILE);
    }

    public Path schedExtDirectory() {
        return value(ConfigVariable.SCHED_EXT_DIR).map(Path::of).orElse(DEFAULT_SCHED_EXT_DIR);
    }

    public Path procDirectory() {
        return value(ConfigVariable.PROC_DIR).map(Path::of).orElse(DEFAULT_PROC_DIR);
    }

    /** The variable's value, unless it is unset or blank. */
    public Optional<String> value(ConfigVariable variable) {
        return Optional.ofNullable(environment.get(variable.variable())).filter(v -> !v.isBlank());
    }

    /**
     * {@code SCHEDCP_START_TIMEOUT}: the default start timeout, when set.
     *
     * @throws SchedcpException (INVALID_INPUT) naming the variable when it is not a whole number of seconds, 1
     *                          or more
     */
    public Optional<Duration> startTimeout() {
        Optional<String> text = value(ConfigVariable.START_TIMEOUT);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        String name = ConfigVariable.START_TIMEOUT.variable();
        long seconds;
        try {
            seconds = Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            seconds = 0;
        }
        if (seconds < 1 || seconds > MAX_START_TIMEOUT.toSeconds()) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    name + "=" + text.get() + " is not a whole number of "
                            + "seconds from 1 to " + MAX_START_TIMEOUT.toSeconds()
                            + ": set it to one (such as 90), or unset "
                            + "it for the default of "
                            + ManagerSettings.DEFAULTS.startTimeout().toSeconds() + " s");
        }
        return Optional.of(Duration.ofSeconds(seconds));
    }

    public Path logFile() {
        return home.resolve("schedcp.log");
    }

    /** The directories of a {@code :}-separated variable, blanks skipped. */
    public List<Path> pathList(ConfigVariable variable) {
        return pathList(variable.variable());
    }

    /** The directories of a {@code :}-separated variable (such as PATH), blanks skipped. */
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
