package dev.q4j.codec;

import java.nio.charset.StandardCharsets;
import dev.q4j.value.QUtf8;
import java.util.Arrays;

/**
 * A small direct-mapped cache from symbol bytes to their {@code String}, so that a column of repeated symbols
 * allocates one {@code String} per distinct symbol instead of one per row. Lives for one message.
 */
final class SymbolTable {
    private static final int SLOTS = 1024;
    private final byte[][] keys = new byte[SLOTS][];
    private final String[] values = new String[SLOTS];

    /**
     * @param ascii whether every byte is below 0x80 (the caller found out while looking for the terminator)
     * @return the text, or {@code null} when the bytes are not valid UTF-8
     */
    String get(byte[] b, int off, int len, boolean ascii) {
        if (len == 0) {
            return "";
        }
        int h = 1;
        for (int i = off; i < off + len; i++) {
            h = 31 * h + b[i];
        }
        int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
        byte[] key = keys[slot];
        if (key != null && key.length == len && Arrays.equals(key, 0, len, b, off, off + len)) {
            return values[slot];
        }
        String s = ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : QUtf8.decode(b, off, len);
        if (s != null) {
            keys[slot] = Arrays.copyOfRange(b, off, off + len);
            values[slot] = s;
        }
        return s;
    }
}
