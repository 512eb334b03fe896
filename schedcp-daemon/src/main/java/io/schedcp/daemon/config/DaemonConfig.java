package io.schedcp.daemon.config;

import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeSetting;
import io.schedcp.daemon.mode.ModeTable;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a daemon config file says; what it leaves out takes the defaults of {@link DaemonSettings#defaults}.
 *
 * @param socket the Unix socket, when the file names one
 * @param listen the TCP address, when the file gives one
 * @param restart the restart policy, {@link RestartPolicy#DEFAULT} where the file is silent
 * @param startMode the mode to run at start; empty for none
 * @param modes the modes the file sets, in place of the built-in ones
 */
public record DaemonConfig(
        Optional<Path> socket,
        Optional<InetSocketAddress> listen,
        RestartPolicy restart,
        Optional<Mode> startMode,
        Map<Mode, ModeSetting> modes) {

    public DaemonConfig {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(startMode, "startMode");
        EnumMap<Mode, ModeSetting> copy = new EnumMap<>(Mode.class);
        copy.putAll(modes);
        modes = java.util.Collections.unmodifiableMap(copy);
    }

    /** A file that says nothing: every default. */
    public static DaemonConfig empty() {
        return new DaemonConfig(Optional.empty(), Optional.empty(), RestartPolicy.DEFAULT, Optional.empty(), Map.of());
    }

    /** The settings of a daemon whose home is {@code home}, as this file has them. */
    public DaemonSettings settings(Path home) {
        DaemonSettings defaults = DaemonSettings.defaults(home);
        return defaults.withSocket(socket.orElse(defaults.socket()))
                .withListen(listen)
                .withRestart(restart)
                .withModes(ModeTable.defaults().with(modes))
                .withStartMode(startMode);
    }
}
