package dev.q4j.codec;

/**
 * The encoder's counterpart of {@link SymbolTable}: for one message, remembers each distinct symbol {@code String}
 * (by identity: a decoded or interned column repeats the same instances) with its encoding: when it is 1 to 7
 * ASCII characters, its bytes and NUL terminator packed into a {@code long}, else its UTF-8 length. Sizing a column
 * and writing it then cost a lookup each, and writing one 8-byte store, instead of a pass over the characters each.
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
    /** the last symbol looked up and its code: sorted columns repeat a symbol many times in a row */
    private String last;
    private long lastCode;

    /**
     * @param s a symbol
     * @return its UTF-8 length, without the terminator
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
        if (keys == null) {
            keys = new String[INITIAL_CAPACITY];
            codes = new long[INITIAL_CAPACITY];
        }
        String[] k = keys;
        int mask = k.length - 1;
        long code;
        for (int i = mix(s, shift); ; i = (i + 1) & mask) {
            String key = k[i];
            if (key == s) {
                code = codes[i];
                break;
            }
            if (key == null) {
                code = encode(s);
                if (count < MAX_ENTRIES) {
                    k[i] = s;
                    codes[i] = code;
                    if (++count * 4 > k.length) {
                        grow();
                    }
                }
                break;
            }
        }
        last = s;
        lastCode = code;
        return code;
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

    /** the top bits of the hash times the golden ratio: short ASCII strings have weak low bits */
    private static int mix(String s, int shift) {
        return (s.hashCode() * 0x9E37_79B9) >>> shift;
    }

    private void grow() {
        String[] oldKeys = keys;
        long[] oldCodes = codes;
        int capacity = oldKeys.length * 2;
        keys = new String[capacity];
        codes = new long[capacity];
        shift--;
        int mask = capacity - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            String s = oldKeys[j];
            if (s != null) {
                int i = mix(s, shift);
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = s;
                codes[i] = oldCodes[j];
            }
        }
    }
}
