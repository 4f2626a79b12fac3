package dev.q4j.value;

/**
 * A vector's or list's attribute, kept exactly as it arrived. kdb+ sends the attribute byte before the count.
 *
 * <pre>{@code
 * QLongVector sorted = QLongVector.of(1, 2, 3).withAttribute(Attribute.SORTED);   // `s#1 2 3
 * }</pre>
 */
public enum Attribute {
    /** no attribute */
    NONE(Code.NONE, ""),
    /** {@code `s#} sorted */
    SORTED(Code.SORTED, "s"),
    /** {@code `u#} unique */
    UNIQUE(Code.UNIQUE, "u"),
    /** {@code `p#} parted */
    PARTED(Code.PARTED, "p"),
    /** {@code `g#} grouped */
    GROUPED(Code.GROUPED, "g");

    /**
     * The attribute byte's values, and its flag bit, as compile-time constants: the one place these numbers are
     * written. The {@link Attribute} constants take their codes from here, and so does the codec.
     *
     * <pre>{@code
     * boolean longCount = (bytes[9] & Attribute.Code.LONG_COUNT) != 0;
     * Attribute a = Attribute.ofCode(bytes[9] & (~Attribute.Code.LONG_COUNT & 0xFF));
     * }</pre>
     */
    public static final class Code {
        /** 0: no attribute */
        public static final byte NONE = 0;
        /** 1: sorted */
        public static final byte SORTED = 1;
        /** 2: unique */
        public static final byte UNIQUE = 2;
        /** 3: parted */
        public static final byte PARTED = 3;
        /** 4: grouped */
        public static final byte GROUPED = 4;
        /**
         * 0x80: a flag bit on a vector's attribute byte saying that a 64-bit count follows instead of a 32-bit one
         * (messages over 2 GB, capability 6; as the finos qPython fork reads it, not in KX's documentation)
         */
        public static final int LONG_COUNT = 0x80;

        private Code() {
        }
    }

    private static final Attribute[] BY_CODE = values();
    private final byte code;
    private final String letter;

    Attribute(int code, String letter) {
        this.code = (byte) code;
        this.letter = letter;
    }

    /**
     * {@return the attribute, or {@code null} when the byte is not a known attribute}
     *
     * @param code the attribute byte, 0 .. 4
     */
    public static Attribute ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }

    /**
     * {@return the attribute, or {@code null}}
     *
     * @param letter {@code "s"}, {@code "u"}, {@code "p"} or {@code "g"}
     */
    public static Attribute ofLetter(String letter) {
        for (Attribute a : BY_CODE) {
            if (a != NONE && a.letter.equals(letter)) {
                return a;
            }
        }
        return null;
    }

    /** {@return the wire byte} */
    public byte code() {
        return code;
    }

    /** {@return the q letter ({@code "s"}) or an empty string for {@link #NONE}} */
    public String letter() {
        return letter;
    }
}
