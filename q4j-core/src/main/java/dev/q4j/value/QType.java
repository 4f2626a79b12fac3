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
    LIST(Code.LIST, ' ', "list", 0),
    /** boolean: 1b */
    BOOLEAN(Code.BOOLEAN, 'b', "boolean", 1),
    /** guid: 16 raw bytes */
    GUID(Code.GUID, 'g', "guid", 16),
    /** byte: 0x01 */
    BYTE(Code.BYTE, 'x', "byte", 1),
    /** short: 1h */
    SHORT(Code.SHORT, 'h', "short", 2),
    /** int: 1i */
    INT(Code.INT, 'i', "int", 4),
    /** long: 1 */
    LONG(Code.LONG, 'j', "long", 8),
    /** real (32-bit float): 1e */
    REAL(Code.REAL, 'e', "real", 4),
    /** float (64-bit): 1f */
    FLOAT(Code.FLOAT, 'f', "float", 8),
    /** char, one byte */
    CHAR(Code.CHAR, 'c', "char", 1),
    /** symbol: NUL-terminated UTF-8 */
    SYMBOL(Code.SYMBOL, 's', "symbol", 0),
    /** timestamp: nanoseconds since 2000.01.01D00:00 */
    TIMESTAMP(Code.TIMESTAMP, 'p', "timestamp", 8),
    /** month: months since 2000.01m */
    MONTH(Code.MONTH, 'm', "month", 4),
    /** date: days since 2000.01.01 */
    DATE(Code.DATE, 'd', "date", 4),
    /** datetime: fractional days since 2000.01.01 (deprecated in q, still on the wire) */
    DATETIME(Code.DATETIME, 'z', "datetime", 8),
    /** timespan: nanoseconds */
    TIMESPAN(Code.TIMESPAN, 'n', "timespan", 8),
    /** minute: minutes */
    MINUTE(Code.MINUTE, 'u', "minute", 4),
    /** second: seconds */
    SECOND(Code.SECOND, 'v', "second", 4),
    /** time: milliseconds */
    TIME(Code.TIME, 't', "time", 4),
    /** table (a flipped dict of columns) */
    TABLE(Code.TABLE, ' ', "table", 0),
    /** dictionary */
    DICT(Code.DICT, ' ', "dict", 0),
    /** lambda: context and source text */
    LAMBDA(Code.LAMBDA, ' ', "lambda", 0),
    /** unary primitive, e.g. {@code ::} or {@code not} */
    UNARY_PRIMITIVE(Code.UNARY_PRIMITIVE, ' ', "unary primitive", 0),
    /** binary primitive (operator), e.g. {@code +} */
    BINARY_PRIMITIVE(Code.BINARY_PRIMITIVE, ' ', "operator", 0),
    /** iterator (adverb), e.g. {@code '} */
    ITERATOR(Code.ITERATOR, ' ', "iterator", 0),
    /** projection, e.g. {@code {x+y}[1]} */
    PROJECTION(Code.PROJECTION, ' ', "projection", 0),
    /** composition, e.g. {@code '[f;g]} */
    COMPOSITION(Code.COMPOSITION, ' ', "composition", 0),
    /** f' */
    EACH(Code.EACH, ' ', "each", 0),
    /** f/ */
    OVER(Code.OVER, ' ', "over", 0),
    /** f\ */
    SCAN(Code.SCAN, ' ', "scan", 0),
    /** f': */
    EACH_PRIOR(Code.EACH_PRIOR, ' ', "each-prior", 0),
    /** f/: */
    EACH_RIGHT(Code.EACH_RIGHT, ' ', "each-right", 0),
    /** f\: */
    EACH_LEFT(Code.EACH_LEFT, ' ', "each-left", 0),
    /** a function loaded from a shared library (2:); cannot cross the wire */
    DYNAMIC_LOAD(Code.DYNAMIC_LOAD, ' ', "dynamic load", 0),
    /** sorted dictionary (keys with the s attribute) */
    SORTED_DICT(Code.SORTED_DICT, ' ', "sorted dict", 0),
    /** error, -128 */
    ERROR(Code.ERROR, ' ', "error", 0);

    /**
     * Every type code kdb+ puts on the wire, as a compile-time constant: the one place these numbers are written.
     * The {@link QType} constants take their codes from here, and so do the codec's {@code switch} statements and
     * byte writes, which compile to exactly what a bare number would. An atom's code is the negated code of its
     * vector type ({@code -Code.LONG}); {@link #ERROR} is the one negative code that is not an atom's. The codes
     * q4j cannot decode (enumerations, on-disk types) are here too, so that messages refusing them name them.
     *
     * <pre>{@code
     * switch (bytes[8]) {
     *     case QType.Code.TABLE: ...        // 98
     *     case -QType.Code.LONG: ...        // -7, a long atom
     *     default: ...
     * }
     * }</pre>
     */
    public static final class Code {
        /** 0: general list */
        public static final byte LIST = 0;
        /** 1: boolean */
        public static final byte BOOLEAN = 1;
        /** 2: guid */
        public static final byte GUID = 2;
        /** 3: no type has this code (the gap between guid and byte) */
        public static final byte UNUSED = 3;
        /** 4: byte */
        public static final byte BYTE = 4;
        /** 5: short */
        public static final byte SHORT = 5;
        /** 6: int */
        public static final byte INT = 6;
        /** 7: long */
        public static final byte LONG = 7;
        /** 8: real */
        public static final byte REAL = 8;
        /** 9: float */
        public static final byte FLOAT = 9;
        /** 10: char */
        public static final byte CHAR = 10;
        /** 11: symbol */
        public static final byte SYMBOL = 11;
        /** 12: timestamp */
        public static final byte TIMESTAMP = 12;
        /** 13: month */
        public static final byte MONTH = 13;
        /** 14: date */
        public static final byte DATE = 14;
        /** 15: datetime */
        public static final byte DATETIME = 15;
        /** 16: timespan */
        public static final byte TIMESPAN = 16;
        /** 17: minute */
        public static final byte MINUTE = 17;
        /** 18: second */
        public static final byte SECOND = 18;
        /** 19: time, the last basic type */
        public static final byte TIME = 19;
        /** 20: the first enumeration code (kdb+ resolves enumerations to symbols before sending them) */
        public static final byte FIRST_ENUM = 20;
        /** 76: the last enumeration code */
        public static final byte LAST_ENUM = 76;
        /** 77: anymap, an on-disk type */
        public static final byte ANYMAP = 77;
        /** 78: the first nested mapped list code, an on-disk type */
        public static final byte FIRST_MAPPED_LIST = 78;
        /** 96: the last nested mapped list code */
        public static final byte LAST_MAPPED_LIST = 96;
        /** 98: table */
        public static final byte TABLE = 98;
        /** 99: dictionary */
        public static final byte DICT = 99;
        /** 100: lambda */
        public static final byte LAMBDA = 100;
        /** 101: unary primitive */
        public static final byte UNARY_PRIMITIVE = 101;
        /** 102: binary primitive (operator) */
        public static final byte BINARY_PRIMITIVE = 102;
        /** 103: iterator */
        public static final byte ITERATOR = 103;
        /** 104: projection */
        public static final byte PROJECTION = 104;
        /** 105: composition */
        public static final byte COMPOSITION = 105;
        /** 106: f', the first derived function */
        public static final byte EACH = 106;
        /** 107: f/ */
        public static final byte OVER = 107;
        /** 108: f\ */
        public static final byte SCAN = 108;
        /** 109: f': */
        public static final byte EACH_PRIOR = 109;
        /** 110: f/: */
        public static final byte EACH_RIGHT = 110;
        /** 111: f\:, the last derived function */
        public static final byte EACH_LEFT = 111;
        /** 112: a function loaded from a shared library */
        public static final byte DYNAMIC_LOAD = 112;
        /** 127: sorted dictionary */
        public static final byte SORTED_DICT = 127;
        /** -128: error */
        public static final byte ERROR = -128;

        private Code() {
        }
    }

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
        if (code >= 0 || code < -Code.TIME) {
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
        return code >= Code.BOOLEAN && code <= Code.TIME;
    }

    /** {@return true for the temporal types (timestamp .. time)} */
    public boolean isTemporal() {
        return code >= Code.TIMESTAMP && code <= Code.TIME;
    }

    /** {@return true for functions: lambdas, primitives, iterators, projections, compositions, derived functions} */
    public boolean isFunction() {
        return code >= Code.LAMBDA && code <= Code.DYNAMIC_LOAD;
    }
}
