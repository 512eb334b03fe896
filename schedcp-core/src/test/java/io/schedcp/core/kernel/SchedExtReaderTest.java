package io.schedcp.core.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.schedcp.api.SchedExtState;
import io.schedcp.api.SchedcpException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchedExtReaderTest {

    @TempDir
    Path sysfs;

    private void write(String name, String content) throws Exception {
        Path file = sysfs.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aKernelWithoutTheDirectoryIsUnsupported() {
        SchedExtReader reader = new SchedExtReader(sysfs.resolve("missing"));

        assertThat(reader.isSupported()).isFalse();
        assertThat(reader.read()).isEqualTo(SchedExtState.UNSUPPORTED);
        assertThat(SchedExtReader.NO_SCHED_EXT_MESSAGE)
                .contains("CONFIG_SCHED_CLASS_EXT")
                .contains("docs/lab.md");
    }

    @Test
    void readsAnIdleKernel() throws Exception {
        write("state", "disabled\n");
        write("enable_seq", "3\n");
        write("switch_all", "0\n");
        write("nr_rejected", "0\n");

        SchedExtState state = new SchedExtReader(sysfs).read();

        assertThat(state.supported()).isTrue();
        assertThat(state.isDisabled()).isTrue();
        assertThat(state.ops()).isEmpty();
        assertThat(state.enableSeq()).isEqualTo(3);
        assertThat(state.switchAll()).isFalse();
        assertThat(state.events()).isEmpty();
    }

    @Test
    void readsARunningSchedulerWithItsEvents() throws Exception {
        write("state", "enabled\n");
        write("enable_seq", "4\n");
        write("switch_all", "1\n");
        write("nr_rejected", "2\n");
        write("root/ops", "simple\n");
        write("root/events", """
                SCX_EV_SELECT_CPU_FALLBACK 12
                SCX_EV_DISPATCH_LOCAL_DSQ_OFFLINE 0
                SCX_EV_DISPATCH_KEEP_LAST     7
                """);

        SchedExtState state = new SchedExtReader(sysfs).read();

        assertThat(state.isEnabled()).isTrue();
        assertThat(state.ops()).contains("simple");
        assertThat(state.switchAll()).isTrue();
        assertThat(state.nrRejected()).isEqualTo(2);
        assertThat(state.events())
                .containsEntry("SCX_EV_SELECT_CPU_FALLBACK", 12L)
                .containsEntry("SCX_EV_DISPATCH_KEEP_LAST", 7L)
                .hasSize(3);
    }

    @Test
    void aMalformedCounterIsAClearErrorNotAWrongNumber() throws Exception {
        write("state", "enabled\n");
        write("enable_seq", "lots\n");

        assertThatThrownBy(() -> new SchedExtReader(sysfs).read())
                .isInstanceOf(SchedcpException.class)
                .hasMessageContaining("enable_seq")
                .hasMessageContaining("'lots'");
    }

    @Test
    void aMalformedEventLineIsAClearError() throws Exception {
        write("state", "enabled\n");
        write("root/events", "SCX_EV_SELECT_CPU_FALLBACK\n");

        assertThatThrownBy(() -> new SchedExtReader(sysfs).read()).hasMessageContaining("root/events");
    }
}
