package io.schedcp.bpf.custom;

import static io.schedcp.bpf.custom.TinyScheduler.SOURCE;
import static io.schedcp.bpf.custom.TinyScheduler.meta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.ErrorDetail.NameTaken;
import io.schedcp.api.ErrorDetail.Subject;
import io.schedcp.api.ErrorDetail.UnknownName;
import io.schedcp.api.SchedcpException;
import io.schedcp.api.SchedcpException.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomStoreTest {

    private static final byte[] OBJECT_BYTES = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};

    @TempDir
    Path home;

    @TempDir
    Path build;

    private CustomStore store;
    private Path object;

    @BeforeEach
    void setUp() throws IOException {
        store = new CustomStore(home);
        object = Files.write(build.resolve("object.bpf.o"), OBJECT_BYTES);
    }

    private static List<String> entries(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    private List<String> names() {
        return store.list().stream().map(CustomScheduler::name).toList();
    }

    @Test
    void anEmptyHomeHasNoSchedulers() {
        assertThat(store.list()).isEmpty();
        assertThat(store.find("tiny")).isEmpty();
        assertThat(store.root()).isEqualTo(home.resolve("custom"));
    }

    @Test
    void anAddedSchedulerHasItsSourceObjectAndMetadataInADirectoryOfItsName() throws IOException {
        CustomScheduler added = store.add(meta("tiny"), SOURCE, object);

        assertThat(added.directory()).isEqualTo(home.resolve("custom/tiny"));
        assertThat(entries(added.directory())).containsExactly("meta.json", "object.bpf.o", "source.bpf.c");
        assertThat(Files.readString(added.source())).isEqualTo(SOURCE);
        assertThat(Files.readAllBytes(added.object())).isEqualTo(OBJECT_BYTES);
        assertThat(added.meta()).isEqualTo(meta("tiny"));
    }

    @Test
    void anAddedSchedulerIsListedFoundAndRequired() {
        store.add(meta("tiny"), SOURCE, object);

        assertThat(store.list())
                .singleElement()
                .isEqualTo(new CustomScheduler(home.resolve("custom/tiny"), meta("tiny")));
        assertThat(store.find("tiny")).map(CustomScheduler::meta).contains(meta("tiny"));
        assertThat(store.require("tiny").object()).isRegularFile();
    }

    @Test
    void schedulersAreListedByName() {
        store.add(meta("zeta"), SOURCE, object);
        store.add(meta("alpha"), SOURCE, object);
        store.add(meta("mid"), SOURCE, object);

        assertThat(names()).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void addingATakenNameFailsAndLeavesTheFirstAsItWas() throws IOException {
        store.add(meta("tiny"), SOURCE, object);
        Path other = Files.write(build.resolve("other.bpf.o"), new byte[] {1, 2, 3});
        CustomMeta second =
                new CustomMeta(CustomMeta.SCHEMA, "tiny", "other", "other_ops", null, "", "", "", "", 0, null);

        assertThatThrownBy(() -> store.add(second, "other source", other))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_INPUT);
                    assertThat(e.detail()).contains(new NameTaken(Subject.CUSTOM_SCHEDULER, "tiny"));
                })
                .hasMessage("a custom scheduler named 'tiny' exists already");

        CustomScheduler kept = store.require("tiny");
        assertThat(kept.meta()).isEqualTo(meta("tiny"));
        assertThat(Files.readString(kept.source())).isEqualTo(SOURCE);
        assertThat(Files.readAllBytes(kept.object())).isEqualTo(OBJECT_BYTES);
        assertThat(entries(store.root())).containsExactly(".lock", "tiny");
    }

    @Test
    void addingWithAMissingObjectFailsAndLeavesNothingBehind() throws IOException {
        Path missing = build.resolve("missing.bpf.o");

        assertThatThrownBy(() -> store.add(meta("tiny"), SOURCE, missing))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.IO))
                .hasMessageContaining("could not store custom scheduler tiny in " + store.root())
                .hasMessageContaining(missing.toString());

        assertThat(entries(store.root())).containsExactly(".lock");
    }

    @Test
    void updateReplacesTheMetadataWithoutLeavingTemporaryFiles() throws IOException {
        store.add(meta("tiny"), SOURCE, object);

        CustomScheduler updated = store.update("tiny", m -> m.withVerification(TinyScheduler.passed("tiny")));

        assertThat(updated.meta().verified()).isTrue();
        assertThat(store.require("tiny").meta())
                .isEqualTo(updated.meta())
                .isEqualTo(meta("tiny").withVerification(TinyScheduler.passed("tiny")));
        assertThat(entries(updated.directory())).containsExactly("meta.json", "object.bpf.o", "source.bpf.c");
        assertThat(Files.readAllBytes(updated.object())).isEqualTo(OBJECT_BYTES);
    }

    @Test
    void updatingAnUnknownSchedulerFailsNotFound() {
        assertThatThrownBy(() -> store.update("nope", m -> m))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void removeDeletesTheSchedulerAndLeavesNoHiddenDirectory() throws IOException {
        store.add(meta("tiny"), SOURCE, object);
        store.add(meta("other"), SOURCE, object);

        store.remove("tiny");

        assertThat(store.find("tiny")).isEmpty();
        assertThat(names()).containsExactly("other");
        assertThat(entries(store.root())).containsExactly(".lock", "other");
    }

    @Test
    void removingAnUnknownSchedulerFailsNotFound() {
        assertThatThrownBy(() -> store.remove("nope"))
                .isInstanceOfSatisfying(
                        SchedcpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void aDirectoryWithUnreadableMetadataIsLeftOutOfTheListButTheOthersStay() throws IOException {
        store.add(meta("alpha"), SOURCE, object);
        store.add(meta("gamma"), SOURCE, object);
        Path corrupt = Files.createDirectories(store.root().resolve("beta"));
        Files.writeString(corrupt.resolve("meta.json"), "{\"schema\": 1, \"name\": ");
        Files.createDirectories(store.root().resolve("no_meta"));

        assertThat(names()).containsExactly("alpha", "gamma");
        assertThat(store.find("beta")).isEmpty();
        assertThat(store.find("no_meta")).isEmpty();
    }

    @Test
    void metadataThatNamesAnotherSchedulerIsLeftOut() throws IOException {
        store.add(meta("alpha"), SOURCE, object);
        Path copy = Files.createDirectories(store.root().resolve("copy"));
        Files.copy(store.require("alpha").metaFile(), copy.resolve("meta.json"));

        assertThat(names()).containsExactly("alpha");
        assertThat(store.find("copy")).isEmpty();
    }

    @Test
    void hiddenDirectoriesAreNotSchedulers() throws IOException {
        store.add(meta("alpha"), SOURCE, object);
        Path staging = Files.createDirectories(store.root().resolve(".new-beta-1f"));
        Files.copy(store.require("alpha").metaFile(), staging.resolve("meta.json"));

        assertThat(names()).containsExactly("alpha");
    }

    @Test
    void requiringAnUnknownNameFailsNotFoundNamingTheSchedulersThereAre() {
        store.add(meta("alpha"), SOURCE, object);
        store.add(meta("gamma"), SOURCE, object);

        assertThatThrownBy(() -> store.require("nope"))
                .isInstanceOfSatisfying(SchedcpException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
                    assertThat(e.detail())
                            .contains(new UnknownName(Subject.CUSTOM_SCHEDULER, "nope", List.of("alpha", "gamma")));
                })
                .hasMessage("there is no custom scheduler 'nope'; the custom schedulers are [alpha, gamma]");
    }

    @Test
    void requiringAnyNameOfAnEmptyStoreSaysThereAreNone() {
        assertThatThrownBy(() -> store.require("nope"))
                .isInstanceOfSatisfying(
                        SchedcpException.class,
                        e -> assertThat(e.detail())
                                .contains(new UnknownName(Subject.CUSTOM_SCHEDULER, "nope", List.of())))
                .hasMessage("there is no custom scheduler 'nope'; there are none yet");
    }
}
