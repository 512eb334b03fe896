package io.schedcp.userspace.ring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The struct layouts of bpf/userspace/scx_userspace.h as a C compiler lays them out: each field aligned to
 * its own size ({@code __s32}, {@code __u32}, {@code __u64}, {@code char} and arrays of them, all the header
 * uses), the struct to its largest field.
 */
final class HeaderLayout {

    /** One field's offset and size in bytes. */
    record Field(int offset, int size) {}

    /** A struct's fields by name, in order, and its size. */
    record Struct(Map<String, Field> fields, int size) {}

    static final Path HEADER = Path.of("..", "bpf", "userspace", "scx_userspace.h");

    private static final Pattern DEFINE = Pattern.compile("^#define\\s+(\\w+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);
    private static final Pattern STRUCT = Pattern.compile("struct (\\w+) \\{(.*?)\\};", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("(__[su](?:32|64)|char)\\s+(\\w+)(?:\\[(\\w+)])?;");

    private HeaderLayout() {}

    static Map<String, Struct> read() throws IOException {
        String text = Files.readString(HEADER).replaceAll("(?s)/\\*.*?\\*/", "");
        Map<String, Integer> defines = new HashMap<>();
        Matcher define = DEFINE.matcher(text);
        while (define.find()) {
            defines.put(define.group(1), Integer.parseInt(define.group(2)));
        }
        Map<String, Struct> structs = new HashMap<>();
        Matcher struct = STRUCT.matcher(text);
        while (struct.find()) {
            structs.put(struct.group(1), layout(struct.group(2), defines));
        }
        return structs;
    }

    private static Struct layout(String body, Map<String, Integer> defines) {
        Map<String, Field> fields = new LinkedHashMap<>();
        int offset = 0;
        int align = 1;
        Matcher field = FIELD.matcher(body);
        while (field.find()) {
            int size = field.group(1).equals("char")
                    ? 1
                    : Integer.parseInt(field.group(1).substring(3)) / 8;
            String length = field.group(3);
            int count = length == null
                    ? 1
                    : length.chars().allMatch(Character::isDigit) ? Integer.parseInt(length) : defines.get(length);
            offset = roundUp(offset, size);
            fields.put(field.group(2), new Field(offset, size * count));
            offset += size * count;
            align = Math.max(align, size);
        }
        return new Struct(fields, roundUp(offset, align));
    }

    private static int roundUp(int value, int to) {
        return (value + to - 1) / to * to;
    }
}
