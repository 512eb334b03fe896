package io.schedcp.daemon.config;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.YamlSyntaxError;
import io.schedcp.core.store.TextInput;
import io.schedcp.daemon.DaemonSettings;
import io.schedcp.daemon.mode.Mode;
import io.schedcp.daemon.mode.ModeSetting;
import io.schedcp.daemon.mode.ModeTable;
import io.schedcp.daemon.supervise.RestartPolicy;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Reads the daemon's config file:
 *
 * <pre>
 * socket: /run/schedcp/daemon.sock     # default $SCHEDCP_HOME/daemon.sock
 * listen: 127.0.0.1:8787               # default: the socket alone
 * restart:
 *   max_restarts: 5
 *   initial_backoff_ms: 1000
 *   max_backoff_ms: 30000
 * mode: auto                           # run at start; default none: the kernel's own scheduler
 * modes:
 *   gaming: {scheduler: scx_lavd, args: ["--performance"]}
 * </pre>
 *
 * Every key is optional. As the SLO config reader does, it walks the YAML tokens itself rather than binding
 * them, so that each refusal names the file, the line of the value at fault and what it should be: an unknown or
 * repeated key, a value of the wrong kind or out of its range, an unknown mode, a relative socket path. A file
 * with nothing in it (or comments only) takes every default. Whether a mode's scheduler can run here is the
 * daemon's to say when it runs it.
 */
public final class DaemonConfigReader {

    /** Far more than any daemon config needs. */
    public static final int MAX_FILE_BYTES = 64 * 1024;

    /** The most restarts a policy may allow: more would hide a scheduler that cannot stay up. */
    public static final int MAX_RESTARTS = 1000;

    /** The longest backoff: an hour. */
    public static final long MAX_BACKOFF_MS = 3_600_000;

    static final String SOCKET = "socket";
    static final String LISTEN = "listen";
    static final String RESTART = "restart";
    static final String MODE = "mode";
    static final String MODES = "modes";
    static final String MAX_RESTARTS_KEY = "max_restarts";
    static final String INITIAL_BACKOFF_MS = "initial_backoff_ms";
    static final String MAX_BACKOFF_MS_KEY = "max_backoff_ms";
    static final String SCHEDULER = "scheduler";
    static final String ARGS = "args";
    /** The start mode that runs nothing. */
    static final String NONE = "none";

    // A key with nothing after it reads as having no value, not as the empty string.
    private static final YAMLFactory YAML =
            YAMLFactory.builder().enable(YAMLReadFeature.EMPTY_STRING_AS_NULL).build();

    private final String file;
    private final JsonParser parser;

    private DaemonConfigReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /**
     * Reads and checks the config in {@code file}.
     *
     * @throws SchedcpException INVALID_INPUT naming the file, the line, what is wrong and what it should be;
     *                          NOT_FOUND when there is no such file; IO when it cannot be read
     */
    public static DaemonConfig read(Path file) {
        return parse(TextInput.readRegular(file, "daemon config", MAX_FILE_BYTES), file.toString());
    }

    /**
     * Checks the config {@code yaml}, as {@link #read} does.
     *
     * @param file what to call it in messages, such as its path
     */
    public static DaemonConfig parse(String yaml, String file) {
        try (JsonParser parser = YAML.createParser(ObjectReadContext.empty(), yaml)) {
            return new DaemonConfigReader(file, parser).config();
        } catch (JacksonException e) {
            YamlSyntaxError error = YamlSyntaxError.of(e);
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    where(file, error.line()) + "is not valid YAML: " + error.problem()
                            + "; check the indentation (spaces, no tabs) and the colons");
        }
    }

    private DaemonConfig config() {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return DaemonConfig.empty();
        }
        if (token != JsonToken.START_OBJECT) {
            throw refusal(line(), "the file must be a mapping of " + topKeys() + ", not " + describe(token));
        }
        Optional<Path> socket = Optional.empty();
        Optional<InetSocketAddress> listen = Optional.empty();
        RestartPolicy restart = RestartPolicy.DEFAULT;
        Optional<Mode> startMode = Optional.empty();
        Map<Mode, ModeSetting> modes = Map.of();
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            parser.nextToken();
            switch (key) {
                case SOCKET -> socket = Optional.of(socket());
                case LISTEN -> listen = Optional.of(listen());
                case RESTART -> restart = restart();
                case MODE -> startMode = startMode();
                case MODES -> modes = modes();
                default -> throw unknownKey(key, "the file", topKeys());
            }
        }
        if (parser.nextToken() != null) {
            throw refusal(line(), "a second YAML document begins here; keep one document (remove the ---)");
        }
        return new DaemonConfig(socket, listen, restart, startMode, modes);
    }

    private static String topKeys() {
        return SOCKET + ", " + LISTEN + ", " + RESTART + ", " + MODE + " and " + MODES;
    }

    private Path socket() {
        String path = text(SOCKET, "must be the absolute path of the Unix socket, such as /run/schedcp/daemon.sock");
        Path socket = Path.of(path);
        if (!socket.isAbsolute() || path.indexOf('\0') >= 0) {
            throw refusal(
                    line(),
                    SOCKET + " must be an absolute path, such as /run/schedcp/daemon.sock, not " + path
                            + " (the daemon's working directory is not the config's)");
        }
        return socket.normalize();
    }

    private InetSocketAddress listen() {
        String value = text(LISTEN, "must be HOST:PORT, such as 127.0.0.1:8787");
        try {
            return DaemonSettings.parseListen(value);
        } catch (SchedcpException e) {
            throw refusal(line(), e.getMessage().replace("--listen ", LISTEN + " "));
        }
    }

    private RestartPolicy restart() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refusal(
                    line(),
                    RESTART + " must be a mapping of " + restartKeys() + ", not " + describe(parser.currentToken()));
        }
        int maxRestarts = RestartPolicy.DEFAULT.maxRestarts();
        Optional<Long> initial = Optional.empty();
        Optional<Long> max = Optional.empty();
        int maxLine = 0;
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            parser.nextToken();
            switch (key) {
                case MAX_RESTARTS_KEY -> maxRestarts = (int) whole(MAX_RESTARTS_KEY, 0, MAX_RESTARTS);
                case INITIAL_BACKOFF_MS -> initial = Optional.of(whole(INITIAL_BACKOFF_MS, 0, MAX_BACKOFF_MS));
                case MAX_BACKOFF_MS_KEY -> {
                    maxLine = line();
                    max = Optional.of(whole(MAX_BACKOFF_MS_KEY, 0, MAX_BACKOFF_MS));
                }
                default -> throw unknownKey(key, RESTART, restartKeys());
            }
        }
        long initialMs = initial.orElse(RestartPolicy.DEFAULT.initialBackoff().toMillis());
        if (max.isPresent() && max.get() < initialMs) {
            throw refusal(
                    maxLine,
                    MAX_BACKOFF_MS_KEY + " " + max.get() + " is below " + INITIAL_BACKOFF_MS + " " + initialMs
                            + "; the backoff doubles from the initial one up to the maximum, so give a maximum of at"
                            + " least " + initialMs);
        }
        long maxMs = max.orElse(
                Math.max(initialMs, RestartPolicy.DEFAULT.maxBackoff().toMillis()));
        return new RestartPolicy(maxRestarts, Duration.ofMillis(initialMs), Duration.ofMillis(maxMs));
    }

    private static String restartKeys() {
        return MAX_RESTARTS_KEY + ", " + INITIAL_BACKOFF_MS + " and " + MAX_BACKOFF_MS_KEY;
    }

    private Optional<Mode> startMode() {
        String value = text(MODE, "must be one of " + Mode.ids() + ", or " + NONE + " to run no scheduler at start");
        if (value.strip().equalsIgnoreCase(NONE)) {
            return Optional.empty();
        }
        return Optional.of(mode(value, MODE));
    }

    private Mode mode(String value, String where) {
        try {
            return Mode.of(value);
        } catch (SchedcpException e) {
            throw refusal(
                    line(),
                    where + ": no mode is named " + value + "; the modes are " + Mode.ids()
                            + (where.equals(MODE) ? ", or " + NONE : ""));
        }
    }

    private Map<Mode, ModeSetting> modes() {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refusal(
                    line(),
                    MODES + " must be a mapping of mode names (" + Mode.ids() + ") to {" + SCHEDULER + ", " + ARGS
                            + "}, not " + describe(parser.currentToken()));
        }
        Map<Mode, ModeSetting> modes = new EnumMap<>(Mode.class);
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            Mode mode = mode(key, MODES);
            parser.nextToken();
            modes.put(mode, modeSetting(mode));
        }
        return modes;
    }

    private ModeSetting modeSetting(Mode mode) {
        int start = line();
        String where = MODES + "." + mode.id();
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw refusal(
                    start,
                    where + " must be a mapping such as {" + SCHEDULER + ": scx_lavd, " + ARGS
                            + ": [\"--performance\"]}, not " + describe(parser.currentToken()));
        }
        Optional<String> scheduler = Optional.empty();
        Optional<List<String>> args = Optional.empty();
        Keys keys = new Keys();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String key = keys.add(parser.currentName(), line());
            parser.nextToken();
            switch (key) {
                case SCHEDULER ->
                    scheduler = Optional.of(
                            text(where + "." + SCHEDULER, "must name a scheduler, such as scx_lavd or scx:scx_lavd")
                                    .strip());
                case ARGS -> args = Optional.of(args(where + "." + ARGS));
                default -> throw unknownKey(key, where, SCHEDULER + " and " + ARGS);
            }
        }
        if (scheduler.isEmpty() && args.isEmpty()) {
            throw refusal(start, where + " sets nothing; give its " + SCHEDULER + ", its " + ARGS + ", or both");
        }
        if (scheduler.isPresent()) {
            // Another scheduler's flags are its own: none of the default's carry over.
            return new ModeSetting(scheduler.get(), args.orElse(List.of()), true);
        }
        String builtIn = ModeTable.defaults().setting(mode).scheduler();
        return new ModeSetting(builtIn, args.orElseThrow(), true);
    }

    private List<String> args(String key) {
        String rule = "must be a list of the scheduler's flags, such as [\"--slice-us\", \"5000\"]";
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw refusal(line(), key + " " + rule + ", not " + describe(parser.currentToken()));
        }
        List<String> args = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            switch (token) {
                case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> args.add(parser.getString());
                default ->
                    throw refusal(
                            line(),
                            key + " " + rule + "; item " + (args.size() + 1) + " is " + describe(token)
                                    + (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                                            ? " (quote it: \"" + parser.getString() + "\")"
                                            : ""));
            }
        }
        return args;
    }

    private String text(String key, String rule) {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            throw refusal(line(), key + " has no value; it " + rule + ", or leave the key out");
        }
        if (token != JsonToken.VALUE_STRING) {
            throw refusal(line(), key + " " + rule + ", not " + describe(token));
        }
        String value = parser.getString();
        if (value.isBlank()) {
            throw refusal(line(), key + " " + rule + ", not \"" + value + "\"");
        }
        return value;
    }

    private long whole(String key, long min, long max) {
        String rule = "must be a whole number from " + min + " to " + max;
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            throw refusal(line(), key + " has no value; it " + rule);
        }
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw refusal(line(), key + " " + rule + ", not " + describe(token));
        }
        BigDecimal value;
        try {
            value = parser.getDecimalValue();
        } catch (JacksonException | NumberFormatException e) {
            // .inf and .nan are YAML floats that no BigDecimal holds.
            throw refusal(line(), key + " " + rule + ", not " + parser.getString());
        }
        if (value.stripTrailingZeros().scale() > 0
                || value.compareTo(BigDecimal.valueOf(min)) < 0
                || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw refusal(line(), key + " " + rule + ", not " + parser.getString());
        }
        return value.longValueExact();
    }

    private SchedcpException unknownKey(String key, String where, String known) {
        return refusal(line(), "unknown key " + key + " in " + where + "; the keys there are " + known);
    }

    /** The text of a value for a message: strings quoted, so that "2" and 2 read differently. */
    private String describe(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_OBJECT -> "a mapping";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "\"" + parser.getString() + "\"";
            case VALUE_NULL -> "an empty value";
            default -> parser.getString();
        };
    }

    private int line() {
        return parser.currentTokenLocation().getLineNr();
    }

    private SchedcpException refusal(int line, String problem) {
        return new SchedcpException(Kind.INVALID_INPUT, where(file, line) + problem);
    }

    private static String where(String file, int line) {
        return line > 0 ? file + " line " + line + ": " : file + ": ";
    }

    /** The keys of one mapping: each may appear once. */
    private final class Keys {
        private final Map<String, Integer> lines = new HashMap<>();

        String add(String key, int line) {
            Integer first = lines.putIfAbsent(key, line);
            if (first != null) {
                throw refusal(line, key + " appears twice in the same mapping (first on line " + first + "); keep one");
            }
            return key;
        }
    }
}
