package io.schedcp.core.manager;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why sudo refused to start a scheduler, read from what it printed: a password that was wrong, a password
 * that was needed and not given, a user sudo does not allow. Each asks for a different remedy.
 */
final class SudoRefusal {

    private SudoRefusal() {
    }

    /** Why sudo refused, with the remedy; empty when the output is not sudo's refusal. */
    static Optional<String> of(List<String> output) {
        String text = String.join("\n", output).toLowerCase(Locale.ROOT);
        if (text.contains("incorrect password") || text.contains("sorry, try again")) {
            return Optional.of("sudo refused the password in SCHEDCP_SUDO_PASSWORD; set it to this user's "
                    + "correct password, or run schedcp as root");
        }
        if (text.contains("not in the sudoers file") || text.contains("is not allowed to")) {
            return Optional.of("this user may not use sudo; run schedcp as root, or have an administrator allow "
                    + "this user in sudoers");
        }
        if (output.stream().anyMatch(line -> line.startsWith("sudo:"))) {
            return Optional.of("root is needed to load a scheduler and sudo refused; run schedcp as root, allow "
                    + "passwordless sudo, or set SCHEDCP_SUDO_PASSWORD");
        }
        return Optional.empty();
    }
}
