package dev.q4j.codec;

import dev.q4j.QProtocolException;
import dev.q4j.internal.SymbolVectors;
import dev.q4j.value.Attribute;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIterator;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QProjection;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QType;
import dev.q4j.value.QType.Code;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads one value from a message body. One instance per message: it holds the position and a symbol table so that
 * a repeated symbol is decoded once. Every count is checked against the bytes that remain before allocating.
 */
final class ValueReader {
    /** symbols per call of the word-wise symbol loop (see {@link #readSymbols}) */
    private static final int SYMBOL_CHUNK = 256;

    private final byte[] b;
    private final int end;
    private final ByteOrder order;
    private final boolean little;
    /** subtracted from positions in error messages, so that offsets count from the start of the message */
    private final int base;
    /** checks the nesting depth */
    private final DecodeLimits limits;
    /** {@link DecodeLimits#maxDepth()}, for choosing a fast path that stays within it */
    private final int maxDepth;
    /** whether vectors of 4- and 8-byte items are left in {@link #b} instead of copied out of it */
    private final boolean inPlace;
    private final SymbolTable symbols = new SymbolTable();
    private int pos;

    /**
     * @param limits the limits, of which the reader checks the depth (the caller checks the size)
     * @param inPlace whether vectors of 4- and 8-byte items read their items from {@code bytes} (which their owner
     *     then must not modify) instead of copies
     */
    ValueReader(byte[] bytes, int start, int end, ByteOrder order, int base, DecodeLimits limits, boolean inPlace) {
        this.b = bytes;
        this.pos = start;
        this.end = end;
        this.order = order;
        this.little = order == ByteOrder.LITTLE_ENDIAN;
        this.base = base;
        this.limits = limits;
        this.maxDepth = limits.maxDepth();
        this.inPlace = inPlace;
    }

    void expectEnd() {
        if (pos != end) {
            throw error((end - pos) + " bytes left over after the value", pos);
        }
    }

    QValue readValue(int depth) {
        limits.checkDepth(depth, pos - base);
        need(1, "a type byte");
        int typePos = pos;
        int type = b[pos++];
        if (type < 0) {
            return type == Code.ERROR ? new QError(readCString("error text")) : readAtom(type, typePos);
        }
        if (type <= Code.TIME && type != Code.UNUSED) {
            return type == Code.LIST ? readList(depth) : readVector(type, typePos);
        }
        switch (type) {
            case Code.TABLE:
                return readTable(depth, typePos);
            case Code.DICT:
                return readDict(depth, false, typePos);
            case Code.SORTED_DICT:
                return readDict(depth, true, typePos);
            case Code.LAMBDA:
                return readLambda(depth, typePos);
            case Code.UNARY_PRIMITIVE:
                return QUnaryPrimitive.of(readUnsignedByte("unary primitive code"));
            case Code.BINARY_PRIMITIVE:
                return QBinaryPrimitive.of(readUnsignedByte("operator code"));
            case Code.ITERATOR:
                return QIterator.of(readUnsignedByte("iterator code"));
            case Code.PROJECTION:
                return new QProjection(java.util.Arrays.asList(readItems(depth, "projection", typePos)));
            case Code.COMPOSITION:
                return new QComposition(java.util.Arrays.asList(readItems(depth, "composition", typePos)));
            case Code.EACH: case Code.OVER: case Code.SCAN: case Code.EACH_PRIOR: case Code.EACH_RIGHT:
            case Code.EACH_LEFT:
                return QDerivedFunction.of(QType.ofCode(type), readValue(depth + 1));
            case Code.DYNAMIC_LOAD:
                throw error("type 112 (a function loaded from a shared library) cannot be sent over IPC", typePos);
            default:
                throw unknownType(type, typePos);
        }
    }

    private QProtocolException unknownType(int type, int at) {
        if (type >= Code.FIRST_ENUM && type <= Code.LAST_ENUM) {
            return error("enumerated type " + type + " cannot be decoded: kdb+ sends enumerations resolved to symbols, "
                    + "so these bytes are not from kdb+ IPC", at);
        }
        if (type == Code.ANYMAP) {
            return error("type 77 (anymap) is an on-disk type and cannot be decoded from IPC", at);
        }
        if (type >= Code.FIRST_MAPPED_LIST && type <= Code.LAST_MAPPED_LIST) {
            return error("type " + type + " (nested mapped list) is an on-disk type and cannot be decoded from IPC",
                    at);
        }
        return error("unknown type " + type, at);
    }

    // ---------------------------------------------------------------- atoms

    private QValue readAtom(int type, int at) {
        switch (type) {
            case -Code.BOOLEAN: return QBoolean.of(readBoolean(b[take(1, "a boolean")], pos - 1));
            case -Code.GUID: return QGuid.of(readGuid());
            case -Code.BYTE: return QByte.of(b[take(1, "a byte")]);
            case -Code.SHORT: return QShort.of(readShort());
            case -Code.INT: return QInt.of(readInt());
            case -Code.LONG: return QLong.of(readLong());
            case -Code.REAL: return QReal.of(Float.intBitsToFloat(readInt()));
            case -Code.FLOAT: return QFloat.of(Double.longBitsToDouble(readLong()));
            case -Code.CHAR: return QChar.of(b[take(1, "a char")]);
            case -Code.SYMBOL: return QSymbol.of(readSymbol());
            case -Code.TIMESTAMP: return QTimestamp.of(readLong());
            case -Code.MONTH: return QMonth.of(readInt());
            case -Code.DATE: return QDate.of(readInt());
            case -Code.DATETIME: return QDatetime.of(Double.longBitsToDouble(readLong()));
            case -Code.TIMESPAN: return QTimespan.of(readLong());
            case -Code.MINUTE: return QMinute.of(readInt());
            case -Code.SECOND: return QSecond.of(readInt());
            case -Code.TIME: return QTime.of(readInt());
            default: throw error("unknown atom type " + type, at);
        }
    }

    private boolean readBoolean(byte v, int at) {
        if (v != 0 && v != 1) {
            throw error("boolean byte " + (v & 0xFF) + " is neither 0 nor 1", at);
        }
        return v == 1;
    }

    private short readShort() {
        int p = take(2, "a short");
        return little ? (short) Bytes.SHORT_LE.get(b, p) : (short) Bytes.SHORT_BE.get(b, p);
    }

    private int readInt() {
        int p = take(4, "an int");
        return little ? (int) Bytes.INT_LE.get(b, p) : (int) Bytes.INT_BE.get(b, p);
    }

    private long readLong() {
        int p = take(8, "a long");
        return little ? (long) Bytes.LONG_LE.get(b, p) : (long) Bytes.LONG_BE.get(b, p);
    }

    private UUID readGuid() {
        int p = take(16, "a guid");
        // guids travel as 16 raw bytes, never byte-swapped
        return new UUID((long) Bytes.LONG_BE.get(b, p), (long) Bytes.LONG_BE.get(b, p + 8));
    }

    private int readUnsignedByte(String what) {
        return b[take(1, what)] & 0xFF;
    }

    // ---------------------------------------------------------------- vectors

    private QVector readVector(int type, int at) {
        int attributeAt = pos;
        Attribute attribute = readAttribute();
        if (attribute != Attribute.SORTED && attribute != Attribute.UNIQUE) {
            return readVectorItems(type, at, attribute);
        }
        try {
            return readVectorItems(type, at, attribute);
        } catch (IllegalArgumentException e) {
            // the vector's own check: kdb+ never sends a false s# or u#, and one would make searches on it wrong
            throw error(e.getMessage(), attributeAt);
        }
    }

    private QVector readVectorItems(int type, int at, Attribute attribute) {
        int n = readCount(type == Code.LIST ? "list"
                : QType.ofCode(type) == null ? "?" : QType.ofCode(type).qName());
        switch (type) {
            case Code.BOOLEAN: return QBooleanVector.wrap(readBooleans(n), attribute);
            case Code.GUID: return QGuidVector.wrap(readGuids(n), attribute);
            case Code.BYTE: return QByteVector.wrap(readBytes(n), attribute);
            case Code.SHORT: return QShortVector.wrap(readShorts(n), attribute);
            case Code.REAL: return QRealVector.wrap(readFloats(n), attribute);
            case Code.CHAR: return QCharVector.wrap(readBytes(n), attribute);
            case Code.SYMBOL: return SymbolVectors.wrapUnchecked(readSymbols(n), attribute);
            case Code.LONG: case Code.TIMESTAMP: case Code.TIMESPAN:
                return inPlace ? readInPlace(type, n, 8, "long", attribute)
                        : QVectors.wrapLongs(QType.ofCode(type), readLongs(n), attribute);
            case Code.FLOAT: case Code.DATETIME:
                return inPlace ? readInPlace(type, n, 8, "float", attribute)
                        : QVectors.wrapDoubles(QType.ofCode(type), readDoubles(n), attribute);
            case Code.INT: case Code.MONTH: case Code.DATE: case Code.MINUTE: case Code.SECOND: case Code.TIME:
                return inPlace ? readInPlace(type, n, 4, "int", attribute)
                        : QVectors.wrapInts(QType.ofCode(type), readInts(n), attribute);
            default: throw error("unknown vector type " + type, at);
        }
    }

    private Attribute readAttribute() {
        int p = take(1, "an attribute byte");
        // bit 0x80 marks a 64-bit count (messages over 2 GB, capability 6)
        Attribute a = Attribute.ofCode(b[p] & (~Attribute.Code.LONG_COUNT & 0xFF));
        if (a == null) {
            throw error("unknown attribute byte " + (b[p] & 0xFF) + " (expected 0 none, 1 s, 2 u, 3 p or 4 g)", p);
        }
        return a;
    }

    private int readCount(String what) {
        int attributePos = pos - 1;
        long n;
        int at = pos;
        if ((b[attributePos] & Attribute.Code.LONG_COUNT) != 0) {
            n = readLong();
            if (n > DecodeLimits.JVM_MAX_MESSAGE) {
                throw error(what + " of " + n + " items is longer than a Java array can be", at);
            }
        } else {
            n = readInt();
        }
        if (n < 0) {
            throw error("negative count " + n + " for a " + what, at);
        }
        return (int) n;
    }

    /** Checks that {@code n} items of {@code width} bytes fit in what remains; returns the byte count. */
    private int span(int n, int width, String what) {
        long bytes = (long) n * width;
        if (bytes > end - pos) {
            throw error(what + " vector of " + n + " items needs " + bytes + " bytes but only " + (end - pos)
                    + " remain", pos);
        }
        return (int) bytes;
    }

    private ByteBuffer view(int bytes) {
        ByteBuffer bb = ByteBuffer.wrap(b, pos, bytes).order(order);
        pos += bytes;
        return bb;
    }

    /** A vector of 4- or 8-byte items decoded in place: checked as a copy would be, its items left where they are. */
    private QVector readInPlace(int type, int n, int width, String what, Attribute attribute) {
        int bytes = span(n, width, what);
        QVector v = QVectors.inPlace(QType.ofCode(type), b, pos, n, order, attribute);
        pos += bytes;
        return v;
    }

    private boolean[] readBooleans(int n) {
        span(n, 1, "boolean");
        boolean[] out = new boolean[n];
        for (int i = 0; i < n; i++) {
            out[i] = readBoolean(b[pos + i], pos + i);
        }
        pos += n;
        return out;
    }

    private byte[] readBytes(int n) {
        span(n, 1, "byte");
        byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
        pos += n;
        return out;
    }

    // Short vectors are read item by item: a ByteBuffer view costs more than it saves below a few dozen items.
    // Long ones in bulk, which is a plain memory copy when the byte order is the platform's.

    private static final int BULK = 32;

    private short[] readShorts(int n) {
        int bytes = span(n, 2, "short");
        short[] out = new short[n];
        if (n < BULK) {
            VarHandle h = little ? Bytes.SHORT_LE : Bytes.SHORT_BE;
            for (int i = 0, p = pos; i < n; i++, p += 2) {
                out[i] = (short) h.get(b, p);
            }
            pos += bytes;
        } else {
            view(bytes).asShortBuffer().get(out);
        }
        return out;
    }

    private int[] readInts(int n) {
        int bytes = span(n, 4, "int");
        int[] out = new int[n];
        if (n < BULK) {
            VarHandle h = little ? Bytes.INT_LE : Bytes.INT_BE;
            for (int i = 0, p = pos; i < n; i++, p += 4) {
                out[i] = (int) h.get(b, p);
            }
            pos += bytes;
        } else {
            view(bytes).asIntBuffer().get(out);
        }
        return out;
    }

    private long[] readLongs(int n) {
        int bytes = span(n, 8, "long");
        long[] out = new long[n];
        if (n < BULK) {
            VarHandle h = little ? Bytes.LONG_LE : Bytes.LONG_BE;
            for (int i = 0, p = pos; i < n; i++, p += 8) {
                out[i] = (long) h.get(b, p);
            }
            pos += bytes;
        } else {
            view(bytes).asLongBuffer().get(out);
        }
        return out;
    }

    private float[] readFloats(int n) {
        int bytes = span(n, 4, "real");
        float[] out = new float[n];
        if (n < BULK) {
            VarHandle h = little ? Bytes.INT_LE : Bytes.INT_BE;
            for (int i = 0, p = pos; i < n; i++, p += 4) {
                // raw bits, so that NaN payloads survive as the bulk copy keeps them
                out[i] = Float.intBitsToFloat((int) h.get(b, p));
            }
            pos += bytes;
        } else {
            view(bytes).asFloatBuffer().get(out);
        }
        return out;
    }

    private double[] readDoubles(int n) {
        int bytes = span(n, 8, "float");
        double[] out = new double[n];
        if (n < BULK) {
            VarHandle h = little ? Bytes.LONG_LE : Bytes.LONG_BE;
            for (int i = 0, p = pos; i < n; i++, p += 8) {
                out[i] = Double.longBitsToDouble((long) h.get(b, p));
            }
            pos += bytes;
        } else {
            view(bytes).asDoubleBuffer().get(out);
        }
        return out;
    }

    private UUID[] readGuids(int n) {
        span(n, 16, "guid");
        UUID[] out = new UUID[n];
        for (int i = 0; i < n; i++) {
            out[i] = readGuid();
        }
        return out;
    }

    /**
     * Symbols in bulk. A symbol of at most 7 bytes is found, and looked up, by one 8-byte load at its start: its
     * NUL is the first zero byte of the word, and its bytes packed in a long are the key. A symbol equal to the one
     * before (sorted and parted columns repeat each symbol many times) is recognised by comparing that word with
     * the previous key, terminator included, and costs no lookup; and the rest of its run, by comparing the bytes
     * 8 at a time with those one symbol back. Longer symbols, and the last few bytes of the message, go the
     * careful way.
     */
    private String[] readSymbols(int n) {
        // each symbol takes at least its NUL terminator
        span(n, 1, "symbol");
        String[] out = new String[n];
        symbols.expect(n);
        // At most 8 symbols end in the message's last 8 bytes, so in a well-formed message every symbol but the last
        // 8 starts where an 8-byte load is in bounds: the word-wise loop takes those, the careful way the rest. The
        // loop runs over chunks, a call each, for the JIT: compiled in the middle of the first large vector, code
        // for one loop over all of it would never have seen the loop end, and would be thrown away at its end (the
        // next decode then starting again in slower code); a chunk's loop has ended many times by then, and its
        // method is soon compiled whole. Neither costs anything measurable per symbol.
        int wordWise = Math.max(0, n - 8);
        for (int from = 0; from < wordWise; from += SYMBOL_CHUNK) {
            readShortSymbols(out, from, Math.min(wordWise, from + SYMBOL_CHUNK));
        }
        for (int i = wordWise; i < n; i++) {
            out[i] = readSymbol();
        }
        return out;
    }

    /** Decodes {@code out[from]} to {@code out[to - 1]} as {@link #readSymbols} says. */
    private void readShortSymbols(String[] out, int from, int to) {
        byte[] b = this.b;
        SymbolTable symbols = this.symbols;
        int p = pos;
        int last = end - 8;
        // the previous short symbol: its key, the mask of its bytes and terminator, its length and its text
        long previousKey = -1;
        long previousMask = 0;
        int previousLength = 0;
        String previous = null;
        for (int i = from; i < to; i++) {
            // false only in a malformed message (see readSymbols): then the careful way finds what is wrong
            if (p <= last) {
                long word = (long) Bytes.LONG_LE.get(b, p);
                if ((word & previousMask) == previousKey) {
                    // a run of the symbol before, which ends at p: its bytes repeat with its period for as long as
                    // each 8 bytes equal the 8 one period back, so a sorted column takes one comparison per 8 bytes
                    int period = previousLength + 1;
                    // no further than the vector's remaining symbols could reach, however the bytes after it look
                    int stop = (int) Math.min(last, p + (long) (to - i) * period - 8);
                    int q = p;
                    while (q <= stop && (long) Bytes.LONG_LE.get(b, q) == (long) Bytes.LONG_LE.get(b, q - period)) {
                        q += 8;
                    }
                    int copies = Math.max(1, Math.min((q - p) / period, to - i));
                    Arrays.fill(out, i, i + copies, previous);
                    i += copies - 1;
                    p += copies * period;
                    continue;
                }
                // the lowest byte that the zero-byte test flags is the first zero byte (flags above it may be false)
                long zeros = (word - 0x0101_0101_0101_0101L) & ~word & 0x8080_8080_8080_8080L;
                if (zeros != 0) {
                    int len = Long.numberOfTrailingZeros(zeros) >>> 3;
                    if (len == 0) {
                        out[i] = "";
                        previousKey = -1;   // the symbol before p is no longer the previous one
                        previousMask = 0;
                        p++;
                        continue;
                    }
                    long key = word & ~(-1L << (len << 3));
                    String v = symbols.findShort(key);
                    if (v == null) {
                        v = symbols.addShort(key, b, p, len);
                    }
                    out[i] = v;
                    previous = v;
                    previousKey = key;   // its terminator is the zero byte above it
                    previousMask = len == 7 ? -1L : ~(-1L << ((len + 1) << 3));
                    previousLength = len;
                    p += len + 1;
                    continue;
                }
            }
            pos = p;
            out[i] = readSymbol();
            previousKey = -1;
            previousMask = 0;
            p = pos;
        }
        pos = p;
    }

    private String readSymbol() {
        int start = pos;
        if (end - start >= 8) {
            // the common case, a symbol of at most 7 bytes: find its NUL in one 8-byte word (the lowest byte that
            // the zero-byte test flags is the first zero byte; flags above it may be false, and are not looked at)
            long word = (long) Bytes.LONG_LE.get(b, start);
            long zeros = (word - 0x0101_0101_0101_0101L) & ~word & 0x8080_8080_8080_8080L;
            if (zeros != 0) {
                int len = Long.numberOfTrailingZeros(zeros) >>> 3;
                pos = start + len + 1;
                return len == 0 ? "" : symbols.getShort(word & ~(-1L << (len << 3)), b, start, len);
            }
        }
        int i = start;
        int ascii = 0;
        while (i < end && b[i] != 0) {
            ascii |= b[i];
            i++;
        }
        if (i == end) {
            throw error("unterminated symbol: no NUL byte before the end of the message", start);
        }
        pos = i + 1;
        return symbols.get(b, start, i - start, ascii >= 0);
    }

    private String readCString(String what) {
        int start = pos;
        int i = start;
        while (i < end && b[i] != 0) {
            i++;
        }
        if (i == end) {
            throw error("unterminated " + what + ": no NUL byte before the end of the message", start);
        }
        pos = i + 1;
        return QUtf8.decode(b, start, i - start);
    }

    // ---------------------------------------------------------------- structures

    private QList readList(int depth) {
        // a list is one level deeper than its items, also when it has none: at depth maxDepth it is one too many,
        // which the value model would refuse with an IllegalArgumentException (nested derived functions around an
        // empty list, 1,001 nested lists)
        limits.checkDepth(depth + 1, pos - 1 - base);
        Attribute attribute = readAttribute();
        int at = pos;
        int n = readCount("list");
        // each item takes at least its type byte and one more
        if ((long) n * 2 > end - pos) {
            throw error("list of " + n + " items cannot fit in the " + (end - pos) + " bytes that remain", at);
        }
        QValue[] items = new QValue[n];
        for (int i = 0; i < n; i++) {
            items[i] = readValue(depth + 1);
        }
        return QList.wrap(items, attribute);
    }

    private QValue[] readItems(int depth, String what, int at) {
        int countPos = pos;
        int n = readInt();
        if (n < 1 || (long) n * 2 > end - pos) {
            throw error(what + " with an impossible count of " + n + " items", countPos);
        }
        QValue[] items = new QValue[n];
        for (int i = 0; i < n; i++) {
            items[i] = readValue(depth + 1);
        }
        return items;
    }

    private QValue readDict(int depth, boolean sorted, int at) {
        QValue keys = readValue(depth + 1);
        QValue values = readValue(depth + 1);
        if (keys instanceof QTable k && values instanceof QTable v) {
            if (k.count() != v.count()) {
                throw error("keyed table with " + k.count() + " key rows but " + v.count() + " value rows", at);
            }
            return new QKeyedTable(k, v, sorted);
        }
        try {
            return new QDict(keys, values, sorted);
        } catch (IllegalArgumentException e) {
            throw error("bad dictionary: " + e.getMessage(), at);
        }
    }

    private QTable readTable(int depth, int at) {
        need(1, "a table's attribute byte");
        if ((b[pos] & Attribute.Code.LONG_COUNT) != 0) {
            throw error("a table's attribute byte has the 64-bit count flag (0x80), but a table has no count", pos);
        }
        Attribute attribute = readAttribute();
        need(1, "the table's dictionary");
        if (b[pos] != Code.DICT) {
            throw error("a table must hold a dictionary (type 99), not type " + b[pos], pos);
        }
        pos++;
        QValue names = readValue(depth + 1);
        if (names instanceof QSymbolVector nameVector && nameVector.attribute() == Attribute.NONE
                && end - pos >= 2 && b[pos] == Code.LIST && b[pos + 1] == Attribute.Code.NONE
                && depth + 2 <= maxDepth) {
            return readColumns(nameVector, attribute, depth, at);
        }
        QValue columns = readValue(depth + 1);
        if (!(names instanceof QSymbolVector nameVector)) {
            throw error("table column names must be a symbol vector, not " + describe(names), at);
        }
        if (!(columns instanceof QList columnList)) {
            throw error("table columns must be a general list of columns, not " + describe(columns)
                    + (columns instanceof QSymbol s && s.value().startsWith(":")
                            ? " (a reference to a splayed table on disk, which cannot be sent as data)" : ""), at);
        }
        if (nameVector.attribute() != Attribute.NONE || columnList.attribute() != Attribute.NONE) {
            throw error("a table's column names and column list carry no attribute in kdb+ IPC; these carry "
                    + nameVector.attribute() + " and " + columnList.attribute(), at);
        }
        if (columnList.count() != nameVector.count()) {
            throw error("table has " + nameVector.count() + " column names but " + columnList.count() + " columns",
                    at);
        }
        QSequence[] cols = new QSequence[columnList.count()];
        for (int i = 0; i < cols.length; i++) {
            if (!(columnList.at(i) instanceof QSequence col)) {
                throw error("table column `" + nameVector.get(i) + " is not a list: " + describe(columnList.at(i)), at);
            }
            cols[i] = col;
        }
        try {
            return QTable.wrap(nameVector.array(), cols, attribute);
        } catch (IllegalArgumentException e) {
            throw error("bad table: " + e.getMessage(), at);
        }
    }

    /**
     * The usual table, its column list a general list without attribute: read here without making a
     * {@link QList} of it, each vector column read as such. Checks as {@link #readTable}, in the same order.
     */
    private QTable readColumns(QSymbolVector nameVector, Attribute attribute, int depth, int at) {
        pos += 2;   // type 0 (general list), attribute 0 (none)
        int countAt = pos;
        int n = readCount("list");
        if ((long) n * 2 > end - pos) {
            throw error("list of " + n + " items cannot fit in the " + (end - pos) + " bytes that remain", countAt);
        }
        QSequence[] cols = new QSequence[n];
        QValue[] others = null;
        for (int i = 0; i < n; i++) {
            int type = end > pos ? b[pos] : -1;
            if (type > Code.LIST && type <= Code.TIME && type != Code.UNUSED) {
                int typePos = pos++;
                cols[i] = readVector(type, typePos);
            } else if (type == Code.LIST && depth + 3 <= maxDepth) {
                pos++;
                cols[i] = readList(depth + 2);
            } else {
                QValue v = readValue(depth + 2);
                if (v instanceof QSequence col) {
                    cols[i] = col;
                } else {
                    if (others == null) {
                        others = new QValue[n];
                    }
                    others[i] = v;
                }
            }
        }
        if (n != nameVector.count()) {
            throw error("table has " + nameVector.count() + " column names but " + n + " columns", at);
        }
        if (others != null) {
            for (int i = 0; i < n; i++) {
                if (others[i] != null) {
                    throw error("table column `" + nameVector.get(i) + " is not a list: " + describe(others[i]), at);
                }
            }
        }
        try {
            return QTable.wrap(nameVector.array(), cols, attribute);
        } catch (IllegalArgumentException e) {
            throw error("bad table: " + e.getMessage(), at);
        }
    }

    private QLambda readLambda(int depth, int at) {
        String context = readCString("lambda context");
        QValue source = readValue(depth + 1);
        if (!(source instanceof QCharVector text)) {
            throw error("a lambda's source must be a char vector, not " + describe(source), at);
        }
        if (text.attribute() != Attribute.NONE) {
            throw error("a lambda's source text carries an attribute (" + text.attribute().letter()
                    + "#), which kdb+ never sends", at);
        }
        return new QLambda(context, QUtf8.decode(text.array(), 0, text.count()));
    }

    private static String describe(QValue v) {
        if (v instanceof QSymbol s) {
            return "the symbol atom `" + s.value();
        }
        return "a " + v.type().qName() + (v.typeNumber() < 0 ? " atom" : "") + " (type " + v.typeNumber() + ")";
    }

    // ---------------------------------------------------------------- bounds

    private void need(int n, String what) {
        if (end - pos < n) {
            throw error("truncated message: " + what + " needs " + n + " bytes but only " + (end - pos) + " remain",
                    pos);
        }
    }

    /** Reserves {@code n} bytes, returning their position. */
    private int take(int n, String what) {
        need(n, what);
        int p = pos;
        pos += n;
        return p;
    }

    private QProtocolException error(String message, int at) {
        return new QProtocolException(message, at - base);
    }
}
