package dev.q4j.text;

import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QChar;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QLong;
import dev.q4j.value.QProjection;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.util.HashMap;
import java.util.Map;

/**
 * The code tables of q's primitive functions (types 101, 102, 103) as {@code -3!} prints them, from
 * docs/q-text-notes.md sections 1 to 3, and the q keywords that name primitives.
 */
final class Primitives {
    /** code 255 of type 101: the elided argument of a projection, {@code {x+y+z}[1;;2]} */
    static final int ELIDED = 255;
    /** unary code of {@code +:} (flip) */
    static final int FLIP = 1;
    /** unary code of {@code ,:} (k's enlist) */
    static final int ENLIST_K = 12;
    /** unary code of the q keyword {@code enlist} */
    static final int ENLIST = 41;

    /** type 101 codes 0 .. 42 */
    private static final String[] UNARY = {
        "::", "+:", "-:", "*:", "%:", "&:", "|:", "^:", "=:", "<:", ">:", "$:", ",:", "#:", "_:", "~:", "!:", "?:",
        "@:", ".:", "0::", "1::", "2::", "avg", "last", "sum", "prd", "min", "max", "exit", "getenv", "abs", "sqrt",
        "log", "exp", "sin", "asin", "cos", "acos", "tan", "atan", "enlist", "var",
    };

    /** type 102 codes 0 .. 36 */
    private static final String[] BINARY = {
        ":", "+", "-", "*", "%", "&", "|", "^", "=", "<", ">", "$", ",", "#", "_", "~", "!", "?", "@", ".", "0:", "1:",
        "2:", "in", "within", "like", "bin", "ss", "insert", "wsum", "wavg", "div", "xexp", "setenv", "binr", "cov",
        "cor",
    };

    /** type 103 codes 0 .. 5, and the glyphs of derived types 106 .. 111 */
    private static final String[] ITERATOR = {"'", "/", "\\", "':", "/:", "\\:"};

    private static final Map<String, Integer> UNARY_BY_TEXT = new HashMap<>();
    private static final Map<String, Integer> BINARY_BY_TEXT = new HashMap<>();
    private static final Map<String, QValue> KEYWORDS = new HashMap<>();

    static {
        for (int i = 0; i < UNARY.length; i++) {
            UNARY_BY_TEXT.put(UNARY[i], i);
        }
        for (int i = 0; i < BINARY.length; i++) {
            BINARY_BY_TEXT.put(BINARY[i], i);
        }
        for (int i = 23; i < UNARY.length; i++) {
            KEYWORDS.put(UNARY[i], QUnaryPrimitive.of(i));
        }
        for (int i = 23; i < BINARY.length; i++) {
            KEYWORDS.put(BINARY[i], QBinaryPrimitive.of(i));
        }
        // q keywords that are k primitives: q sends (and -3! prints) the primitive (notes section 1, VIM)
        String[][] unaryAliases = {
            {"flip", "+:"}, {"neg", "-:"}, {"first", "*:"}, {"reciprocal", "%:"}, {"where", "&:"}, {"reverse", "|:"},
            {"null", "^:"}, {"group", "=:"}, {"hopen", "<:"}, {"hclose", ">:"}, {"string", "$:"}, {"count", "#:"},
            {"floor", "_:"}, {"not", "~:"}, {"key", "!:"}, {"distinct", "?:"}, {"type", "@:"}, {"value", ".:"},
            {"get", ".:"}, {"read0", "0::"}, {"read1", "1::"},
        };
        for (String[] a : unaryAliases) {
            KEYWORDS.put(a[0], QUnaryPrimitive.of(UNARY_BY_TEXT.get(a[1])));
        }
        KEYWORDS.put("and", QBinaryPrimitive.of(5));
        KEYWORDS.put("or", QBinaryPrimitive.of(6));
        KEYWORDS.put("mmu", QBinaryPrimitive.of(11));
        KEYWORDS.put("lsq", QBinaryPrimitive.of(16));
        // q keywords that q sends as derived functions, projections and compositions (corpus C:86..91, VIM)
        KEYWORDS.put("raze", QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(12)));
        KEYWORDS.put("sums", QDerivedFunction.of(QType.SCAN, QBinaryPrimitive.of(1)));
        KEYWORDS.put("prev", QDerivedFunction.of(QType.EACH_PRIOR, QBinaryPrimitive.of(0)));
        KEYWORDS.put("md5", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-15)));
        KEYWORDS.put("hsym", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-1)));
        KEYWORDS.put("attr", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-2)));
        KEYWORDS.put("eval", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-6)));
        KEYWORDS.put("hcount", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-7)));
        KEYWORDS.put("any", QComposition.of(QUnaryPrimitive.of(28),
                QProjection.of(QBinaryPrimitive.of(11), QChar.of('b'))));
        KEYWORDS.put("all", QComposition.of(QUnaryPrimitive.of(27),
                QProjection.of(QBinaryPrimitive.of(11), QChar.of('b'))));
    }

    private Primitives() {
    }

    /** {@return how -3! prints unary code {@code code}, or null for codes without a known text (including 255)} */
    static String unary(int code) {
        return code < UNARY.length ? UNARY[code] : null;
    }

    /** {@return how -3! prints binary code {@code code}, or null} */
    static String binary(int code) {
        return code < BINARY.length ? BINARY[code] : null;
    }

    /** {@return the glyph of iterator code {@code code}, or null} */
    static String iterator(int code) {
        return code < ITERATOR.length ? ITERATOR[code] : null;
    }

    /** {@return the glyph a derived function of type {@code type} (106 .. 111) ends with} */
    static String derivedGlyph(QType type) {
        return ITERATOR[type.code() - QType.EACH.code()];
    }

    /** {@return the derived-function type for an iterator glyph} */
    static QType derivedType(String glyph) {
        for (int i = 0; i < ITERATOR.length; i++) {
            if (ITERATOR[i].equals(glyph)) {
                return QType.ofCode(QType.EACH.code() + i);
            }
        }
        throw new IllegalArgumentException("not an iterator: " + glyph);
    }

    /** {@return the iterator code of a glyph} */
    static int iteratorCode(String glyph) {
        for (int i = 0; i < ITERATOR.length; i++) {
            if (ITERATOR[i].equals(glyph)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not an iterator: " + glyph);
    }

    /** {@return the unary code of a glyph form such as {@code +:}, {@code ::} or {@code 0::}, or -1} */
    static int unaryCode(String glyph) {
        Integer c = UNARY_BY_TEXT.get(glyph);
        return c == null ? -1 : c;
    }

    /** {@return the binary code of a glyph such as {@code +} or {@code 0:}, or -1} */
    static int binaryCode(String glyph) {
        Integer c = BINARY_BY_TEXT.get(glyph);
        return c == null ? -1 : c;
    }

    /** {@return the value a q keyword names, or null when it is not one q4j knows} */
    static QValue keyword(String name) {
        return KEYWORDS.get(name);
    }
}
