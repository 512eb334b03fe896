package io.schedcp.slo.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileWatchTest {

    @TempDir
    Path dir;

    @Test
    void seesNoChangeUntilTheFileIsWrittenAndThenOnlyOnce() throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), "default_budget_ms: 20\n");
        ConfigFileWatch watch = new ConfigFileWatch(file);
        assertThat(watch.changed()).isFalse();

        Files.writeString(file, "default_budget_ms: 30\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(watch.changed()).isTrue();
        assertThat(watch.changed()).isFalse();
    }

    @Test
    void seesAFileRenamedOverTheConfigEvenWithTheSameTimeAndSize() throws IOException {
        Path file = Files.writeString(dir.resolve("slo.yaml"), "default_budget_ms: 20\n");
        ConfigFileWatch watch = new ConfigFileWatch(file);
        Path edited = Files.writeString(dir.resolve("slo.yaml.new"), "default_budget_ms: 30\n");
        Files.setLastModifiedTime(edited, Files.getLastModifiedTime(file));

        Files.move(edited, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(watch.changed()).isTrue();
    }
}
