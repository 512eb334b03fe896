package io.schedcp.core.process;

import io.schedcp.core.ConfigVariable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How schedcp gets root to load a scheduler: directly when it is root, otherwise through {@code sudo -n},
 * or through {@code sudo -S} with the password of {@code SCHEDCP_SUDO_PASSWORD} written to sudo's stdin.
 * The password never goes into a command line, a log line, a message or {@link #toString()}.
 */
public final class Privilege {

    /** The three ways of getting root. */
    public enum Mode {
        /** Already root. */
        DIRECT,
        /** {@code sudo -n}: sudo that fails instead of asking for a password. */
        SUDO_NON_INTERACTIVE,
        /** {@code sudo -S}: sudo that reads the password from stdin. */
        SUDO_PASSWORD
    }

    public static final String PASSWORD_VARIABLE = ConfigVariable.SUDO_PASSWORD.variable();

    private final Mode mode;
    private final byte[] password;
    private final String sudo;

    private Privilege(Mode mode, byte[] password) {
        this(mode, password, "sudo");
    }

    private Privilege(Mode mode, byte[] password, String sudo) {
        this.mode = mode;
        this.password = password;
        this.sudo = sudo;
    }

    /** The same privilege through another sudo program (tests: a sudo that is missing, or a stand-in). */
    Privilege withSudoProgram(String program) {
        return new Privilege(mode, password, program);
    }

    public static Privilege direct() {
        return new Privilege(Mode.DIRECT, new byte[0]);
    }

    public static Privilege sudoNonInteractive() {
        return new Privilege(Mode.SUDO_NON_INTERACTIVE, new byte[0]);
    }

    public static Privilege sudoWithPassword(String password) {
        return new Privilege(Mode.SUDO_PASSWORD, (password + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Root runs directly; otherwise the password variable decides between the two sudo modes. */
    public static Privilege detect(Map<String, String> env) {
        return detect(env, isRoot());
    }

    static Privilege detect(Map<String, String> env, boolean root) {
        if (root) {
            return direct();
        }
        String password = env.get(PASSWORD_VARIABLE);
        return password == null || password.isEmpty() ? sudoNonInteractive() : sudoWithPassword(password);
    }

    /** Whether this process runs with user id 0, from {@code /proc/self/status}. */
    public static boolean isRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    String[] ids = line.substring(4).trim().split("\\s+");
                    return ids.length > 1 && ids[1].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc: fall back on the user name.
        }
        return "root".equals(System.getProperty("user.name"));
    }

    public Mode mode() {
        return mode;
    }

    /**
     * The command line that runs {@code command} as root, with {@code env} set for it. Through sudo the
     * variables go through {@code env(1)}, since sudo resets the environment.
     */
    public List<String> wrap(List<String> command, Map<String, String> env) {
        List<String> full = new ArrayList<>();
        switch (mode) {
            case DIRECT -> {
                full.addAll(command);
                return full;
            }
            case SUDO_NON_INTERACTIVE -> full.addAll(List.of(sudo, "-n", "--"));
            case SUDO_PASSWORD -> full.addAll(List.of(sudo, "-S", "-p", "", "--"));
        }
        if (!env.isEmpty()) {
            full.add("env");
            env.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> full.add(e.getKey() + "=" + e.getValue()));
        }
        full.addAll(command);
        return full;
    }

    /** What to write to the program's stdin before anything else: the password for {@code sudo -S}. */
    public Optional<byte[]> stdinPreamble() {
        return mode == Mode.SUDO_PASSWORD ? Optional.of(Arrays.copyOf(password, password.length)) : Optional.empty();
    }

    @Override
    public String toString() {
        return "Privilege[" + mode + "]";
    }
}
