package io.schedcp.userspace.strategy;

import io.schedcp.api.policy.QueuedTask;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Which tasks a {@link Strategy} applies to: one pid, the commands a regex finds, or a cgroup's subtree. */
public sealed interface TaskMatch {

    /** Whether {@code task} is one of these; {@code cgroups} names its cgroup when the match needs it. */
    boolean matches(QueuedTask task, CgroupPaths cgroups);

    /** The thread whose kernel pid is {@code pid}. */
    record ByPid(int pid) implements TaskMatch {

        public ByPid {
            if (pid < 1) {
                throw new IllegalArgumentException("a strategy's pid is at least 1, not " + pid);
            }
        }

        @Override
        public boolean matches(QueuedTask task, CgroupPaths cgroups) {
            return task.pid() == pid;
        }
    }

    /**
     * The tasks whose command name (at most 15 characters, as {@code /proc/PID/comm} shows it) {@code pattern}
     * finds somewhere: {@code ^nginx$} for that command alone. Matching allocates a {@link java.util.regex.Matcher}.
     */
    record ByComm(Pattern pattern) implements TaskMatch {

        public ByComm {
            Objects.requireNonNull(pattern, "pattern");
        }

        /**
         * @throws IllegalArgumentException naming the regex and what is wrong with it
         */
        public static ByComm of(String regex) {
            try {
                return new ByComm(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "the command regex " + regex + " is not a valid regex (" + e.getDescription() + " at index "
                                + e.getIndex() + ")",
                        e);
            }
        }

        public String regex() {
            return pattern.pattern();
        }

        @Override
        public boolean matches(QueuedTask task, CgroupPaths cgroups) {
            return pattern.matcher(task.comm()).find();
        }

        // Pattern has no equals of its own: two matches are the same when their regexes and flags are.
        @Override
        public boolean equals(Object other) {
            return other instanceof ByComm that
                    && regex().equals(that.regex())
                    && pattern.flags() == that.pattern.flags();
        }

        @Override
        public int hashCode() {
            return regex().hashCode();
        }

        @Override
        public String toString() {
            return "ByComm[" + regex() + "]";
        }
    }

    /**
     * The tasks in the cgroup {@code path} or in a cgroup under it, so that a Kubernetes pod matches through its
     * directory whatever its containers are called.
     *
     * @param path relative to the cgroup2 mount, without leading or trailing slashes; empty for the root
     */
    record ByCgroup(String path) implements TaskMatch {

        public ByCgroup {
            Objects.requireNonNull(path, "path");
            if (path.startsWith("/") || path.endsWith("/") || !path.equals(normalize(path))) {
                throw new IllegalArgumentException(
                        "a cgroup match's path is relative to the cgroup2 mount and normalized, not " + path
                                + "; build it with ByCgroup.of");
            }
        }

        /**
         * The subtree of {@code path}: under {@link CgroupPaths#DEFAULT_ROOT} when it starts with it, else as
         * {@code /proc/PID/cgroup} writes it (absolute from the cgroup2 root) or relative to the mount.
         *
         * @throws IllegalArgumentException when it is not a path, or climbs above the cgroup2 root
         */
        public static ByCgroup of(String path) {
            String text = path.strip();
            Path asked;
            try {
                asked = Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("the cgroup " + path + " is not a path (" + e.getReason() + ")", e);
            }
            if (asked.startsWith(CgroupPaths.DEFAULT_ROOT)) {
                asked = CgroupPaths.DEFAULT_ROOT.relativize(asked);
            } else if (asked.isAbsolute()) {
                asked = asked.getRoot().relativize(asked);
            }
            if (asked.normalize().startsWith("..")) {
                throw new IllegalArgumentException("the cgroup " + path + " climbs above the cgroup2 root; name a "
                        + "cgroup under " + CgroupPaths.DEFAULT_ROOT);
            }
            return new ByCgroup(normalize(asked.toString()));
        }

        @Override
        public boolean matches(QueuedTask task, CgroupPaths cgroups) {
            Optional<String> taskPath = cgroups.path(task.cgroupId());
            if (taskPath.isEmpty()) {
                return false;
            }
            String own = taskPath.get();
            return path.isEmpty()
                    || own.equals(path)
                    || (own.length() > path.length() && own.startsWith(path) && own.charAt(path.length()) == '/');
        }

        private static String normalize(String path) {
            String normal = Path.of(path).normalize().toString().replace('\\', '/');
            while (normal.endsWith("/")) {
                normal = normal.substring(0, normal.length() - 1);
            }
            return normal;
        }
    }
}
