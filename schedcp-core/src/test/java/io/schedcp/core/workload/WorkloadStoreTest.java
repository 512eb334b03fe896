package io.schedcp.core.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import io.schedcp.core.monitor.MonitorSummary;
import io.schedcp.core.monitor.SummaryFixtures;
import io.schedcp.core.store.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WorkloadStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:15:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path home;

    private WorkloadStore store() {
        return new WorkloadStore(home, Clock.fixed(NOW, ZoneOffset.UTC), Tagger.standard());
    }

    private Path file() {
        return home.resolve("workloads.json");
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private static RunRecord run(String scheduler, String result) {
        return RunRecord.of(scheduler, NOW, result);
    }

    private static String validFile(String workloadFields) {
        return "{\"schema\": 1, \"workloads\": [{\"id\": \"w-0000abcd\", \"name\": \"n\", \"description\": \"d\","
                + " \"tags\": [], \"created_at\": \"2026-01-01T00:00:00Z\"" + workloadFields + "}]}";
    }

    @Test
    void createGivesAShortIdTagsTheDescriptionAndNamesItByItsFirstWords() {
        WorkloadProfile workload = store().create(
                        "Kernel build with make -j32 on the big build box, as fast as " + "possible", Optional.empty());

        assertThat(workload.id()).matches("w-[0-9a-f]{8}");
        assertThat(workload.name()).isEqualTo("Kernel build with make -j32 on the big...");
        assertThat(workload.tags()).containsExactly(WorkloadTag.BATCH, WorkloadTag.BUILD);
        assertThat(workload.createdAt()).isEqualTo(NOW);
    }

    @Test
    void createKeepsAGivenName() {
        WorkloadProfile workload = store().create("nginx serving the company site", Optional.of(" web "));

        assertThat(workload.name()).isEqualTo("web");
        assertThat(workload.description()).isEqualTo("nginx serving the company site");
    }

    @Test
    void createRefusesABlankDescriptionAndWritesNothing() {
        assertThatThrownBy(() -> store().create("  ", Optional.empty()))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT))
                .hasMessageContaining("a workload needs a description");
        assertThat(file()).doesNotExist();
    }

    @Test
    void aBlankDescriptionLeavesEvenACorruptFileAlone() throws IOException {
        Files.writeString(file(), "not json");

        assertThatThrownBy(() -> store().create("", Optional.empty()))
                .hasMessageContaining("a workload needs a description");
        assertThat(entries()).containsExactly("workloads.json");
    }

    @Test
    void workloadsAreListedOldestFirstAndFoundByANewStoreOnTheSameFile() {
        WorkloadProfile first = store().create("gaming", Optional.empty());
        WorkloadProfile second = store().create("postgres", Optional.empty());

        WorkloadStore reopened = new WorkloadStore(home);

        assertThat(reopened.list()).containsExactly(first, second);
        assertThat(reopened.find(second.id())).contains(second);
        assertThat(reopened.find(" " + second.id().toUpperCase(Locale.ROOT) + " "))
                .contains(second);
        assertThat(reopened.find("w-00000000")).isEmpty();
    }

    @Test
    void anEmptyHomeHasNoWorkloadsAndReadingCreatesNoFile() throws IOException {
        assertThat(store().list()).isEmpty();
        assertThat(entries()).isEmpty();
    }

    @Test
    void requireOfAnUnknownIdIsNotFoundAndListsTheKnownIds() {
        WorkloadProfile known = store().create("gaming", Optional.of("games"));

        assertThatThrownBy(() -> store().require("w-12345678"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("there is no workload 'w-12345678'; the workloads are " + known.id() + " (games)")
                .satisfies(e -> assertThat(((SchedcpException) e).detail())
                        .contains(new UnknownName(Subject.WORKLOAD, "w-12345678", List.of(known.id()))));
    }

    @Test
    void requireWithNoWorkloadsSaysThereAreNoneAndNamesNoCandidates() {
        assertThatThrownBy(() -> store().history("w-12345678"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessage("there is no workload 'w-12345678'; there are no workloads yet")
                .satisfies(e -> assertThat(((SchedcpException) e).detail())
                        .contains(new UnknownName(Subject.WORKLOAD, "w-12345678", List.of())));
    }

    @Test
    void historyKeepsRunsInOrderEachWithItsOwnId() {
        WorkloadProfile workload = store().create("kernel build", Optional.empty());
        WorkloadProfile other = store().create("gaming", Optional.empty());

        HistoryEntry first = store().addHistory(workload.id(), run("scx_rusty", "fast"));
        HistoryEntry second = store().addHistory(workload.id(), run("scx_bpfland", "faster"));
        store().addHistory(other.id(), run("scx_lavd", "smooth"));

        assertThat(first.id()).matches("h-[0-9a-f]{8}").isNotEqualTo(second.id());
        assertThat(store().history(workload.id())).containsExactly(first, second);
        assertThat(store().history(other.id()))
                .extracting(e -> e.run().scheduler())
                .containsExactly("scx_lavd");
    }

    @Test
    void aRunKeepsEveryFieldThroughTheFile() {
        WorkloadProfile workload = store().create("kernel build", Optional.empty());
        MonitorSummary summary = SummaryFixtures.full(Duration.ofMillis(500));
        RunRecord run = new RunRecord(
                "scx_rusty",
                List.of("--slice-us", "5000"),
                Optional.of("e-7"),
                NOW,
                Optional.of(NOW.plusSeconds(81)),
                Optional.of(summary),
                "81 s, 3 s faster than EEVDF",
                Map.of("wall_time_s", 81.2, "latency_p99_us", 420.0),
                RunOutcome.failed("ejected after 80 s"));

        HistoryEntry stored = store().addHistory(workload.id(), run);

        assertThat(new WorkloadStore(home).history(workload.id())).containsExactly(stored);
        assertThat(stored.run()).isEqualTo(run);
        assertThat(stored.run().metrics().keySet()).containsExactly("latency_p99_us", "wall_time_s");
    }

    @Test
    void theFileIsVersionedSnakeCaseJsonThatLeavesOutWhatIsAbsent() throws IOException {
        WorkloadProfile workload = store().create("gaming", Optional.empty());
        HistoryEntry entry = store().addHistory(workload.id(), run("scx_lavd", "smooth"));

        JsonNode json = JSON.readTree(Files.readString(file()));

        assertThat(json.get("schema").asInt()).isEqualTo(1);
        JsonNode stored = json.get("workloads").get(0);
        assertThat(stored.get("id").asString()).isEqualTo(workload.id());
        assertThat(stored.get("tags"))
                .extracting(JsonNode::asString)
                .containsExactly("latency-sensitive", "interactive");
        assertThat(stored.get("created_at").asString()).isEqualTo("2026-11-22T10:15:00Z");
        JsonNode run = json.get("history").get(workload.id()).get(0);
        assertThat(run.get("id").asString()).isEqualTo(entry.id());
        assertThat(run.get("scheduler").asString()).isEqualTo("scx_lavd");
        assertThat(run.get("started_at").asString()).isEqualTo("2026-11-22T10:15:00Z");
        assertThat(run.get("outcome").get("status").asString()).isEqualTo("ok");
        assertThat(run.has("execution_id")).isFalse();
        assertThat(run.has("ended_at")).isFalse();
        assertThat(run.has("monitor_summary")).isFalse();
    }

    @Test
    void addingHistoryToAnUnknownWorkloadIsNotFoundAndChangesNothing() throws IOException {
        store().create("gaming", Optional.empty());
        String before = Files.readString(file());

        assertThatThrownBy(() -> store().addHistory("w-99999999", run("scx_lavd", "")))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
        assertThat(file()).hasContent(before);
    }

    @Test
    void writesLeaveOnlyTheFileAndItsLockBehind() throws IOException {
        WorkloadProfile workload = store().create("gaming", Optional.empty());
        for (int i = 0; i < 5; i++) {
            store().addHistory(workload.id(), run("scx_lavd", "run " + i));
        }

        assertThat(entries()).containsExactly("workloads.json", "workloads.json.lock");
    }

    @Test
    void aWriterWaitsForTheLockThatAnotherHolds() throws Exception {
        WorkloadProfile workload = store().create("gaming", Optional.empty());
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder =
                CompletableFuture.runAsync(() -> AtomicFiles.locked(home.resolve("workloads.json.lock"), () -> {
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
        held.await(30, TimeUnit.SECONDS);

        CompletableFuture<HistoryEntry> writer =
                CompletableFuture.supplyAsync(() -> store().addHistory(workload.id(), run("scx_lavd", "waited")));
        Thread.sleep(300);
        boolean doneWhileHeld = writer.isDone();
        release.countDown();
        holder.get(30, TimeUnit.SECONDS);

        assertThat(doneWhileHeld).isFalse();
        assertThat(writer.get(30, TimeUnit.SECONDS).run().result()).isEqualTo("waited");
    }

    @Test
    void aReadOfAFileThatIsNotJsonLeavesItWhereItIsAndSaysWhy() throws IOException {
        Files.writeString(file(), "{\"schema\": 1, \"workloads\": [");
        WorkloadStore store = store();

        List<WorkloadProfile> listed = store.list();
        store.list();

        assertThat(listed).isEmpty();
        assertThat(file()).hasContent("{\"schema\": 1, \"workloads\": [");
        assertThat(entries()).containsExactly("workloads.json");
        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains(file() + " cannot be read: it is not valid JSON")
                .contains("It is left as it is")
                .contains("the next change to the workloads moves it aside");
    }

    @Test
    void aWriteMovesAFileThatIsNotJsonAsideWithAMessageAndStartsEmpty() throws IOException {
        Files.writeString(file(), "{\"schema\": 1, \"workloads\": [");
        WorkloadStore store = store();

        WorkloadProfile created = store.create("gaming", Optional.empty());

        Path aside = home.resolve("workloads.json.corrupt-20261122T101500Z");
        assertThat(aside).hasContent("{\"schema\": 1, \"workloads\": [");
        assertThat(store().list()).containsExactly(created);
        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains(file() + " could not be read: it is not valid JSON")
                .contains("It was moved to " + aside)
                .contains("repair it and move it back");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "``                      | it is empty",
                "[]                      | it holds a JSON array, not an object",
                "`{\"workloads\": []}`   | it has no \"schema\" number",
                "`{\"schema\": \"1\"}`   | its \"schema\" is \"1\", a string, not a number",
                "`{\"schema\": 1.5}`     | its \"schema\" is 1.5, not a whole number",
                "`{\"schema\": 0}`       | its \"schema\" is 0; schema numbers start at 1",
                "`{\"schema\": -1}`      | its \"schema\" is -1, a negative number; schema numbers start at 1"
            })
    void aFileWithoutAUsableSchemaSaysExactlyWhatIsWrongAndIsLeftByARead(String content, String problem)
            throws IOException {
        Files.writeString(file(), content);
        WorkloadStore store = store();

        assertThat(store.list()).isEmpty();

        assertThat(file()).hasContent(content);
        assertThat(store.problems()).singleElement().asString().contains("cannot be read: " + problem);
    }

    @Test
    void aHugeSchemaNumberIsAFileOfANewerSchedcp() throws IOException {
        String newer = "{\"schema\": 123456789012345678901234567890, \"workloads\": []}";
        Files.writeString(file(), newer);

        assertThatThrownBy(store()::list)
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("was written by a newer schedcp (workload file schema "
                        + "123456789012345678901234567890; this schedcp knows schema 1)");
        assertThat(file()).hasContent(newer);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                ", \"tags\": [\"fast\"]           | 'fast' is not a workload tag; the tags are latency-sensitive, throughput",
                ", \"tags\": [\"fast\"]           | at workloads[0].tags[0]",
                ", \"created_at\": \"yesterday\"  | \"yesterday\" is not a valid Instant at workloads[0].created_at",
                ", \"id\": null                   | a workload needs an id at workloads[0]"
            })
    void aWorkloadTheStoreCannotReadMakesTheFileCorruptNamingTheProblem(String badField, String problem)
            throws IOException {
        String content = validFile(badField);
        Files.writeString(file(), content);
        WorkloadStore store = store();

        assertThat(store.list()).isEmpty();

        assertThat(file()).hasContent(content);
        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("it is not a workload file (")
                .contains(problem);
    }

    @Test
    void unknownFieldsOfTheSameSchemaAreReadAndKeptThroughAWrite() throws IOException {
        Files.writeString(
                file(),
                "{\"schema\": 1, \"origin\": \"newer\", \"workloads\": [{\"id\": \"w-0000abcd\","
                        + " \"name\": \"n\", \"description\": \"d\", \"tags\": [], \"created_at\": \"2026-01-01T00:00:00Z\","
                        + " \"colour\": \"blue\"}], \"history\": {\"w-0000abcd\": [{\"id\": \"h-00000001\", \"scheduler\": \"s\","
                        + " \"started_at\": \"2026-01-01T00:00:00Z\", \"result\": \"r\", \"cpu_model\": \"x\","
                        + " \"outcome\": {\"status\": \"ok\", \"note\": 3}}]}}");
        WorkloadStore store = store();

        assertThat(store.require("w-0000abcd").description()).isEqualTo("d");
        store.addHistory("w-0000abcd", run("scx_simple", "fine"));
        store.create("gaming", Optional.empty());

        JsonNode written = JSON.readTree(file().toFile());
        assertThat(written.get("origin").asString()).isEqualTo("newer");
        assertThat(written.get("workloads").get(0).get("colour").asString()).isEqualTo("blue");
        assertThat(written.get("workloads").get(1).has("colour")).isFalse();
        JsonNode runs = written.get("history").get("w-0000abcd");
        assertThat(runs.get(0).get("cpu_model").asString()).isEqualTo("x");
        assertThat(runs.get(0).get("outcome").get("note").asInt()).isEqualTo(3);
        assertThat(runs.get(1).has("cpu_model")).isFalse();
        assertThat(store.history("w-0000abcd")).hasSize(2);
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void aReadOnlyStoreIsReadAndAWriteRefusesWithoutTouchingIt() throws IOException {
        String content = validFile("");
        Files.writeString(file(), content);
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--r--r--"));
        WorkloadStore store = store();

        assertThat(store.list()).hasSize(1);
        assertThatThrownBy(() -> store.create("gaming", Optional.empty()))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessage(file() + " is read-only (mode r--r--r--), so schedcp leaves it as it is and cannot "
                        + "change the workloads; make it writable (chmod u+w " + file() + ") to change them");

        assertThat(file()).hasContent(content);
        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
    }

    @Test
    void aReadOnlyCorruptStoreIsNotMovedAsideByAWrite() throws IOException {
        Files.writeString(file(), "not json");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("r--r--r--"));

        assertThatThrownBy(() -> store().create("gaming", Optional.empty())).hasMessageContaining("is read-only");

        assertThat(file()).hasContent("not json");
        assertThat(entries()).containsExactly("workloads.json", "workloads.json.lock");
    }

    @Test
    void aSymlinkedStoreIsWrittenThroughItsLinkAndTheLinkStays() throws IOException {
        Path elsewhere = Files.createDirectories(home.resolve("synced"));
        Path target = elsewhere.resolve("my-workloads.json");
        Files.writeString(target, validFile(""));
        Files.createSymbolicLink(file(), target);

        WorkloadProfile created = store().create("gaming", Optional.empty());

        assertThat(Files.isSymbolicLink(file())).isTrue();
        assertThat(Files.readSymbolicLink(file())).isEqualTo(target);
        assertThat(JSON.readTree(target.toFile()).get("workloads")).hasSize(2);
        assertThat(store().list()).extracting(WorkloadProfile::id).containsExactly("w-0000abcd", created.id());
    }

    @Test
    void aCorruptFileBehindASymlinkIsMovedAsideBesideItsTargetAndTheLinkStays() throws IOException {
        Path target = Files.createDirectories(home.resolve("synced")).resolve("my-workloads.json");
        Files.writeString(target, "not json");
        Files.createSymbolicLink(file(), target);

        store().create("gaming", Optional.empty());

        assertThat(Files.isSymbolicLink(file())).isTrue();
        assertThat(target.resolveSibling("my-workloads.json.corrupt-20261122T101500Z"))
                .hasContent("not json");
        assertThat(store().list()).hasSize(1);
    }

    @Test
    void aSymlinkToNothingIsRefusedByAWriteAndLeftAsItIs() throws IOException {
        Path missing = home.resolve("gone").resolve("workloads.json");
        Files.createSymbolicLink(file(), missing);

        assertThatThrownBy(() -> store().create("gaming", Optional.empty()))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageStartingWith(file() + " is a symbolic link to a file that cannot be reached")
                .hasMessageEndingWith("point the link at a file, or remove it");

        assertThat(Files.readSymbolicLink(file())).isEqualTo(missing);
    }

    @Test
    void aRunTheStoreCannotReadMakesTheFileCorruptNamingTheRun() throws IOException {
        String content = "{\"schema\": 1, \"workloads\": [{\"id\": \"w-0000abcd\", \"name\": \"n\", "
                + "\"description\": \"d\", \"created_at\": \"2026-01-01T00:00:00Z\"}], \"history\": {\"w-0000abcd\": "
                + "[{\"id\": \"h-1\", \"scheduler\": \"s\", \"started_at\": \"2026-01-01T00:00:00Z\"}]}}";
        Files.writeString(file(), content);
        WorkloadStore store = store();

        assertThat(store.list()).isEmpty();

        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("a run needs an outcome at history.w-0000abcd[0]");
    }

    @Test
    void historyOfAWorkloadThatDoesNotExistMakesTheFileCorrupt() throws IOException {
        Files.writeString(file(), "{\"schema\": 1, \"workloads\": [], \"history\": {\"w-0000abcd\": []}}");
        WorkloadStore store = store();

        assertThat(store.list()).isEmpty();

        assertThat(store.problems())
                .singleElement()
                .asString()
                .contains("there is history for w-0000abcd, which is not a workload");
    }

    @Test
    void aValidHandWrittenFileIsRead() throws IOException {
        Files.writeString(file(), validFile(""));

        assertThat(store().require("w-0000abcd").description()).isEqualTo("d");
    }

    @Test
    void aCorruptFileFoundByAWriteIsMovedAsideAndTheWriteStartsANewFile() throws IOException {
        Files.writeString(file(), "not json");
        WorkloadStore store = store();

        WorkloadProfile created = store.create("gaming", Optional.empty());

        assertThat(home.resolve("workloads.json.corrupt-20261122T101500Z")).hasContent("not json");
        assertThat(new WorkloadStore(home).list()).containsExactly(created);
        assertThat(store.problems()).hasSize(1);
    }

    @Test
    void aSecondCorruptFileInTheSameSecondGetsItsOwnName() throws IOException {
        Files.writeString(file(), "first");
        store().create("gaming", Optional.empty());
        Files.writeString(file(), "second");

        store().create("gaming", Optional.empty());

        assertThat(home.resolve("workloads.json.corrupt-20261122T101500Z")).hasContent("first");
        assertThat(home.resolve("workloads.json.corrupt-20261122T101500Z-2")).hasContent("second");
    }

    @Test
    void aFileOfANewerSchemaIsRefusedWithAnUpgradeMessageAndLeftAsItIs() throws IOException {
        String newer = "{\"schema\": 2, \"workloads\": [{\"id\": \"w-0000abcd\", \"priority\": 7}]}";
        Files.writeString(file(), newer);
        WorkloadStore store = store();

        assertThatThrownBy(store::list)
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessage(file() + " was written by a newer schedcp (workload file schema 2; this schedcp knows "
                        + "schema 1), so it is left as it is; upgrade schedcp to read and change your workloads");
        assertThatThrownBy(() -> store.create("gaming", Optional.empty())).hasMessageContaining("upgrade schedcp");

        assertThat(file()).hasContent(newer);
        assertThat(entries()).containsExactly("workloads.json", "workloads.json.lock");
        assertThat(store.problems()).isEmpty();
    }

    @Test
    void similarWorkloadsShareTagsAndTheMostAlikeComeFirst() {
        WorkloadStore store = store();
        WorkloadProfile game = store.create("gaming on the desktop", Optional.empty());
        WorkloadProfile browser = store.create("a browser", Optional.empty());
        WorkloadProfile voip = store.create("a video call while gaming", Optional.empty());
        store.create("kernel build", Optional.empty());

        List<SimilarWorkload> similar = store.similar(game);

        assertThat(similar).extracting(SimilarWorkload::workload).containsExactly(voip, browser);
        assertThat(similar.get(0).sharedTags()).containsExactly(WorkloadTag.LATENCY_SENSITIVE, WorkloadTag.INTERACTIVE);
        assertThat(similar.get(0).similarity()).isEqualTo(1.0);
        assertThat(similar.get(1).sharedTags()).containsExactly(WorkloadTag.INTERACTIVE);
        assertThat(similar.get(1).similarity()).isEqualTo(0.5);
    }

    @Test
    void aDefaultNameIsTheFirstLineCutAtAWord() {
        assertThat(WorkloadStore.defaultName("short\nsecond line")).isEqualTo("short");
        assertThat(WorkloadStore.defaultName("x".repeat(50))).isEqualTo("x".repeat(40) + "...");
    }

    @Test
    void aFileWrittenByTheStoreEndsWithANewline() throws IOException {
        store().create("gaming", Optional.empty());

        assertThat(new String(Files.readAllBytes(file()), StandardCharsets.UTF_8))
                .endsWith("}\n");
    }
}
