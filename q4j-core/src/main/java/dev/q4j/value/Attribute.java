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
    NONE(0, ""),
    /** {@code `s#} sorted */
    SORTED(1, "s"),
    /** {@code `u#} unique */
    UNIQUE(2, "u"),
    /** {@code `p#} parted */
    PARTED(3, "p"),
    /** {@code `g#} grouped */
    GROUPED(4, "g");

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
