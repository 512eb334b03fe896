package io.schedcp.testkit.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake scheduler program, {@code fake-scheduler.sh}: a shell script that plays a sched_ext scheduler in a
 * {@link FakeSchedExt}. Its header lists its flags: {@code --sysfs DIR}, {@code --ops NAME} and one behaviour
 * such as {@code --never-enable} or {@code --ignore-int}; any other flag makes it fail to load.
 */
public final class FakeSchedulerProgram {

    private FakeSchedulerProgram() {}

    /**
     * Writes the program to {@code target}, executable, and returns it. Installed as {@code scx_NAME}, it
     * registers the ops name NAME unless given {@code --ops}.
     */
    public static Path installAt(Path target) {
        try (InputStream in = FakeSchedulerProgram.class.getResourceAsStream("fake-scheduler.sh")) {
            if (in == null) {
                throw new IllegalStateException("fake-scheduler.sh is not beside " + FakeSchedulerProgram.class
                        + "; the test kit's jar was built without its resources");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command that runs {@code program} in {@code sysfs} under {@code ops}, with {@code flags} after. */
    public static List<String> command(Path program, FakeSchedExt sysfs, String ops, List<String> flags) {
        List<String> command = new ArrayList<>(List.of(
                "/bin/sh", program.toString(), "--sysfs", sysfs.directory().toString(), "--ops", ops));
        command.addAll(flags);
        return command;
    }
}
