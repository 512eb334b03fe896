package io.schedcp.api;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link SchedcpException} is about, as data: the name that matched nothing and the names there are,
 * the input that was out of range, why root could not be had. The exception's message states the fact in words
 * and gives no advice; each front end reads this to add its own (the CLI names a command or a flag, the MCP
 * server a tool or an argument), so one message carries one remedy, in the words of the front end that shows it.
 * A {@link Visitor} makes every front end answer every case: a new one does not compile until they do.
 */
public sealed interface ErrorDetail extends Serializable {

    <R> R accept(Visitor<R> visitor);

    /** What kind of thing a name or id names. */
    enum Subject {
        /** A scheduler of any provider, by plain or qualified name. */
        SCHEDULER,
        /** A custom scheduler, stored under {@code ~/.schedcp/custom}. */
        CUSTOM_SCHEDULER,
        /** One start of a scheduler by a manager. */
        EXECUTION,
        /** A workload profile of the workload store. */
        WORKLOAD,
        /** A system monitor of {@code Monitors}. */
        MONITOR
    }

    /** A value the user gives, by what it means rather than by how a front end spells it. */
    enum Input {
        /** The schedulers a benchmark compares. */
        BENCH_SCHEDULERS,
        /** The command a benchmark runs. */
        BENCH_COMMAND,
        /** How many times a benchmark runs its command under each scheduler. */
        BENCH_RUNS,
        /** The custom schedulers to verify. */
        VERIFY_NAMES,
        /** How long a verification runs each scheduler. */
        VERIFY_SECONDS,
        /** Where a verification runs: host, lab or auto. */
        VERIFY_WHERE
    }

    /**
     * No {@code subject} is named {@code name}.
     *
     * @param candidates names there are, the closest first, at most a few; empty when there are none (or, for a
     *                   scheduler, none close to it)
     */
    record UnknownName(Subject subject, String name, List<String> candidates) implements ErrorDetail {
        public UnknownName {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(name, "name");
            candidates = List.copyOf(candidates);
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unknownName(this);
        }
    }

    /** A {@code subject} named {@code name} exists already, so a new one cannot take the name. */
    record NameTaken(Subject subject, String name) implements ErrorDetail {
        public NameTaken {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.nameTaken(this);
        }
    }

    /** {@code input} was needed and not given. */
    record MissingInput(Input input) implements ErrorDetail {
        public MissingInput {
            Objects.requireNonNull(input, "input");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.missingInput(this);
        }
    }

    /** {@code value} appears more than once in {@code input}, which takes each value once. */
    record RepeatedValue(Input input, String value) implements ErrorDetail {
        public RepeatedValue {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.repeatedValue(this);
        }
    }

    /** {@code value} was given for {@code input}, which takes {@code min} to {@code max}. */
    record OutOfRange(Input input, long value, long min, long max) implements ErrorDetail {
        public OutOfRange {
            Objects.requireNonNull(input, "input");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.outOfRange(this);
        }
    }

    /** {@code value} is a valid {@code input}, but not on this host (verifying on a host without sched_ext). */
    record NotPossibleHere(Input input, String value) implements ErrorDetail {
        public NotPossibleHere {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notPossibleHere(this);
        }
    }

    /** The custom scheduler {@code name} is stored but cannot run, for {@code why}. */
    record CustomNotRunnable(String name, Why why) implements ErrorDetail {

        /** What stands between a stored custom scheduler and a run. */
        public enum Why {
            /** It was never verified. */
            NOT_VERIFIED,
            /** Its last verification failed. */
            FAILED_VERIFICATION,
            /** Its compiled BPF object is gone. */
            OBJECT_MISSING
        }

        public CustomNotRunnable {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(why, "why");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.customNotRunnable(this);
        }
    }

    /**
     * {@code wanted} did not start because the kernel runs {@code ops}, a sched_ext scheduler that this manager did
     * not start.
     *
     * @param holdersSeen whether the programs that hold it were found, so that a start asked to replace it can
     *                    stop them; false when none could be seen (another user's, without root)
     */
    record ForeignScheduler(String wanted, String ops, boolean holdersSeen) implements ErrorDetail {
        public ForeignScheduler {
            Objects.requireNonNull(wanted, "wanted");
            Objects.requireNonNull(ops, "ops");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.foreignScheduler(this);
        }
    }

    /** Root was needed and could not be had, for {@code why}. */
    record RootRefused(Why why) implements ErrorDetail {

        /** How getting root failed; each has its own remedy. */
        public enum Why {
            /** There is no sudo to run, or it could not be started. */
            NO_SUDO,
            /** sudo refused the password of SCHEDCP_SUDO_PASSWORD. */
            WRONG_PASSWORD,
            /** This user is not allowed to use sudo. */
            NOT_IN_SUDOERS,
            /** sudo wanted a password and none was given. */
            PASSWORD_NEEDED
        }

        public RootRefused {
            Objects.requireNonNull(why, "why");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rootRefused(this);
        }
    }

    /** One answer per kind of detail: a front end's advice, for one. */
    interface Visitor<R> {
        R unknownName(UnknownName detail);

        R nameTaken(NameTaken detail);

        R missingInput(MissingInput detail);

        R repeatedValue(RepeatedValue detail);

        R outOfRange(OutOfRange detail);

        R notPossibleHere(NotPossibleHere detail);

        R customNotRunnable(CustomNotRunnable detail);

        R foreignScheduler(ForeignScheduler detail);

        R rootRefused(RootRefused detail);
    }
}
