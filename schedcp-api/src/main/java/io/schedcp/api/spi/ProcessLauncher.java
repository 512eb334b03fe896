package io.schedcp.api.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Starts a scheduler program as root (directly or through sudo), capturing its output. */
public interface ProcessLauncher {

    /**
     * Starts {@code spec} and returns its handle; stopping the handle signals the program.
     *
     * @throws io.schedcp.api.SchedcpException if the program cannot be started
     */
    SchedulerHandle launch(Spec spec);

    /**
     * @param schedulerName the scheduler this program is, for the handle and the log
     * @param command       the program and its arguments
     * @param environment   variables to add to the inherited environment
     * @param workDirectory where to run it, if not the current directory
     */
    record Spec(
            String schedulerName, List<String> command, Map<String, String> environment, Optional<Path> workDirectory) {

        public Spec {
            Objects.requireNonNull(schedulerName, "schedulerName");
            command = List.copyOf(command);
            if (command.isEmpty()) {
                throw new IllegalArgumentException("command is empty");
            }
            environment = Map.copyOf(Objects.requireNonNullElse(environment, Map.of()));
            workDirectory = Objects.requireNonNullElse(workDirectory, Optional.empty());
        }

        public static Spec of(String schedulerName, List<String> command) {
            return new Spec(schedulerName, command, Map.of(), Optional.empty());
        }
    }
}
