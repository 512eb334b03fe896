package io.schedcp.slo.agent;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * scx_slo's own flags, what follows {@code --} in {@code schedcp run scx_slo -- --config FILE}:
 * {@code --config FILE} (required) and {@code --socket PATH} (where the agent serves {@code schedcp slo}; the
 * schedcp home's {@code slo.sock} by default).
 */
record SloArgs(Path config, Optional<Path> socket) {

    static final String USAGE = "scx_slo's flags are --config FILE (required: the YAML of the groups and their "
            + "budgets, see docs/slo.md) and --socket PATH; for example: schedcp run scx_slo -- --config slo.yaml";

    SloArgs {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(socket, "socket");
    }

    /** @throws SchedcpException INVALID_INPUT naming the flag that is wrong, with {@link #USAGE} */
    static SloArgs parse(List<String> args) {
        Path config = null;
        Path socket = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (!name.equals("--config") && !name.equals("--socket")) {
                throw refusal("scx_slo does not take " + arg + "; " + USAGE);
            }
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw refusal(name + " needs a value; " + USAGE);
            }
            Path path = path(name, value);
            if (name.equals("--config")) {
                if (config != null) {
                    throw refusal("--config is given twice; give one config file");
                }
                config = path;
            } else {
                socket = path;
            }
        }
        if (config == null) {
            throw refusal("scx_slo needs its config; " + USAGE);
        }
        return new SloArgs(config, Optional.ofNullable(socket));
    }

    /** The flags as the agent's process gets them, with absolute paths: it may run in another directory. */
    List<String> toList(Path defaultSocket) {
        return List.of(
                "--config",
                config.toAbsolutePath().toString(),
                "--socket",
                socket.orElse(defaultSocket).toAbsolutePath().toString());
    }

    private static Path path(String flag, String value) {
        if (value.isBlank()) {
            throw refusal(flag + " needs a path, not an empty value; " + USAGE);
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw refusal(flag + " " + value + " is not a path (" + e.getReason() + "); " + USAGE);
        }
    }

    private static SchedcpException refusal(String message) {
        return new SchedcpException(Kind.INVALID_INPUT, message);
    }
}
