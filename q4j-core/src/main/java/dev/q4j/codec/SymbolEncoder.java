package dev.q4j.codec;

import java.util.HashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The encoder's counterpart of {@link SymbolTable}: for one message, remembers each distinct symbol {@code String}
 * (by identity: a decoded or interned column repeats the same instances) with its encoding: when it is 1 to 7
 * ASCII characters, its bytes and NUL terminator packed into a {@code long}, else its UTF-8 length. Sizing a column
 * and writing it then cost a lookup each, and writing one 8-byte store, instead of a pass over the characters each.
 *
 * <p>A symbol is found by identity first, then by its text (so that a column of equal symbols made separately takes
 * one entry, not one per instance, all at one place). The symbols may come from
 * a peer (a server's reply echoing what clients sent), and {@code String.hashCode} is easy to collide ({@code "Aa"}
 * and {@code "BB"} hash alike, so 65,536 symbols of 16 such blocks all do, and once took 3 s to encode): the slot is
 * the top bits of the hash times a random odd number drawn for each table, so that nobody can aim symbols at one
 * slot, and should a symbol still land more than {@link SymbolTable#MAX_PROBE} slots from its own (which equal
 * hashes do), the table gives up hashing for the rest of the message and remembers symbols in a {@link HashMap} by
 * their text, whose bins of equal hashes are trees: at most a logarithmic cost per symbol for any input.
 */
final class SymbolEncoder {
    /** vectors shorter than this are sized and written directly: a table would cost more than it saves */
    static final int MIN_VECTOR = 16;
    /** the most distinct symbols remembered; beyond them symbols are sized and written directly */
    private static final int MAX_ENTRIES = 1 << 16;
    private static final int INITIAL_CAPACITY = 64;

    /** made on first use: most messages have no long symbol vector */
    private String[] keys;
    /**
     * per key: a positive value is the symbol's bytes, little-endian, zero above them (so its NUL terminator is
     * included, and its length is the number of non-zero bytes); a negative one is {@code -(utf8 length + 1)}
     */
    private long[] codes;
    private int count;
    /** 32 - log2(capacity) */
    private int shift = 32 - Integer.numberOfTrailingZeros(INITIAL_CAPACITY);
    /** the hash's random odd multiplier, drawn when the table is made */
    private int multiplier;
    /** made when a symbol lands more than {@link SymbolTable#MAX_PROBE} slots away; then all symbols go here */
    private HashMap<String, Long> fallback;
    /** the last symbol looked up and its code: sorted columns repeat a symbol many times in a row */
    private String last;
    private long lastCode;

    /**
     * {@return its UTF-8 length, without the terminator}
     *
     * @param s a symbol
     */
    int length(String s) {
        long code = code(s);
        return code > 0 ? (71 - Long.numberOfLeadingZeros(code)) >>> 3 : (int) -(code + 1);
    }

    /**
     * Writes {@code s} and its NUL terminator at {@code pos}.
     *
     * @param b the message
     * @param pos where
     * @param s the symbol
     * @return the position after the terminator
     */
    int put(byte[] b, int pos, String s) {
        long code = code(s);
        if (code > 0 && b.length - pos >= 8) {
            // writes up to 7 zero bytes past the terminator, which the values that follow overwrite
            Bytes.LONG_LE.set(b, pos, code);
            return pos + ((71 - Long.numberOfLeadingZeros(code)) >>> 3) + 1;
        }
        return ValueWriter.putCString(b, pos, s);
    }

    private long code(String s) {
        if (s == last) {
            return lastCode;
        }
        String[] k = keys;
        if (k != null) {
            // the hot path: by identity, as a decoded or interned column repeats the same instances
            int mask = k.length - 1;
            for (int i = mix(s, multiplier, shift); ; i = (i + 1) & mask) {
                String key = k[i];
                if (key == s) {
                    long code = codes[i];
                    last = s;
                    lastCode = code;
                    return code;
                }
                if (key == null) {
                    break;
                }
            }
        }
        long code = miss(s);
        last = s;
        lastCode = code;
        return code;
    }

    /**
     * A symbol not found by identity: found by its text if another instance of it is there (which is not added, so
     * that equal instances do not pile up at one place), else added.
     */
    private long miss(String s) {
        if (keys == null) {
            if (fallback != null) {
                return fallbackCode(s);
            }
            keys = new String[INITIAL_CAPACITY];
            codes = new long[INITIAL_CAPACITY];
            multiplier = ThreadLocalRandom.current().nextInt() | 1;
        }
        String[] k = keys;
        int mask = k.length - 1;
        int home = mix(s, multiplier, shift);
        int i = home;
        for (String key; (key = k[i]) != null; i = (i + 1) & mask) {
            if (key.equals(s)) {
                return codes[i];
            }
        }
        long code = encode(s);
        // also when the table is full: the walk just made is what looking this symbol up costs
        if (((i - home) & mask) > SymbolTable.MAX_PROBE) {
            overflow();
            return fallbackCode(s);
        }
        if (count < MAX_ENTRIES) {
            k[i] = s;
            codes[i] = code;
            if (++count * 4 > k.length) {
                grow();
            }
        }
        return code;
    }

    /**
     * From now on, symbols are remembered by their text in a {@link HashMap} (whose bins of colliding hashes are
     * trees): a symbol landed more than {@link SymbolTable#MAX_PROBE} slots from its hash.
     */
    private void overflow() {
        HashMap<String, Long> map = new HashMap<>();
        for (int j = 0; j < keys.length; j++) {
            if (keys[j] != null) {
                map.put(keys[j], codes[j]);
            }
        }
        fallback = map;
        keys = null;
        codes = null;
    }

    private long fallbackCode(String s) {
        HashMap<String, Long> map = fallback;
        Long known = map.get(s);
        if (known != null) {
            return known;
        }
        long code = encode(s);
        if (map.size() < MAX_ENTRIES) {
            map.put(s, code);
        }
        return code;
    }

    /** {@return whether the table has turned to a {@link HashMap} (for tests)} */
    boolean hashingGivenUp() {
        return fallback != null;
    }

    private static long encode(String s) {
        int n = s.length();
        if (n > 0 && n < 8) {
            long word = 0;
            for (int k = n - 1; k >= 0; k--) {
                char c = s.charAt(k);
                if (c >= 0x80) {
                    // not ASCII (an escaped byte U+DC80 .. U+DCFF is one byte, but not this char)
                    return -(ValueWriter.utf8Length(s) + 1L);
                }
                word = word << 8 | c;
            }
            return word;
        }
        return -(ValueWriter.utf8Length(s) + 1L);
    }

    /** the top bits of the hash times a random odd number: short ASCII strings have weak low bits */
    private static int mix(String s, int multiplier, int shift) {
        return (s.hashCode() * multiplier) >>> shift;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldCodes = codes;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        codes = new long[capacity];
        shift--;
        int mask = capacity - 1;
        boolean far = false;
        for (int j = 0; j < oldKeys.length; j++) {
            String s = oldKeys[j];
            if (s != null) {
                int home = mix(s, multiplier, shift);
                int i = home;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                far |= ((i - home) & mask) > SymbolTable.MAX_PROBE;
                keys[i] = s;
                codes[i] = oldCodes[j];
            }
        }
        if (far) {
            overflow();
        }
    }
}
