package io.schedcp.bpf.custom;

import io.schedcp.api.SchedcpException;
import java.util.List;
import java.util.Objects;

/**
 * Create a custom scheduler and verify it, as every front end offers it: every argument is checked before
 * anything is stored, the source is checked, compiled and stored, then run in a real sched_ext kernel under a
 * workload. The answer is one {@link CreationReport}; a front end only parses its input, follows the
 * {@link Progress} and renders the report.
 */
public final class CreateAndVerify {

    /** What happens on the way, for a front end to show; each step is optional to follow. */
    public interface Progress {

        /** The source is about to be checked and compiled. */
        default void compiling(String name) {}

        /** The source was stored ({@code report.created()}); verification follows. */
        default void created(CreationReport report) {}

        /** A line of the verifier's progress. */
        default void verifying(String line) {}
    }

    /**
     * What to create and how to verify it.
     *
     * @param seconds how long verification runs the scheduler under the workload
     */
    public record Request(String name, CustomSource source, DescriptorFields fields, VerifyWhere where, int seconds) {

        public Request {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(fields, "fields");
            Objects.requireNonNull(where, "where");
        }

        /** Verified where the kernel has sched_ext (host, else lab), for the default time. */
        public static Request of(String name, CustomSource source, DescriptorFields fields) {
            return new Request(name, source, fields, VerifyWhere.AUTO, CustomVerifier.DEFAULT_SECONDS);
        }

        public Request withSeconds(int seconds) {
            return new Request(name, source, fields, where, seconds);
        }
    }

    private final CustomSchedulers schedulers;
    private final CustomVerifier verifier;

    public CreateAndVerify(CustomSchedulers schedulers, CustomVerifier verifier) {
        this.schedulers = Objects.requireNonNull(schedulers, "schedulers");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
    }

    public static CreateAndVerify of(CustomTools tools) {
        return new CreateAndVerify(tools.schedulers(), tools.verifier());
    }

    /**
     * Checks, compiles and stores {@code name}, without verifying it. A rejected source is in the report,
     * not thrown.
     *
     * @throws SchedcpException INVALID_INPUT for a bad or taken name or an unreadable file, UNAVAILABLE
     *                          without a BPF toolchain
     */
    public CreationReport create(String name, CustomSource source, DescriptorFields fields)
            throws InterruptedException {
        CustomName.require(name);
        return CreationReport.of(name, store(name, source, fields));
    }

    /**
     * Creates and, once created, verifies. A rejected source or a failed verification is in the report.
     *
     * @throws SchedcpException INVALID_INPUT for a bad argument (before anything is stored), or any failure to
     *                          verify at all, saying that the scheduler was created
     */
    public CreationReport run(Request request, Progress progress) throws InterruptedException {
        String name = CustomName.require(request.name());
        CustomVerifier.requireSeconds(request.seconds());
        progress.compiling(name);
        CreationReport report = CreationReport.of(name, store(name, request.source(), request.fields()));
        if (!report.created()) {
            return report;
        }
        progress.created(report);
        List<VerificationResult> results;
        try {
            results = verifier.verify(List.of(name), request.where(), request.seconds(), progress::verifying);
        } catch (SchedcpException e) {
            throw e.wrapped("created " + CustomName.qualified(name) + ", but could not verify it: " + e.getMessage());
        }
        return report.verifiedAs(results.get(0));
    }

    private CreateOutcome store(String name, CustomSource source, DescriptorFields fields) throws InterruptedException {
        if (source instanceof CustomSource.File file) {
            return schedulers.create(name, file.path(), fields);
        }
        CustomSource.Text text = (CustomSource.Text) source;
        return schedulers.create(name, text.text(), text.fileLabel(), text.origin(), fields);
    }
}
