package io.schedcp.daemon;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeTable;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How a daemon runs.
 *
 * @param home the schedcp home: its tokens live there
 * @param socket the Unix socket it listens on
 * @param listen the TCP address it also listens on, if any
 * @param restart how a scheduler that ends without being asked is restarted
 * @param modes what each mode runs
 * @param startMode the mode to run when the daemon starts; empty leaves the kernel on its default scheduler
 */
public record DaemonSettings(
        Path home,
        Path socket,
        Optional<InetSocketAddress> listen,
        RestartPolicy restart,
        ModeTable modes,
        Optional<Mode> startMode) {

    /** The socket's name in the schedcp home. */
    public static final String SOCKET_FILE = SchedcpConfig.DAEMON_SOCKET_FILE;

    public DaemonSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(restart, "restart");
        Objects.requireNonNull(modes, "modes");
        Objects.requireNonNull(startMode, "startMode");
    }

    /** The built-in modes, and none run at start. */
    public DaemonSettings(Path home, Path socket, Optional<InetSocketAddress> listen, RestartPolicy restart) {
        this(home, socket, listen, restart, ModeTable.defaults(), Optional.empty());
    }

    /** The socket in {@code home}, no TCP, the default restarts. */
    public static DaemonSettings defaults(Path home) {
        return new DaemonSettings(home, home.resolve(SOCKET_FILE), Optional.empty(), RestartPolicy.DEFAULT);
    }

    public DaemonSettings withSocket(Path other) {
        return new DaemonSettings(home, other, listen, restart, modes, startMode);
    }

    public DaemonSettings withListen(Optional<InetSocketAddress> other) {
        return new DaemonSettings(home, socket, other, restart, modes, startMode);
    }

    public DaemonSettings withRestart(RestartPolicy other) {
        return new DaemonSettings(home, socket, listen, other, modes, startMode);
    }

    public DaemonSettings withModes(ModeTable other) {
        return new DaemonSettings(home, socket, listen, restart, other, startMode);
    }

    public DaemonSettings withStartMode(Optional<Mode> other) {
        return new DaemonSettings(home, socket, listen, restart, modes, other);
    }

    /**
     * {@code HOST:PORT} as an address; the host is taken as given (127.0.0.1 keeps the API on this machine).
     *
     * @throws SchedcpException INVALID_INPUT for anything else, with the form it wants
     */
    public static InetSocketAddress parseListen(String value) {
        int colon = value.lastIndexOf(':');
        String fix = "; give HOST:PORT, such as 127.0.0.1:8787";
        if (colon <= 0 || colon == value.length() - 1) {
            throw new SchedcpException(Kind.INVALID_INPUT, "--listen " + value + " is not HOST:PORT" + fix);
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new SchedcpException(Kind.INVALID_INPUT, "--listen " + value + " has no port number" + fix, e);
        }
        if (port < 0 || port > 65535) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "--listen " + value + ": the port must be from 0 to 65535" + fix);
        }
        return new InetSocketAddress(host, port);
    }
}
