package dev.q4j.codec;

import dev.q4j.value.QUtf8;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;

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
 *
 * <p>The symbols come from the peer, so the tables must stay fast whatever the symbols are: a peer that knew the hash
 * could send symbols that all land on one slot, and make each lookup walk all the symbols before it (65,536 such
 * symbols once took 6 s to decode). So each table hashes with a key drawn at random when it is made: the short
 * symbols' by multiplying by a random odd number and keeping the top bits (a universal hash: no set of symbols
 * collides more than random ones would, whatever the peer knows), the long symbols' with a random start. And
 * should a symbol still land more than {@link #MAX_PROBE} slots from where its hash points (with these hashes, not
 * in the life of the universe by chance), the table gives up hashing for the rest of the message and remembers
 * symbols in a {@link HashMap} by their text, whose bins of equal hashes are trees: at most a logarithmic cost per
 * symbol for any input.
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
    /**
     * the furthest a symbol may sit from the slot its hash points to: past it, lookups could cost more than a
     * constant, and the table turns to {@link #fallback}
     */
    static final int MAX_PROBE = 64;

    /** the short symbols' hash: a random odd multiplier, drawn when the table is made */
    private long multiplier;
    /** 64 - log2(the short table's capacity): the hash is the product's top bits */
    private int shift;
    /** the long symbols' hash starts from this random value */
    private long longSeed;
    /** made when a symbol lands more than {@link #MAX_PROBE} slots away; from then on, all symbols go here */
    private HashMap<String, String> fallback;
    /** 0, or the hash keys to use instead of random ones (tests aim symbols at one slot with it) */
    private final long fixedSeed;

    SymbolTable() {
        this(0);
    }

    /** @param fixedSeed 0 for random hash keys; else the keys to use (for tests) */
    SymbolTable(long fixedSeed) {
        this.fixedSeed = fixedSeed;
    }

    private long seed() {
        return fixedSeed != 0 ? fixedSeed : ThreadLocalRandom.current().nextLong();
    }

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
        for (int i = (int) ((key * multiplier) >>> shift); ; i = (i + 1) & mask) {
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
        if (fallback != null) {
            return remember(decode(b, off, len, key));
        }
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
        long[] keys = shortKeys;
        String[] values = shortValues;
        int mask = keys.length - 1;
        int home = (int) ((key * multiplier) >>> shift);
        int i = home;
        while (values[i] != null) {
            i = (i + 1) & mask;
        }
        // also when the table is full: the walk just made is what looking this symbol up costs
        if (((i - home) & mask) > MAX_PROBE) {
            overflow();
            return remember(s);
        }
        if (shortCount < MAX_ENTRIES) {
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
        if (shortKeys == null && fallback == null && count > EXPECT) {
            int capacity = Integer.highestOneBit(Math.min(count, MAX_EXPECTED) * LOAD - 1) << 1;
            makeTable(Math.max(capacity, INITIAL_CAPACITY));
        }
    }

    /** Makes the hash table of short symbols, with what the small list held. */
    private void makeTable(int capacity) {
        multiplier = seed() | 1;
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
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
        if (fallback != null) {
            return remember(decode(b, off, len, ascii));
        }
        if (longHashes == null) {
            longSeed = seed();
            longHashes = new int[INITIAL_CAPACITY];
            longKeys = new byte[INITIAL_CAPACITY][];
            longValues = new String[INITIAL_CAPACITY];
        }
        int h = hash(longSeed, b, off, len);
        byte[][] keys = longKeys;
        int mask = keys.length - 1;
        int i = h & mask;
        for (byte[] key; (key = keys[i]) != null; i = (i + 1) & mask) {
            if (longHashes[i] == h && key.length == len && Arrays.equals(key, 0, len, b, off, off + len)) {
                return longValues[i];
            }
        }
        String s = decode(b, off, len, ascii);
        if (((i - h) & mask) > MAX_PROBE) {
            overflow();
            return remember(s);
        }
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

    /**
     * A hash of 8 or more bytes, 8 at a time (the last 8 read where they end, overlapping the word before), from a
     * random start, mixed so that every bit of the input reaches the low bits the table uses.
     */
    private static int hash(long seed, byte[] b, int off, int len) {
        long h = seed ^ len;
        int last = off + len - 8;
        for (int k = off; k < last; k += 8) {
            h = Long.rotateLeft((h ^ (long) Bytes.LONG_LE.get(b, k)) * 0x9E37_79B9_7F4A_7C15L, 29);
        }
        h = (h ^ (long) Bytes.LONG_LE.get(b, last)) * 0xBF58_476D_1CE4_E5B9L;
        h = (h ^ (h >>> 31)) * 0x94D0_49BB_1331_11EBL;
        return (int) (h ^ (h >>> 32));
    }

    /**
     * From now on, symbols are remembered by their text in a {@link HashMap} (whose bins of colliding hashes are
     * trees): a symbol landed more than {@link #MAX_PROBE} slots from its hash. What the tables held moves there, so
     * that equal symbols still share one instance.
     */
    private void overflow() {
        HashMap<String, String> map = new HashMap<>();
        if (smallValues != null) {
            for (int j = 0; j < smallCount; j++) {
                map.put(smallValues[j], smallValues[j]);
            }
        }
        if (shortValues != null) {
            for (String v : shortValues) {
                if (v != null) {
                    map.put(v, v);
                }
            }
        }
        if (longValues != null) {
            for (String v : longValues) {
                if (v != null) {
                    map.put(v, v);
                }
            }
        }
        fallback = map;
        smallKeys = null;
        smallValues = null;
        smallCount = 0;
        shortKeys = null;
        shortValues = null;
        longHashes = null;
        longKeys = null;
        longValues = null;
    }

    /**
     * {@return the instance already held for its text, or {@code s} (remembered while there is room)}
     *
     * @param s a symbol, once the table has turned to {@link #fallback}
     */
    private String remember(String s) {
        HashMap<String, String> map = fallback;
        String known = map.size() < 2 * MAX_ENTRIES ? map.putIfAbsent(s, s) : map.get(s);
        return known != null ? known : s;
    }

    /** {@return whether the table has turned to a {@link HashMap} (for tests)} */
    boolean hashingGivenUp() {
        return fallback != null;
    }

    private static String decode(byte[] b, int off, int len, boolean ascii) {
        return ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : QUtf8.decode(b, off, len);
    }

    private void growShort() {
        long[] oldKeys = shortKeys;
        String[] oldValues = shortValues;
        long[] keys = new long[oldKeys.length * 2];
        String[] values = new String[keys.length];
        int mask = keys.length - 1;
        int shift = --this.shift;
        long multiplier = this.multiplier;
        boolean far = false;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldValues[j] != null) {
                int home = (int) ((oldKeys[j] * multiplier) >>> shift);
                int i = home;
                while (values[i] != null) {
                    i = (i + 1) & mask;
                }
                far |= ((i - home) & mask) > MAX_PROBE;
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        shortKeys = keys;
        shortValues = values;
        if (far) {
            overflow();
        }
    }

    private void growLong() {
        int[] oldHashes = longHashes;
        byte[][] oldKeys = longKeys;
        String[] oldValues = longValues;
        int[] hashes = new int[oldHashes.length * 2];
        byte[][] keys = new byte[hashes.length][];
        String[] values = new String[hashes.length];
        int mask = hashes.length - 1;
        boolean far = false;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] != null) {
                int i = oldHashes[j] & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                far |= ((i - oldHashes[j]) & mask) > MAX_PROBE;
                hashes[i] = oldHashes[j];
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
        longHashes = hashes;
        longKeys = keys;
        longValues = values;
        if (far) {
            overflow();
        }
    }
}
