package io.schedcp.cli;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.recommend.Recommendation;
import io.schedcp.core.recommend.Recommender;
import io.schedcp.core.workload.Tagger;
import io.schedcp.core.workload.WorkloadStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code schedcp recommend}: schedulers ranked for a workload, with the reason for each. */
@Command(
        name = "recommend",
        mixinStandardHelpOptions = true,
        description = {
            "Rank the schedulers for a workload, with the reason for each.",
            "Two things count: how well a scheduler's use cases match the workload's tags, and, weighted",
            "three times above that, what was measured: the history of this workload and of similar ones",
            "(from 'schedcp bench' or 'schedcp workload add-history'). Schedulers that can run here rank",
            "first; the others follow with the reason they cannot."
        })
final class RecommendCommand implements Callable<Integer> {

    @ParentCommand
    private SchedcpCommand root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    static final class Target {
        @Parameters(paramLabel = "DESCRIPTION", description = "The workload in your own words.")
        String description;

        @Option(names = "--workload", paramLabel = "ID", description = "A stored workload (schedcp workload list).")
        String workload;
    }

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many to show (default ${DEFAULT-VALUE}; 0 for all).")
    private int top;

    @Option(names = "--json", description = "Print the ranking as JSON.")
    private boolean json;

    @Override
    public Integer call() {
        CliContext context = root.context();
        if (top < 0) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT, "--top " + top + " is not a count: give how many to show, " + "or 0 for all");
        }
        WorkloadStore store = context.workloads();
        Recommender recommender = new Recommender(context.manager().list(), store, Tagger.standard());
        List<Recommendation> ranked = target.workload != null
                ? recommender.forWorkload(target.workload)
                : recommender.forDescription(target.description);
        context.warn(store.problems());
        List<Recommendation> shown = top > 0 ? ranked.subList(0, Math.min(top, ranked.size())) : ranked;
        if (json) {
            context.json(shown);
            return ExitCodes.OK;
        }
        for (Recommendation r : shown) {
            context.out()
                    .printf(
                            "%2d. %-16s %s%n      %s%n",
                            r.rank(),
                            r.scheduler(),
                            r.available() ? String.format("score %.2f", r.score()) : "(cannot run here)",
                            r.reason());
        }
        if (shown.size() < ranked.size()) {
            context.out().println("(" + (ranked.size() - shown.size()) + " more; --top 0 shows all)");
        }
        return ExitCodes.OK;
    }
}
