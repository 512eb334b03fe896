package io.schedcp.bpf.scx;

import io.schedcp.bpf.libbpf.GlobalData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The scx headers' {@code struct user_exit_info}: what a scheduler's {@code ops.exit} recorded with
 * {@code UEI_RECORD} when the kernel disabled it. Layout: {@code int kind; s32 exit_cpu; s64 exit_code;
 * char reason[128]; char msg[1024];}, in the {@code .data} variable that {@code UEI_DEFINE(uei)} declares.
 *
 * @param kind     the {@code scx_exit_kind}; 0 while the scheduler runs
 * @param exitCpu  the CPU that triggered the exit, or -1
 * @param exitCode the code the scheduler or the kernel gave
 * @param reason   the kernel's short reason, such as "runnable task stall"
 * @param message  the details, such as which task failed to run for how long
 */
public record UserExitInfo(int kind, int exitCpu, long exitCode, String reason, String message) {

    /** The variable {@code UEI_DEFINE(uei)} declares, as every scx scheduler names it. */
    public static final String VARIABLE = "uei";

    static final int REASON_OFFSET = 16;
    static final int REASON_LENGTH = 128;
    static final int MESSAGE_OFFSET = REASON_OFFSET + REASON_LENGTH;
    static final int MESSAGE_LENGTH = 1024;
    static final int SIZE = MESSAGE_OFFSET + MESSAGE_LENGTH;

    /** Decodes the record from its bytes in the section (native byte order). */
    public static UserExitInfo decode(byte[] bytes) {
        if (bytes.length < SIZE) {
            throw new IllegalArgumentException("a user_exit_info is " + SIZE + " bytes, got " + bytes.length);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        return new UserExitInfo(
                buffer.getInt(0),
                buffer.getInt(4),
                buffer.getLong(8),
                cString(bytes, REASON_OFFSET, REASON_LENGTH),
                cString(bytes, MESSAGE_OFFSET, MESSAGE_LENGTH));
    }

    /** The record in {@code data} (the object's {@code .data}), if the scheduler declares one. */
    public static Optional<UserExitInfo> read(GlobalData data) {
        boolean declared = data.variables().stream().anyMatch(v -> v.name().equals(VARIABLE) && v.size() >= SIZE);
        return declared ? Optional.of(decode(data.read(VARIABLE))) : Optional.empty();
    }

    /** Whether the kernel has disabled the scheduler and its {@code ops.exit} recorded why. */
    public boolean exited() {
        return kind != ExitKind.NONE;
    }

    public String kindName() {
        return ExitKind.name(kind);
    }

    /** One line, as the scx loaders print it: {@code reason (message) on CPU n}. */
    public String describe() {
        StringBuilder text = new StringBuilder(reason.isEmpty() ? kindName() : reason);
        if (!message.isEmpty()) {
            text.append(" (").append(message).append(')');
        }
        if (exitCpu >= 0) {
            text.append(" on CPU ").append(exitCpu);
        }
        return text.toString();
    }

    private static String cString(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8).strip();
    }
}
