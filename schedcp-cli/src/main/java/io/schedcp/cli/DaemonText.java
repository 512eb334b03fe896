package io.schedcp.cli;

import io.schedcp.daemon.supervise.SupervisorStatus;

/** How the CLI tells a person where the daemon's scheduler is, in one line. */
final class DaemonText {

    private DaemonText() {}

    static String status(SupervisorStatus s) {
        StringBuilder text = new StringBuilder(s.phase().name().toLowerCase(java.util.Locale.ROOT));
        s.scheduler().ifPresent(name -> text.append(' ').append(name));
        if (!s.args().isEmpty()) {
            text.append(' ').append(String.join(" ", s.args()));
        }
        s.executionId().ifPresent(id -> text.append(" (").append(id).append(')'));
        if (s.restarts() > 0) {
            text.append(", ").append(s.restarts()).append(" restart(s)");
        }
        s.lastFailure().ifPresent(why -> text.append("; last failure: ").append(why));
        return text.toString();
    }
}
