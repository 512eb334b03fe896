package io.schedcp.userspace.ring;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A task's command name read in place: the bytes up to the first NUL, at most {@link TaskRecord#COMM_LEN},
 * each byte one character (the kernel's names are ASCII in practice; other bytes read as Latin-1). Reused for
 * every record; {@link #toString()} copies.
 */
final class CommView implements CharSequence {

    private ByteBuffer data = ByteBuffer.allocate(0);
    private int offset;
    private int length;

    void at(ByteBuffer data, int offset) {
        this.data = data;
        this.offset = offset;
        this.length = -1;
    }

    @Override
    public int length() {
        if (length < 0) {
            int n = 0;
            while (n < TaskRecord.COMM_LEN && data.get(offset + n) != 0) {
                n++;
            }
            length = n;
        }
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("index " + index + " of a command name of " + length() + " characters");
        }
        return (char) (data.get(offset + index) & 0xff);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    @Override
    public String toString() {
        byte[] bytes = new byte[length()];
        data.get(offset, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
