package io.schedcp.core.manager;

import io.schedcp.api.ErrorDetail.RootRefused.Why;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why sudo refused to start a scheduler, read from what it printed: a password that was wrong, a password
 * that was needed and not given, a user sudo does not allow. Each asks for a different remedy, which the front
 * end that shows the failure gives in its own terms (the CLI runs as the user, the MCP server as whoever started
 * it).
 */
final class SudoRefusal {

    private SudoRefusal() {}

    /** Why sudo refused; empty when the output is not sudo's refusal. */
    static Optional<Why> of(List<String> output) {
        String text = String.join("\n", output).toLowerCase(Locale.ROOT);
        if (text.contains("incorrect password") || text.contains("sorry, try again")) {
            return Optional.of(Why.WRONG_PASSWORD);
        }
        if (text.contains("not in the sudoers file") || text.contains("is not allowed to")) {
            return Optional.of(Why.NOT_IN_SUDOERS);
        }
        if (output.stream().anyMatch(line -> line.startsWith("sudo:"))) {
            return Optional.of(Why.PASSWORD_NEEDED);
        }
        return Optional.empty();
    }

    /** The refusal in words, without a remedy. */
    static String fact(Why why) {
        return switch (why) {
            case WRONG_PASSWORD -> "sudo refused the password in SCHEDCP_SUDO_PASSWORD";
            case NOT_IN_SUDOERS -> "root is needed to load a scheduler, and this user may not use sudo";
            case PASSWORD_NEEDED -> "root is needed to load a scheduler, and sudo refused to run without a password";
            case NO_SUDO -> "root is needed to load a scheduler, and sudo could not be run";
        };
    }
}
