package dev.q4j.codec;

import dev.q4j.value.QUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A cache from symbol bytes to their {@code String}, so that a column of repeated symbols allocates one
 * {@code String} per distinct symbol instead of one per row, and equal symbols anywhere in a message share one
 * instance. Lives for one message, and costs nothing until the first symbol.
 *
 * <p>Symbols of 1 to 7 bytes are keyed by the bytes themselves packed into a {@code long}, so a lookup compares one
 * number, no bytes: first in a list of up to {@link #SMALL} entries searched in order (a small message, a few
 * column names, needs no more), then in an open-addressing hash table that grows as needed: at most a quarter full,
 * or a sixteenth once the message has had a vector of {@link #SPARSE_COUNT} symbols or more (so that fewer lookups
 * among symbols in random order miss their first slot), up to {@link #SPARSE_SLOTS} slots. Longer symbols have a
 * hash table of their own, keyed by a hash and compared byte by byte. Past {@link #MAX_ENTRIES} distinct symbols in
 * a table it stops remembering new ones (a column of unique identifiers gains nothing from a cache), but still
 * answers from what it holds.
 */
final class SymbolTable {
    /** the most distinct symbols each table remembers */
    static final int MAX_ENTRIES = 1 << 16;
    /** distinct short symbols kept in a plain list before the hash table is made */
    static final int SMALL = 16;
    private static final int INITIAL_CAPACITY = 64;
    /** vectors longer than this make the hash table at once; shorter ones start with the list */
    private static final int EXPECT = 32;
    /** the largest table {@link #expect} makes up front */
    private static final int MAX_EXPECTED = 256;
    /** at most a quarter full: most lookups find their symbol at the first slot they try */
    private static final int LOAD = 4;
    /** from a vector of this many symbols on, the short symbols' table is kept sparser for the rest of the message */
    static final int SPARSE_COUNT = 1 << 16;
    /** the sparser table stays at most a sixteenth full until it has this many slots (about 200 KB: within L2) */
    private static final int SPARSE_SLOTS = 1 << 14;
    private static final int SPARSE_LOAD = 16;
    /** whether the message has had a vector of {@link #SPARSE_COUNT} symbols or more */
    private boolean sparse;

    private long[] smallKeys;
    private String[] smallValues;
    private int smallCount;
    private long[] shortKeys;
    private String[] shortValues;
    private int shortCount;

    private int[] longHashes;
    private byte[][] longKeys;
    private String[] longValues;
    private int longCount;

    /**
     * A symbol of 1 to 7 bytes.
     *
     * @param key the symbol's bytes, little-endian in a long (byte 0 lowest), zero above them; never 0
     * @param b the buffer holding the bytes
     * @param off where they start
     * @param len how many (1 .. 7), which {@code key} also determines since no symbol byte is 0
     * @return the text
     */
    String getShort(long key, byte[] b, int off, int len) {
        String v = findShort(key);
        return v != null ? v : addShort(key, b, off, len);
    }

    /**
     * The hot path, kept small so that the JIT inlines it into the decoder's loop: a probe of the hash table.
     *
     * @param key a short symbol's key (see {@link #getShort})
     * @return its text, or {@code null} when the table does not hold it (or there is no table yet)
     */
    String findShort(long key) {
        long[] keys = shortKeys;
        if (keys == null) {
            return null;
        }
        String[] values = shortValues;
        int mask = keys.length - 1;
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            String v = values[i];
            if (v == null || keys[i] == key) {
                return v;
            }
        }
    }

    /**
     * The slow path of {@link #getShort}: a symbol the hash table does not hold (or there is none yet).
     *
     * @param key the symbol's key
     * @param b the buffer holding the bytes
     * @param off where they start
     * @param len how many (1 .. 7)
     * @return the text
     */
    String addShort(long key, byte[] b, int off, int len) {
        if (shortKeys != null) {
            return addShort(key, decode(b, off, len, key));
        }
        long[] small = smallKeys;
        if (small != null) {
            // all SMALL slots, without an early exit: unused ones hold 0, which no key is, and a fixed loop has no
            // branch to mispredict on where the symbol sits
            int found = -1;
            for (int i = 0; i < SMALL; i++) {
                found = small[i] == key ? i : found;
            }
            if (found >= 0) {
                return smallValues[found];
            }
        }
        String s = decode(b, off, len, key);
        if (smallCount < SMALL) {
            if (smallKeys == null) {
                smallKeys = new long[SMALL];
                smallValues = new String[SMALL];
            }
            smallKeys[smallCount] = key;
            smallValues[smallCount++] = s;
            return s;
        }
        makeTable(INITIAL_CAPACITY);
        return addShort(key, s);
    }

    private static String decode(byte[] b, int off, int len, long key) {
        return decode(b, off, len, (key & 0x8080_8080_8080_8080L) == 0);
    }

    private String addShort(long key, String s) {
        if (shortCount < MAX_ENTRIES) {
            long[] keys = shortKeys;
            String[] values = shortValues;
            int mask = keys.length - 1;
            int i = mix(key) & mask;
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = s;
            if (++shortCount * (sparse && keys.length < SPARSE_SLOTS ? SPARSE_LOAD : LOAD) > keys.length) {
                growShort();
            }
        }
        return s;
    }

    /**
     * Prepares for a vector of symbols: one longer than {@link #EXPECT} gets the hash table, sized for up to {@link
     * #MAX_EXPECTED} distinct symbols at once instead of growing into it (with what the small list held).
     *
     * @param count the number of symbols coming
     */
    void expect(int count) {
        sparse |= count >= SPARSE_COUNT;
        if (shortKeys == null && count > EXPECT) {
            int capacity = Integer.highestOneBit(Math.min(count, MAX_EXPECTED) * LOAD - 1) << 1;
            makeTable(Math.max(capacity, INITIAL_CAPACITY));
        }
    }

    /** Makes the hash table of short symbols, with what the small list held. */
    private void makeTable(int capacity) {
        shortKeys = new long[capacity];
        shortValues = new String[capacity];
        for (int i = 0; i < smallCount; i++) {
            addShort(smallKeys[i], smallValues[i]);
        }
        smallCount = 0;
    }

    /**
     * A symbol of any length.
     *
     * @param b the buffer holding the bytes
     * @param off where they start
     * @param len how many
     * @param ascii whether every byte is below 0x80 (the caller found out while looking for the terminator)
     * @return the text
     */
    String get(byte[] b, int off, int len, boolean ascii) {
        if (len == 0) {
            return "";
        }
        if (len < 8) {
            long key = 0;
            for (int k = len - 1; k >= 0; k--) {
                key = key << 8 | (b[off + k] & 0xFF);
            }
            return getShort(key, b, off, len);
        }
        if (longHashes == null) {
            longHashes = new int[INITIAL_CAPACITY];
            longKeys = new byte[INITIAL_CAPACITY][];
            longValues = new String[INITIAL_CAPACITY];
        }
        int h = 1;
        for (int k = off; k < off + len; k++) {
            h = 31 * h + b[k];
        }
        h = mix(h);
        byte[][] keys = longKeys;
        int mask = keys.length - 1;
        int i = h & mask;
        for (byte[] key; (key = keys[i]) != null; i = (i + 1) & mask) {
            if (longHashes[i] == h && key.length == len && Arrays.equals(key, 0, len, b, off, off + len)) {
                return longValues[i];
            }
        }
        String s = decode(b, off, len, ascii);
        if (longCount < MAX_ENTRIES) {
            keys[i] = Arrays.copyOfRange(b, off, off + len);
            longHashes[i] = h;
            longValues[i] = s;
            if (++longCount * LOAD > keys.length) {
                growLong();
            }
        }
        return s;
    }

    private static String decode(byte[] b, int off, int len, boolean ascii) {
        return ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : QUtf8.decode(b, off, len);
    }

    private static int mix(long key) {
        return (int) ((key * 0x9E37_79B9_7F4A_7C15L) >>> 32);
    }

    private static int mix(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private void growShort() {
        long[] oldKeys = shortKeys;
        String[] oldValues = shortValues;
        long[] keys = new long[oldKeys.length * 2];
        String[] values = new String[keys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int i = mix(oldKeys[j]) & mask;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        shortKeys = keys;
        shortValues = values;
    }

    private void growLong() {
        int[] oldHashes = longHashes;
        byte[][] oldKeys = longKeys;
        String[] oldValues = longValues;
        int[] hashes = new int[oldHashes.length * 2];
        byte[][] keys = new byte[hashes.length][];
        String[] values = new String[hashes.length];
        int mask = hashes.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                hashes[i] = oldHashes[j];
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        longHashes = hashes;
        longKeys = keys;
        longValues = values;
    }
}
