package io.schedcp.userspace.strategy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.policy.Dispatch;
import io.schedcp.api.policy.PolicyContext;
import io.schedcp.api.policy.PolicyProvider;
import io.schedcp.userspace.policy.FairPolicy;
import io.schedcp.userspace.policy.PolicyOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The {@code strategies} policy: {@link StrategiesPolicy}. Options: {@code file}, a JSON array of strategies (see
 * {@link StrategyJson}) to start with; {@code slice_us}, the slice of unmatched tasks; {@code cgroup_root}, where
 * cgroup2 is mounted. Built with a book of its own, the provider gives each policy that book, so that whoever holds
 * the provider (the agent's control socket) changes the strategies of the running policy.
 */
public final class StrategiesPolicyProvider implements PolicyProvider {

    public static final String NAME = "strategies";
    public static final String FILE = "file";
    public static final String SLICE_US = "slice_us";
    public static final String CGROUP_ROOT = "cgroup_root";

    private final Optional<StrategyBook> shared;

    /** Each policy gets a new book, filled from its {@code file} option. */
    public StrategiesPolicyProvider() {
        this.shared = Optional.empty();
    }

    /** Each policy follows {@code book}; a {@code file} option replaces what it holds. */
    public StrategiesPolicyProvider(StrategyBook book) {
        this.shared = Optional.of(book);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "fair sharing, with priority and slices for the tasks strategies match by pid, command or cgroup"
                + " (options file, slice_us, cgroup_root)";
    }

    @Override
    public StrategiesPolicy create(PolicyContext context) {
        PolicyOptions options = PolicyOptions.of(NAME, context.options(), Set.of(FILE, SLICE_US, CGROUP_ROOT));
        OptionalLong slice = options.sliceNs(SLICE_US);
        StrategyBook book = shared.orElseGet(StrategyBook::new);
        options.string(FILE).ifPresent(file -> book.replaceAll(read(file)));
        CgroupPaths cgroups = CgroupPaths.under(
                options.string(CGROUP_ROOT).map(StrategiesPolicyProvider::path).orElse(CgroupPaths.DEFAULT_ROOT));
        FairPolicy fair = new FairPolicy(slice.orElse(context.defaultSliceNs()), slice.orElse(Dispatch.DEFAULT_SLICE));
        return new StrategiesPolicy(book, cgroups, fair);
    }

    private static java.util.List<Strategy> read(String file) {
        Path path = path(file);
        String json;
        try {
            json = Files.readString(path);
        } catch (IOException e) {
            throw new IllegalArgumentException("option " + FILE + " names " + path + ", which cannot be read: " + e, e);
        }
        try {
            return StrategyJson.readList(json);
        } catch (SchedcpException e) {
            throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static Path path(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(value + " is not a path (" + e.getReason() + ")", e);
        }
    }
}
