package io.schedcp.core.workload;

import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.SchedcpConfig;
import io.schedcp.core.json.SchedcpJson;
import io.schedcp.core.store.AtomicFiles;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Workload profiles and the history of their runs, in {@code <home>/workloads.json}.
 *
 * <p>Every change is a read-modify-write under an exclusive lock on {@code workloads.json.lock} beside the file,
 * and the file is replaced whole ({@link AtomicFiles#write}), so several processes (the CLI, an MCP server, a
 * benchmark) can add to it at once without losing a change, and a reader sees one version or the next, never a
 * part. Reads take no lock.
 *
 * <p>The file carries {@code "schema": 1}. Fields this build does not know are kept through its writes
 * ({@link UnknownFields}): a newer schedcp may add fields without raising the schema. A file that cannot be
 * read (not JSON, not this format, a bad schema number, inconsistent ids) is never moved by a read: a read
 * sees no workloads and {@link #problems()} says why. The next change renames it to
 * {@code workloads.json.corrupt-<UTC time>} and starts a new file; {@link #problems()} and the log say so, and
 * the old content stays in that file to be repaired. A file of a newer schema is different: it is not damaged,
 * it was written by a newer schedcp that the user also runs, and moving it aside would hide their workloads from
 * that newer schedcp, while rewriting it would drop what this build does not understand. So it is left exactly
 * as it is, and every operation fails with a message to upgrade. Any change to the format that an older build
 * could not keep whole raises the schema number.
 *
 * <p>A file the owner cannot write (mode 444) is left as it is: a change fails and says so. A symbolic link is
 * kept: changes are written to the file it points to.
 */
public final class WorkloadStore {

    /** The version of the file format this build reads and writes. */
    public static final int SCHEMA = 1;

    public static final String FILE_NAME = "workloads.json";

    private static final Logger LOG = LoggerFactory.getLogger(WorkloadStore.class);
    private static final DateTimeFormatter ASIDE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final int NAME_LENGTH = 40;
    private static final int IDS_LISTED = 20;

    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final Tagger tagger;
    private final List<String> problems = new CopyOnWriteArrayList<>();

    public WorkloadStore(Path home) {
        this(home, Clock.systemUTC(), Tagger.standard());
    }

    public WorkloadStore(Path home, Clock clock, Tagger tagger) {
        this.file = home.resolve(FILE_NAME);
        this.lockFile = home.resolve(FILE_NAME + ".lock");
        this.clock = clock;
        this.tagger = tagger;
    }

    /** The store in the data directory of {@code config} ({@code SCHEDCP_HOME}, or {@code ~/.schedcp}). */
    public static WorkloadStore of(SchedcpConfig config) {
        return new WorkloadStore(config.home());
    }

    public Path file() {
        return file;
    }

    /** What went wrong with the file since this store was made (a corrupt file moved aside), for the user. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /**
     * Stores a new workload described by {@code description}, tagged by the {@link Tagger}.
     *
     * @param name a short name; by default the description's first words
     * @throws SchedcpException INVALID_INPUT for a blank description or name
     */
    public WorkloadProfile create(String description, Optional<String> name) {
        String text = description == null ? "" : description.strip();
        // Built before the lock so that bad input fails without touching the file; the id is chosen under it.
        WorkloadProfile draft =
                new WorkloadProfile("w-", name.orElseGet(() -> defaultName(text)), text, tagger.tags(text), now());
        WorkloadProfile created = update(content -> {
            WorkloadProfile workload = new WorkloadProfile(
                    newId(content, "w-"), draft.name(), draft.description(), draft.tags(), draft.createdAt());
            return new Change<>(content.with(workload), workload);
        });
        LOG.info("created workload {} ({}), tags {}", created.id(), created.name(), created.tags());
        return created;
    }

    /** Every workload, oldest first. */
    public List<WorkloadProfile> list() {
        return read().workloads();
    }

    public Optional<WorkloadProfile> find(String id) {
        return read().find(normal(id));
    }

    /** The workload {@code id}, or a NOT_FOUND failure that lists the ones there are. */
    public WorkloadProfile require(String id) {
        return require(read(), id);
    }

    /** The runs recorded for workload {@code id}, oldest first. */
    public List<HistoryEntry> history(String id) {
        WorkloadFile content = read();
        return content.historyOf(require(content, id).id());
    }

    /** Every workload's runs by workload id, in one read: workloads without runs have an empty list. */
    public Map<String, List<HistoryEntry>> histories() {
        WorkloadFile content = read();
        Map<String, List<HistoryEntry>> histories = new LinkedHashMap<>();
        content.workloads().forEach(w -> histories.put(w.id(), content.historyOf(w.id())));
        return Collections.unmodifiableMap(histories);
    }

    /**
     * Records a run under workload {@code workloadId}, giving it an id.
     *
     * @throws SchedcpException NOT_FOUND when there is no such workload
     */
    public HistoryEntry addHistory(String workloadId, RunRecord run) {
        HistoryEntry added = update(content -> {
            WorkloadProfile workload = require(content, workloadId);
            HistoryEntry entry = new HistoryEntry(newId(content, "h-"), run);
            return new Change<>(content.with(workload.id(), entry), entry);
        });
        LOG.info(
                "recorded run {} of {} for workload {}: {}",
                added.id(),
                run.scheduler(),
                normal(workloadId),
                run.outcome());
        return added;
    }

    /**
     * The stored workloads that share at least one tag with {@code workload} (itself left out), most alike
     * first: by the number of shared tags, then by similarity, then newest first.
     */
    public List<SimilarWorkload> similar(WorkloadProfile workload) {
        List<SimilarWorkload> similar = new ArrayList<>();
        for (WorkloadProfile other : list()) {
            if (other.id().equals(workload.id())) {
                continue;
            }
            Set<WorkloadTag> shared = EnumSet.noneOf(WorkloadTag.class);
            shared.addAll(other.tags());
            shared.retainAll(workload.tags());
            if (!shared.isEmpty()) {
                Set<WorkloadTag> all = EnumSet.noneOf(WorkloadTag.class);
                all.addAll(other.tags());
                all.addAll(workload.tags());
                similar.add(new SimilarWorkload(other, shared, (double) shared.size() / all.size()));
            }
        }
        similar.sort(
                Comparator.comparingInt((SimilarWorkload s) -> s.sharedTags().size())
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(SimilarWorkload::similarity)
                                .reversed())
                        .thenComparing(s -> s.workload().createdAt(), Comparator.reverseOrder()));
        return List.copyOf(similar);
    }

    /** A change of the content and what the caller gets back. */
    private record Change<T>(WorkloadFile content, T result) {}

    private <T> T update(Function<WorkloadFile, Change<T>> change) {
        return AtomicFiles.locked(lockFile, () -> {
            Path target = writeTarget();
            Parsed.Loaded loaded = readLocked(target);
            Change<T> changed = change.apply(loaded.content());
            JsonNode written = loaded.unknown().addTo(SchedcpJson.mapper().valueToTree(changed.content()));
            AtomicFiles.write(target, serialise(written));
            return changed.result();
        });
    }

    /** The content, without the lock; a file that cannot be read is left where it is, and reads as empty. */
    private WorkloadFile read() {
        Parsed parsed = parse();
        if (parsed instanceof Parsed.Corrupt corrupt) {
            String message = file + " cannot be read: " + corrupt.reason() + ". It is left as it is and no "
                    + "workloads are shown; the next change to the workloads moves it aside to "
                    + file.getFileName() + ".corrupt-<time> and starts a new, empty store, so repair it first "
                    + "to keep your workloads and history";
            if (!problems.contains(message)) {
                LOG.warn("{}", message);
                problems.add(message);
            }
            return WorkloadFile.empty();
        }
        return ((Parsed.Loaded) parsed).content();
    }

    /** The content, holding the lock: a corrupt file is moved aside and the content starts empty. */
    private Parsed.Loaded readLocked(Path target) {
        Parsed parsed = parse();
        if (parsed instanceof Parsed.Corrupt corrupt) {
            moveAside(target, corrupt.reason());
            return new Parsed.Loaded(WorkloadFile.empty(), UnknownFields.none());
        }
        return (Parsed.Loaded) parsed;
    }

    /**
     * The file a change replaces: the store's file, or the file its symbolic link points to, so that the link
     * stays; refused when the owner may not write it. This is the rule {@link AtomicFiles#write} applies to every
     * write (follow a link, refuse a dangling one and anything not a regular file), said here in the store's
     * words before anything is read or moved aside, plus the read-only check, which is the store's own; the
     * write then gets the resolved path, so the two never disagree about which file is replaced.
     */
    private Path writeTarget() {
        Path target = file;
        if (Files.isSymbolicLink(file)) {
            try {
                target = file.toRealPath();
            } catch (IOException e) {
                throw new SchedcpException(
                        Kind.IO,
                        file + " is a symbolic link to a file that cannot be reached ("
                                + e.getMessage()
                                + "), so the workloads cannot be changed; point the link at a file, or "
                                + "remove it",
                        e);
            }
        }
        if (!Files.exists(target)) {
            return target;
        }
        if (!Files.isRegularFile(target)) {
            throw new SchedcpException(
                    Kind.IO,
                    target + " is not a regular file, so schedcp leaves it as it is "
                            + "and cannot change the workloads; move it away");
        }
        Set<PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(target);
        } catch (UnsupportedOperationException | IOException e) {
            return target;
        }
        if (!mode.contains(PosixFilePermission.OWNER_WRITE)) {
            throw new SchedcpException(
                    Kind.IO,
                    target + " is read-only (mode " + PosixFilePermissions.toString(mode)
                            + "), so schedcp leaves it as it is and cannot change the workloads; make it writable "
                            + "(chmod u+w " + target + ") to change them");
        }
        return target;
    }

    /** What reading the file gave. */
    private sealed interface Parsed {

        /** The content, and the fields of the file that this build does not know. */
        record Loaded(WorkloadFile content, UnknownFields unknown) implements Parsed {}

        record Corrupt(String reason) implements Parsed {}
    }

    private Parsed parse() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Parsed.Loaded(WorkloadFile.empty(), UnknownFields.none());
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO, "could not read " + file + ": " + e.getMessage() + "; check that it is readable", e);
        }
        JsonNode tree;
        try {
            tree = SchedcpJson.mapper().readTree(bytes);
        } catch (JacksonException e) {
            return new Parsed.Corrupt("it is not valid JSON (" + describe(e) + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            return new Parsed.Corrupt("it is empty");
        }
        if (!tree.isObject()) {
            return new Parsed.Corrupt(
                    "it holds a JSON " + tree.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        Optional<String> badSchema = schemaProblem(tree.get("schema"));
        if (badSchema.isPresent()) {
            return new Parsed.Corrupt(badSchema.get());
        }
        BigInteger schema = tree.get("schema").bigIntegerValue();
        if (schema.compareTo(BigInteger.valueOf(SCHEMA)) > 0) {
            String message = file + " was written by a newer schedcp (workload file schema " + schema
                    + "; this schedcp knows schema " + SCHEMA + "), so it is left as it is; upgrade schedcp to "
                    + "read and change your workloads";
            LOG.warn("{}", message);
            throw new SchedcpException(Kind.IO, message);
        }
        WorkloadFile content;
        try {
            content = SchedcpJson.mapper().treeToValue(UnreadableSummaries.removedFrom(tree), WorkloadFile.class);
        } catch (JacksonException | SchedcpException | NullPointerException e) {
            return new Parsed.Corrupt("it is not a workload file (" + describe(e) + ")");
        }
        Optional<String> inconsistency = content.inconsistency();
        if (inconsistency.isPresent()) {
            return new Parsed.Corrupt(inconsistency.get());
        }
        return new Parsed.Loaded(
                content, new UnknownFields(tree, SchedcpJson.mapper().valueToTree(content)));
    }

    /** What is wrong with the {@code schema} field, if anything: missing, not a whole number, under 1. */
    private static Optional<String> schemaProblem(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return Optional.of("it has no \"schema\" number");
        }
        if (!schema.isNumber()) {
            return Optional.of("its \"schema\" is " + schema + ", a "
                    + schema.getNodeType().name().toLowerCase(Locale.ROOT)
                    + ", not a number; this schedcp writes \"schema\": " + SCHEMA);
        }
        if (!schema.isIntegralNumber()) {
            return Optional.of("its \"schema\" is " + schema + ", not a whole number; this schedcp writes "
                    + "\"schema\": " + SCHEMA);
        }
        int sign = schema.bigIntegerValue().signum();
        if (sign < 0) {
            return Optional.of("its \"schema\" is " + schema + ", a negative number; schema numbers start at 1");
        }
        if (sign == 0) {
            return Optional.of("its \"schema\" is 0; schema numbers start at 1");
        }
        return Optional.empty();
    }

    private void moveAside(Path target, String reason) {
        Path aside = asideName(target);
        try {
            AtomicFiles.move(target, aside);
            AtomicFiles.forceDirectory(target.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new SchedcpException(
                    Kind.IO,
                    file + " cannot be read (" + reason + ") and could not be moved " + "aside to " + aside + ": "
                            + e.getMessage() + "; move or repair it yourself",
                    e);
        }
        String message = file + " could not be read: " + reason + ". It was moved to " + aside + " and a new, "
                + "empty workload store begins; your old workloads and history are in that file: repair it and "
                + "move it back while no schedcp runs to get them back";
        LOG.warn("{}", message);
        problems.add(message);
    }

    private Path asideName(Path target) {
        String base = target.getFileName() + ".corrupt-" + ASIDE_TIME.format(clock.instant());
        Path aside = target.resolveSibling(base);
        for (int n = 2; Files.exists(aside); n++) {
            aside = target.resolveSibling(base + "-" + n);
        }
        return aside;
    }

    private WorkloadProfile require(WorkloadFile content, String id) {
        return content.find(normal(id)).orElseThrow(() -> {
            List<WorkloadProfile> workloads = content.workloads();
            List<String> ids = workloads.stream()
                    .limit(IDS_LISTED)
                    .map(WorkloadProfile::id)
                    .toList();
            return new SchedcpException(
                    Kind.NOT_FOUND,
                    "there is no workload '" + id + "'" + known(workloads),
                    new UnknownName(Subject.WORKLOAD, id, ids));
        });
    }

    private static String known(List<WorkloadProfile> workloads) {
        if (workloads.isEmpty()) {
            return "; there are no workloads yet";
        }
        String listed = workloads.stream()
                .limit(IDS_LISTED)
                .map(w -> w.id() + " (" + w.name() + ")")
                .collect(Collectors.joining(", "));
        int more = workloads.size() - IDS_LISTED;
        return "; the workloads are " + listed + (more > 0 ? " and " + more + " more" : "");
    }

    private static String newId(WorkloadFile content, String prefix) {
        String id;
        do {
            id = prefix + String.format("%08x", ThreadLocalRandom.current().nextInt());
        } while (content.uses(id));
        return id;
    }

    /** The description's first words, up to about {@value #NAME_LENGTH} characters. */
    static String defaultName(String description) {
        String line = description.strip().lines().findFirst().orElse("");
        if (line.length() <= NAME_LENGTH) {
            return line;
        }
        int cut = line.lastIndexOf(' ', NAME_LENGTH);
        return (cut > 0 ? line.substring(0, cut) : line.substring(0, NAME_LENGTH)).strip() + "...";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String normal(String id) {
        return id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
    }

    private byte[] serialise(JsonNode content) {
        return (SchedcpJson.indented(content) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Jackson's complaint in the file's terms: what is wrong, and where, such as {@code workloads[0].tags[1]}. */
    private static String describe(RuntimeException e) {
        if (!(e instanceof JacksonException jackson)) {
            return String.valueOf(e.getMessage());
        }
        String what = jackson.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            what = "unknown property \"" + unknown.getPropertyName() + "\"";
        } else if (e instanceof InvalidFormatException format) {
            what = "\"" + format.getValue() + "\" is not a valid "
                    + format.getTargetType().getSimpleName();
        } else if (e instanceof ValueInstantiationException && e.getCause() != null) {
            what = e.getCause().getMessage();
        }
        StringBuilder where = new StringBuilder();
        for (JacksonException.Reference step : jackson.getPath()) {
            if (step.getPropertyName() != null) {
                where.append(where.length() == 0 ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                where.append('[').append(step.getIndex()).append(']');
            }
        }
        return what + (where.length() == 0 ? "" : " at " + where);
    }
}
