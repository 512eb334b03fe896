package io.schedcp.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path temp;

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private static int readCounter(Path file) {
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).strip()) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void writeCreatesTheMissingDirectoriesAndTheFile() throws IOException {
        Path file = temp.resolve("a/b/c/state.json");

        AtomicFiles.write(file, "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("{}");
        assertThat(entries(file.getParent())).containsExactly("state.json");
    }

    @Test
    void writeReplacesTheContentAndLeavesNoTemporaryFile() throws IOException {
        Path file = temp.resolve("state.json");
        AtomicFiles.write(file, "a much longer first version".getBytes(StandardCharsets.UTF_8));

        AtomicFiles.write(file, "second".getBytes(StandardCharsets.UTF_8));

        assertThat(file).hasContent("second");
        assertThat(entries(temp)).containsExactly("state.json");
    }

    @Test
    void writeOfNothingLeavesAnEmptyFile() throws IOException {
        Path file = temp.resolve("empty");
        Files.writeString(file, "old");

        AtomicFiles.write(file, new byte[0]);

        assertThat(file).isEmptyFile();
    }

    @Test
    void aWriteThatCannotCreateItsDirectoryFailsWithIoNamingTheFile() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "a file, not a directory");
        Path file = blocker.resolve("state.json");

        assertThatThrownBy(() -> AtomicFiles.write(file, new byte[] {1}))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("could not write " + file)
                .hasMessageContaining("check that the directory is writable");
        assertThat(blocker).hasContent("a file, not a directory");
        assertThat(entries(temp)).containsExactly("blocker");
    }

    @Test
    void aWriteOverADirectoryFailsWithIoAndLeavesNoTemporaryFile() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("taken"));
        Files.writeString(directory.resolve("inside"), "x");

        assertThatThrownBy(() -> AtomicFiles.write(directory, new byte[] {1}))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining(directory.toString());
        assertThat(entries(temp)).containsExactly("taken");
    }

    @Test
    void moveReplacesTheTarget() throws IOException {
        Path from = Files.writeString(temp.resolve("new"), "new");
        Path to = Files.writeString(temp.resolve("current"), "old");

        AtomicFiles.move(from, to);

        assertThat(to).hasContent("new");
        assertThat(from).doesNotExist();
    }

    @Test
    void lockedReturnsWhatTheWorkReturnsAndCreatesTheLockFile() {
        Path lock = temp.resolve("store/.lock");

        String result = AtomicFiles.locked(lock, () -> "done");

        assertThat(result).isEqualTo("done");
        assertThat(lock).isRegularFile();
    }

    @Test
    @SuppressWarnings("ThreadPriorityCheck") // the yield widens the window a missing lock would lose an update in
    void lockedWorkOfTwoThreadsTakesTurns() throws Exception {
        Path lock = temp.resolve(".lock");
        Path counter = temp.resolve("counter");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Runnable increments = () -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < 200; i++) {
                    AtomicFiles.locked(lock, () -> {
                        int value = readCounter(counter);
                        Thread.yield();
                        AtomicFiles.write(counter, Integer.toString(value + 1).getBytes(StandardCharsets.UTF_8));
                        return null;
                    });
                }
            };
            Future<?> first = threads.submit(increments);
            Future<?> second = threads.submit(increments);
            start.countDown();
            first.get(60, TimeUnit.SECONDS);
            second.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }

        assertThat(readCounter(counter)).isEqualTo(400);
    }

    @Test
    void aFailureInLockedWorkIsPassedOnAndReleasesTheLock() {
        Path lock = temp.resolve(".lock");

        assertThatThrownBy(() -> AtomicFiles.locked(lock, () -> {
                    throw new IllegalStateException("work failed");
                }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("work failed");

        assertThat(AtomicFiles.locked(lock, () -> 7)).isEqualTo(7);
    }

    @Test
    void aLockThatCannotBeCreatedFailsWithIoNamingTheLock() throws IOException {
        Path blocker = Files.writeString(temp.resolve("blocker"), "");
        Path lock = blocker.resolve(".lock");

        assertThatThrownBy(() -> AtomicFiles.locked(lock, () -> "never"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("could not lock " + lock);
    }

    @Test
    void forcingADirectoryThatCannotBeOpenedIsHarmless() {
        AtomicFiles.forceDirectory(temp.resolve("missing"));

        assertThat(temp.resolve("missing")).doesNotExist();
    }

    /** A node like /dev/null (c 1 3) where the test may create one (as root), else a FIFO. */
    static Path specialFile(Path file) throws IOException, InterruptedException {
        Process mknod = new ProcessBuilder("mknod", file.toString(), "c", "1", "3")
                .redirectErrorStream(true)
                .start();
        mknod.getInputStream().readAllBytes();
        if (mknod.waitFor() != 0) {
            Process mkfifo =
                    new ProcessBuilder("mkfifo", file.toString()).inheritIO().start();
            assertThat(mkfifo.waitFor()).as("mkfifo " + file).isZero();
        }
        return file;
    }

    @Test
    void writeRefusesToReplaceADeviceNodeAndLeavesItThere() throws Exception {
        Path node = specialFile(temp.resolve("null"));

        assertThatThrownBy(() -> AtomicFiles.write(node, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining(node + " is a device node, FIFO or socket, not a regular file");
        assertThat(Files.isRegularFile(node)).isFalse();
        assertThat(Files.exists(node)).isTrue();
        assertThat(entries(temp)).containsExactly("null");
    }

    @Test
    void writeRefusesToReplaceADirectory() throws IOException {
        Path directory = Files.createDirectories(temp.resolve("chart.svg"));

        assertThatThrownBy(() -> AtomicFiles.write(directory, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining(directory + " is a directory, not a regular file");
        assertThat(directory).isDirectory();
    }

    @Test
    void writeThroughASymbolicLinkReplacesTheFileItPointsToAndKeepsTheLink() throws IOException {
        Path real =
                Files.writeString(Files.createDirectories(temp.resolve("real")).resolve("state.json"), "old");
        Path link = Files.createSymbolicLink(temp.resolve("state.json"), real);

        AtomicFiles.write(link, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
        assertThat(entries(temp.resolve("real"))).containsExactly("state.json");
    }

    @Test
    void writeRefusesADanglingSymbolicLinkAndLeavesIt() throws IOException {
        Path link = Files.createSymbolicLink(temp.resolve("chart.svg"), temp.resolve("nowhere/chart.svg"));

        assertThatThrownBy(() -> AtomicFiles.write(link, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining(link + " is a symbolic link to a file that does not exist");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(temp.resolve("nowhere")).doesNotExist();
    }

    @Test
    void writeRefusesALinkToADeviceNode() throws Exception {
        Path node = specialFile(temp.resolve("null"));
        Path link = Files.createSymbolicLink(temp.resolve("chart.svg"), node);

        assertThatThrownBy(() -> AtomicFiles.write(link, "x".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("not a regular file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(node)).isFalse();
    }
}
