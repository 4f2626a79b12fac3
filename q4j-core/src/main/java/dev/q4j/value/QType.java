package dev.q4j.value;

/**
 * Every type code kdb+ puts on the wire. The basic types (boolean .. time) appear as atoms with the negated code
 * and as vectors with the code itself; the rest are structures, functions and errors.
 *
 * <pre>{@code
 * QType t = QType.ofCode(7);        // LONG
 * char c = t.letter();              // 'j'
 * QType.LONG.atomCode();            // -7
 * }</pre>
 */
public enum QType {
    /** general list, code 0 */
    LIST(0, ' ', "list", 0),
    /** boolean: 1b */
    BOOLEAN(1, 'b', "boolean", 1),
    /** guid: 16 raw bytes */
    GUID(2, 'g', "guid", 16),
    /** byte: 0x01 */
    BYTE(4, 'x', "byte", 1),
    /** short: 1h */
    SHORT(5, 'h', "short", 2),
    /** int: 1i */
    INT(6, 'i', "int", 4),
    /** long: 1 */
    LONG(7, 'j', "long", 8),
    /** real (32-bit float): 1e */
    REAL(8, 'e', "real", 4),
    /** float (64-bit): 1f */
    FLOAT(9, 'f', "float", 8),
    /** char, one byte */
    CHAR(10, 'c', "char", 1),
    /** symbol: NUL-terminated UTF-8 */
    SYMBOL(11, 's', "symbol", 0),
    /** timestamp: nanoseconds since 2000.01.01D00:00 */
    TIMESTAMP(12, 'p', "timestamp", 8),
    /** month: months since 2000.01m */
    MONTH(13, 'm', "month", 4),
    /** date: days since 2000.01.01 */
    DATE(14, 'd', "date", 4),
    /** datetime: fractional days since 2000.01.01 (deprecated in q, still on the wire) */
    DATETIME(15, 'z', "datetime", 8),
    /** timespan: nanoseconds */
    TIMESPAN(16, 'n', "timespan", 8),
    /** minute: minutes */
    MINUTE(17, 'u', "minute", 4),
    /** second: seconds */
    SECOND(18, 'v', "second", 4),
    /** time: milliseconds */
    TIME(19, 't', "time", 4),
    /** table (a flipped dict of columns) */
    TABLE(98, ' ', "table", 0),
    /** dictionary */
    DICT(99, ' ', "dict", 0),
    /** lambda: context and source text */
    LAMBDA(100, ' ', "lambda", 0),
    /** unary primitive, e.g. {@code ::} or {@code not} */
    UNARY_PRIMITIVE(101, ' ', "unary primitive", 0),
    /** binary primitive (operator), e.g. {@code +} */
    BINARY_PRIMITIVE(102, ' ', "operator", 0),
    /** iterator (adverb), e.g. {@code '} */
    ITERATOR(103, ' ', "iterator", 0),
    /** projection, e.g. {@code {x+y}[1]} */
    PROJECTION(104, ' ', "projection", 0),
    /** composition, e.g. {@code '[f;g]} */
    COMPOSITION(105, ' ', "composition", 0),
    /** f' */
    EACH(106, ' ', "each", 0),
    /** f/ */
    OVER(107, ' ', "over", 0),
    /** f\ */
    SCAN(108, ' ', "scan", 0),
    /** f': */
    EACH_PRIOR(109, ' ', "each-prior", 0),
    /** f/: */
    EACH_RIGHT(110, ' ', "each-right", 0),
    /** f\: */
    EACH_LEFT(111, ' ', "each-left", 0),
    /** a function loaded from a shared library (2:); cannot cross the wire */
    DYNAMIC_LOAD(112, ' ', "dynamic load", 0),
    /** sorted dictionary (keys with the s attribute) */
    SORTED_DICT(127, ' ', "sorted dict", 0),
    /** error, -128 */
    ERROR(-128, ' ', "error", 0);

    private static final QType[] BY_CODE = new QType[256];

    static {
        for (QType t : values()) {
            BY_CODE[t.code & 0xFF] = t;
        }
    }

    private final byte code;
    private final char letter;
    private final String qName;
    private final int width;

    QType(int code, char letter, String qName, int width) {
        this.code = (byte) code;
        this.letter = letter;
        this.qName = qName;
        this.width = width;
    }

    /**
     * {@return the type, or {@code null} when no type has this code}
     *
     * @param code a wire code (vector or structure code, 0..127, or -128 for error); atoms use the negated code of
     *     their vector type, see {@link #ofAtomCode(int)}
     */
    public static QType ofCode(int code) {
        return code < -128 || code > 127 ? null : BY_CODE[code & 0xFF];
    }

    /**
     * {@return the basic type, or {@code null} when there is none}
     *
     * @param code a negative atom code, -1 .. -19
     */
    public static QType ofAtomCode(int code) {
        if (code >= 0 || code < -19) {
            return null;
        }
        return BY_CODE[-code];
    }

    /**
     * {@return the basic type, or {@code null}}
     *
     * @param letter a q type letter as used by casts and suffixes ({@code "j"$}, {@code 1i})
     */
    public static QType ofLetter(char letter) {
        for (QType t : values()) {
            if (t.letter == letter && t.isBasic()) {
                return t;
            }
        }
        return null;
    }

    /** {@return the wire code: the vector code for basic types, 98 for tables, -128 for errors} */
    public byte code() {
        return code;
    }

    /** {@return the atom code (negated vector code) of a basic type} */
    public byte atomCode() {
        if (!isBasic()) {
            throw new IllegalStateException(this + " has no atoms");
        }
        return (byte) -code;
    }

    /** {@return the q type letter of a basic type ({@code 'j'} for long), or a space} */
    public char letter() {
        return letter;
    }

    /** {@return the name q uses for the type ({@code "long"}, {@code "timestamp"})} */
    public String qName() {
        return qName;
    }

    /** {@return bytes per element on the wire for fixed-width basic types; 0 for symbols and non-basic types} */
    public int width() {
        return width;
    }

    /** {@return true for the 18 basic types that have atoms and simple vectors (boolean .. time)} */
    public boolean isBasic() {
        return code >= 1 && code <= 19;
    }

    /** {@return true for the temporal types (timestamp .. time)} */
    public boolean isTemporal() {
        return code >= 12 && code <= 19;
    }

    /** {@return true for functions: lambdas, primitives, iterators, projections, compositions, derived functions} */
    public boolean isFunction() {
        return code >= 100 && code <= 112;
    }
}
