package io.schedcp.core.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Several JVMs writing to one store at once, as the CLI and an MCP server do. */
class WorkloadStoreProcessesTest {

    private static final int WRITERS = 4;
    private static final int ENTRIES = 25;

    @TempDir
    Path home;

    /**
     * The class path of a child JVM: what this JVM runs with (surefire puts the main classes and the
     * dependencies on the module path and patches the test classes into the module), and the test classes.
     */
    private static String childClassPath() throws URISyntaxException {
        Set<String> entries = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    entries.add(entry);
                }
            }
        }
        entries.add(Path.of(HistoryWriterMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString());
        return String.join(File.pathSeparator, entries);
    }

    private Process startWriter(String workloadId, String writer, Path go) throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                childClassPath(),
                HistoryWriterMain.class.getName(),
                home.toString(),
                workloadId,
                writer,
                Integer.toString(ENTRIES),
                go.toString());
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("log-" + writer).toFile())
                .start();
    }

    private void awaitReady(List<String> writers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!writers.stream().allMatch(w -> Files.exists(home.resolve("ready-" + w)))) {
            assertThat(System.nanoTime()).as("all writers ready within 60 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void fourProcessesAddingHistoryAtOnceLoseNoEntry() throws Exception {
        WorkloadProfile workload = new WorkloadStore(home).create("kernel build with make -j", Optional.empty());
        Path go = home.resolve("go");
        List<String> writers =
                IntStream.rangeClosed(1, WRITERS).mapToObj(i -> "w" + i).toList();
        List<Process> processes = new ArrayList<>();
        try {
            for (String writer : writers) {
                processes.add(startWriter(workload.id(), writer, go));
            }
            awaitReady(writers);
            Files.writeString(go, "");
            for (int i = 0; i < WRITERS; i++) {
                Process process = processes.get(i);
                assertThat(process.waitFor(120, TimeUnit.SECONDS))
                        .as("writer %s finished", writers.get(i))
                        .isTrue();
                assertThat(process.exitValue())
                        .as(
                                "writer %s exit status; its output: %s",
                                writers.get(i), Files.readString(home.resolve("log-" + writers.get(i))))
                        .isZero();
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }

        List<HistoryEntry> history = new WorkloadStore(home).history(workload.id());

        List<String> expected = writers.stream()
                .flatMap(w -> IntStream.range(0, ENTRIES).mapToObj(i -> w + " " + i))
                .toList();
        assertThat(history).hasSize(WRITERS * ENTRIES);
        assertThat(history).extracting(e -> e.run().result()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(history).extracting(HistoryEntry::id).doesNotHaveDuplicates();
        for (String writer : writers) {
            assertThat(history)
                    .filteredOn(e -> e.run().scheduler().equals("scx_" + writer))
                    .extracting(e -> e.run().metrics().get("writer_entry"))
                    .as("the entries of %s, in the order it wrote them", writer)
                    .containsExactlyElementsOf(IntStream.range(0, ENTRIES)
                            .mapToObj(i -> (double) i)
                            .toList());
        }
        JsonNode file = JsonMapper.builder()
                .build()
                .readTree(home.resolve("workloads.json").toFile());
        assertThat(file.get("schema").asInt()).isEqualTo(1);
        assertThat(file.get("history").get(workload.id()).size()).isEqualTo(WRITERS * ENTRIES);
        assertThat(leftovers()).as("temporary or moved-aside files").isEmpty();
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.contains(".tmp-") || name.contains(".corrupt-"))
                    .toList();
        }
    }
}
