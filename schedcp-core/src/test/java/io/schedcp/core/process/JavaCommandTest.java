package io.schedcp.core.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaCommandTest {

    @TempDir
    Path temp;

    @AfterEach
    void clearProperty() {
        System.clearProperty(JavaCommand.CDS_PROPERTY);
    }

    @Test
    void aHelperMapsTheArchiveTheLauncherStartedWith() throws Exception {
        Path archive = Files.writeString(temp.resolve("schedcp.jsa"), "archive");
        System.setProperty(JavaCommand.CDS_PROPERTY, archive.toString());

        List<String> command = JavaCommand.of(JavaCommandTest.class, List.of("a"));

        assertThat(command)
                .contains("-Xshare:auto", "-XX:SharedArchiveFile=" + archive)
                .endsWith("a");
        int main = command.size() - 2;
        assertThat(command.get(main)).endsWith(JavaCommandTest.class.getName());
        assertThat(command.indexOf("-XX:SharedArchiveFile=" + archive)).isLessThan(main);
    }

    @Test
    void withoutTheLaunchersArchiveOrWithAMissingFileTheHelperStartsWithoutOne() {
        assertThat(JavaCommand.of(JavaCommandTest.class, List.of())).noneMatch(a -> a.startsWith("-XX:SharedArchive"));
        System.setProperty(JavaCommand.CDS_PROPERTY, temp.resolve("gone.jsa").toString());
        assertThat(JavaCommand.of(JavaCommandTest.class, List.of())).noneMatch(a -> a.startsWith("-XX:SharedArchive"));
    }
}
