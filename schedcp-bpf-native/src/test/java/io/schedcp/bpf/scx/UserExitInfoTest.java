package io.schedcp.bpf.scx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UserExitInfoTest {

    private static final String STALL_MESSAGE = "kworker/3:1[88] failed to run for 30.123s";

    /** {@code struct user_exit_info} as the kernel leaves it: native order, NUL-terminated strings, zero padding. */
    private static byte[] record(int kind, int cpu, long code, String reason, String message) {
        ByteBuffer buffer = ByteBuffer.allocate(1168).order(ByteOrder.nativeOrder());
        buffer.putInt(0, kind).putInt(4, cpu).putLong(8, code);
        buffer.put(16, reason.getBytes(StandardCharsets.UTF_8));
        buffer.put(144, message.getBytes(StandardCharsets.UTF_8));
        return buffer.array();
    }

    @Test
    void aRecordIsDecodedFieldByField() {
        UserExitInfo info = UserExitInfo.decode(record(1026, 3, 0x1_0000_0002L, "runnable task stall", STALL_MESSAGE));

        assertThat(info).isEqualTo(new UserExitInfo(1026, 3, 0x1_0000_0002L, "runnable task stall", STALL_MESSAGE));
        assertThat(info.kindName()).isEqualTo("SCX_EXIT_ERROR_STALL");
        assertThat(info.exited()).isTrue();
    }

    @Test
    void aStallIsDescribedAsTheLoadersPrintIt() {
        UserExitInfo info = UserExitInfo.decode(record(1026, 3, 0, "runnable task stall", "msg"));

        assertThat(info.describe()).isEqualTo("runnable task stall (msg) on CPU 3");
    }

    @Test
    void aNegativeExitCodeAndCpuAreReadSigned() {
        UserExitInfo info = UserExitInfo.decode(record(1025, -1, -22, "scx_bpf_error", "failed"));

        assertThat(info.exitCpu()).isEqualTo(-1);
        assertThat(info.exitCode()).isEqualTo(-22);
        assertThat(info.describe()).isEqualTo("scx_bpf_error (failed)");
    }

    @Test
    void withoutAReasonTheKindIsDescribed() {
        assertThat(UserExitInfo.decode(record(ExitKind.UNREG_KERN, -1, 0, "", ""))
                        .describe())
                .isEqualTo("SCX_EXIT_UNREG_KERN");
    }

    @Test
    void aZeroedRecordMeansTheSchedulerHasNotExited() {
        UserExitInfo info = UserExitInfo.decode(new byte[1168]);

        assertThat(info.exited()).isFalse();
        assertThat(info.kindName()).isEqualTo("SCX_EXIT_NONE");
        assertThat(info.reason()).isEmpty();
        assertThat(info.message()).isEmpty();
    }

    @Test
    void aReasonThatFillsItsFieldEndsAtTheFieldAndTheMessageStaysApart() {
        byte[] bytes = record(1024, 0, 0, "r".repeat(128), "the message");

        UserExitInfo info = UserExitInfo.decode(bytes);

        assertThat(info.reason()).isEqualTo("r".repeat(128));
        assertThat(info.message()).isEqualTo("the message");
    }

    @Test
    void aMessageThatFillsItsFieldIsReadUpToTheEndOfTheRecord() {
        UserExitInfo info = UserExitInfo.decode(record(1024, 0, 0, "error", "m".repeat(1024)));

        assertThat(info.message()).hasSize(1024);
    }

    @Test
    void bytesAfterTheTerminatingNulAreIgnoredAndSpacesTrimmed() {
        byte[] bytes = record(1024, 0, 0, " error \0garbage", "");

        assertThat(UserExitInfo.decode(bytes).reason()).isEqualTo("error");
    }

    @Test
    void aLongerBufferIsReadFromItsStart() {
        byte[] bytes = Arrays.copyOf(record(1026, 1, 0, "runnable task stall", "m"), 4096);

        assertThat(UserExitInfo.decode(bytes).describe()).isEqualTo("runnable task stall (m) on CPU 1");
    }

    @Test
    void aBufferShorterThanTheRecordIsRefused() {
        assertThatThrownBy(() -> UserExitInfo.decode(new byte[1167]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a user_exit_info is 1168 bytes, got 1167");
    }

    @Test
    void aKindThisBuildDoesNotKnowIsNamedByItsNumber() {
        assertThat(ExitKind.name(2048)).isEqualTo("SCX_EXIT_2048");
        assertThat(ExitKind.name(-1)).isEqualTo("SCX_EXIT_-1");
        assertThat(UserExitInfo.decode(record(1029, 0, 0, "", "")).kindName()).isEqualTo("SCX_EXIT_1029");
    }

    @Test
    void kindsAreNamedAsTheKernelEnumDoes() {
        assertThat(ExitKind.name(ExitKind.DONE)).isEqualTo("SCX_EXIT_DONE");
        assertThat(ExitKind.name(ExitKind.SYSRQ)).isEqualTo("SCX_EXIT_SYSRQ");
        assertThat(ExitKind.name(ExitKind.ERROR_BPF)).isEqualTo("SCX_EXIT_ERROR_BPF");
    }

    @Test
    void kindsFrom1024UpAreErrors() {
        assertThat(ExitKind.isError(ExitKind.ERROR)).isTrue();
        assertThat(ExitKind.isError(ExitKind.ERROR_STALL)).isTrue();
        assertThat(ExitKind.isError(ExitKind.UNREG_BPF)).isFalse();
        assertThat(ExitKind.isError(ExitKind.NONE)).isFalse();
    }
}
