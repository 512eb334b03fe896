package io.schedcp.bpf.custom;

import io.schedcp.api.ErrorDetail.NameTaken;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.store.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The custom schedulers on disk: {@code <home>/custom/<name>/} holds {@code source.bpf.c}, {@code object.bpf.o}
 * and {@code meta.json}. A scheduler appears whole or not at all (it is assembled in a hidden directory and
 * renamed into place), metadata is replaced atomically, and writers take turns on {@code custom/.lock}, so
 * the CLI and an MCP server can work at once.
 */
public final class CustomStore {

    private static final Logger LOG = LoggerFactory.getLogger(CustomStore.class);

    private final Path root;

    public CustomStore(Path home) {
        this.root = home.resolve("custom");
    }

    public Path root() {
        return root;
    }

    /** The stored schedulers by name; one whose metadata cannot be read is logged and left out. */
    public List<CustomScheduler> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<CustomScheduler> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path directory : entries.sorted().toList()) {
                String name = directory.getFileName().toString();
                if (!name.startsWith(".") && Files.isDirectory(directory)) {
                    read(directory).ifPresent(found::add);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list {}: {}", root, e.getMessage());
        }
        return found;
    }

    public Optional<CustomScheduler> find(String name) {
        Path directory = root.resolve(name);
        return Files.isDirectory(directory) ? read(directory) : Optional.empty();
    }

    /** The scheduler {@code name}, or a NOT_FOUND failure that lists the ones there are. */
    public CustomScheduler require(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(CustomScheduler::name).toList();
            return new SchedcpException(
                    Kind.NOT_FOUND,
                    "there is no custom scheduler '" + name + "'"
                            + (names.isEmpty() ? "; there are none yet" : "; the custom schedulers are " + names),
                    new UnknownName(Subject.CUSTOM_SCHEDULER, name, names));
        });
    }

    /** Fails with INVALID_INPUT when a scheduler named {@code name} is stored already. */
    public void requireFree(String name) {
        if (Files.exists(root.resolve(name))) {
            throw new SchedcpException(
                    Kind.INVALID_INPUT,
                    "a custom scheduler named '" + name + "' exists already",
                    new NameTaken(Subject.CUSTOM_SCHEDULER, name));
        }
    }

    /**
     * Stores a new scheduler from its source text and compiled object.
     *
     * @throws SchedcpException INVALID_INPUT when the name is taken
     */
    public CustomScheduler add(CustomMeta meta, String source, Path object) {
        return AtomicFiles.locked(lockFile(), () -> {
            requireFree(meta.name());
            Path target = root.resolve(meta.name());
            Path staging = root.resolve(".new-" + meta.name() + "-" + random());
            try {
                Files.createDirectories(staging);
                AtomicFiles.write(staging.resolve(CustomScheduler.SOURCE), source.getBytes(StandardCharsets.UTF_8));
                AtomicFiles.write(staging.resolve(CustomScheduler.OBJECT), Files.readAllBytes(object));
                AtomicFiles.write(
                        staging.resolve(CustomScheduler.META),
                        SchedcpJson.mapper().writeValueAsBytes(meta));
                AtomicFiles.move(staging, target);
                AtomicFiles.forceDirectory(root);
            } catch (IOException | RuntimeException e) {
                deleteTree(staging);
                if (e instanceof SchedcpException s) {
                    throw s;
                }
                throw new SchedcpException(
                        Kind.IO,
                        "could not store custom scheduler " + meta.name() + " in " + root + ": " + e.getMessage(),
                        e);
            }
            LOG.info("stored custom scheduler {} in {}", meta.name(), target);
            return new CustomScheduler(target, meta);
        });
    }

    /** Replaces the metadata of {@code name} with what {@code change} makes of it. */
    public CustomScheduler update(String name, UnaryOperator<CustomMeta> change) {
        return AtomicFiles.locked(lockFile(), () -> {
            CustomScheduler current = require(name);
            CustomMeta changed = change.apply(current.meta());
            AtomicFiles.write(current.metaFile(), SchedcpJson.mapper().writeValueAsBytes(changed));
            return new CustomScheduler(current.directory(), changed);
        });
    }

    /** Deletes {@code name}: first renamed out of sight in one step, then its files removed. */
    public void remove(String name) {
        AtomicFiles.locked(lockFile(), () -> {
            CustomScheduler current = require(name);
            Path doomed = root.resolve(".removed-" + name + "-" + random());
            try {
                AtomicFiles.move(current.directory(), doomed);
            } catch (IOException e) {
                throw new SchedcpException(
                        Kind.IO,
                        "could not remove " + current.directory() + ": " + e.getMessage() + "; check that " + root
                                + " is writable",
                        e);
            }
            deleteTree(doomed);
            LOG.info("removed custom scheduler {}", name);
            return null;
        });
    }

    private Optional<CustomScheduler> read(Path directory) {
        Path meta = directory.resolve(CustomScheduler.META);
        try {
            CustomMeta parsed = SchedcpJson.mapper().readValue(Files.readAllBytes(meta), CustomMeta.class);
            if (!parsed.name().equals(directory.getFileName().toString())) {
                LOG.warn("{} names scheduler '{}', not its directory's name; ignored", meta, parsed.name());
                return Optional.empty();
            }
            return Optional.of(new CustomScheduler(directory, parsed));
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "custom scheduler in {} skipped: its {} cannot be read ({}); remove the directory or fix the "
                            + "file",
                    directory,
                    CustomScheduler.META,
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Path lockFile() {
        return root.resolve(".lock");
    }

    private static String random() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    static void deleteTree(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.delete(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("could not delete {}: {}", directory, e.getMessage());
        }
    }
}
