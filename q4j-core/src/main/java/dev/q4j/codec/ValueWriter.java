package dev.q4j.codec;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QAtom;
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
import dev.q4j.value.QType.Code;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.UUID;

/**
 * Writes values little-endian into an array sized beforehand by {@link #sizeOf(QValue, SymbolEncoder)} with the
 * same {@link SymbolEncoder}.
 */
final class ValueWriter {
    private final byte[] b;
    private final SymbolEncoder symbols;
    private int pos;

    /**
     * @param symbols the cache {@link #sizeOf(QValue, SymbolEncoder)} filled (or {@code null}, then one is made
     *     as needed)
     */
    ValueWriter(byte[] out, int start, SymbolEncoder symbols) {
        this.b = out;
        this.pos = start;
        this.symbols = symbols;
    }

    // ---------------------------------------------------------------- sizes

    static long sizeOf(QValue v) {
        return sizeOf(v, null);
    }

    /**
     * @param symbols remembers the symbols of long symbol vectors for the writer, or {@code null}
     */
    static long sizeOf(QValue v, SymbolEncoder symbols) {
        // classes before the interfaces QAtom and QVector, and calls on each class's own type: see write(QValue)
        long fixed = sizeOfFixedWidthVector(v);
        if (fixed >= 0) {
            return fixed;
        }
        if (v instanceof QSymbolVector s) {
            String[] array = s.array();
            long n = 6 + array.length;
            if (symbols != null && array.length >= SymbolEncoder.MIN_VECTOR) {
                for (String sym : array) {
                    n += symbols.length(sym);
                }
            } else {
                for (String sym : array) {
                    n += utf8Length(sym);
                }
            }
            return n;
        }
        if (v instanceof QTable t) {
            // the names as a symbol vector, without copying them into one
            long n = 3 + 6 + 6;
            List<String> names = t.columnNames();
            List<QSequence> columns = t.columns();
            for (int i = 0; i < names.size(); i++) {
                n += utf8Length(names.get(i)) + 1 + sizeOf(columns.get(i), symbols);
            }
            return n;
        }
        if (v instanceof QList l) {
            long n = 6;
            for (int i = 0; i < l.count(); i++) {
                n += sizeOf(l.at(i), symbols);
            }
            return n;
        }
        if (v instanceof QDict d) {
            return 1 + sizeOf(d.keys(), symbols) + sizeOf(d.values(), symbols);
        }
        if (v instanceof QKeyedTable k) {
            return 1 + sizeOf(k.keys(), symbols) + sizeOf(k.values(), symbols);
        }
        if (v instanceof QAtom a) {
            return a instanceof QSymbol s ? 2 + utf8Length(s.value()) : 1 + a.type().width();
        }
        if (v instanceof QLambda f) {
            return 1 + utf8Length(f.context()) + 1 + 6 + utf8Length(f.source());
        }
        if (v instanceof QUnaryPrimitive || v instanceof QBinaryPrimitive || v instanceof QIterator) {
            return 2;
        }
        if (v instanceof QProjection p) {
            return 5 + sizeOfAll(p.items(), symbols);
        }
        if (v instanceof QComposition c) {
            return 5 + sizeOfAll(c.items(), symbols);
        }
        if (v instanceof QDerivedFunction d) {
            return 1 + sizeOf(d.function(), symbols);
        }
        QError e = (QError) v;
        return 2 + utf8Length(e.message());
    }

    /** {@return the size of a vector of fixed-width items, or -1 when {@code v} is not one} */
    private static long sizeOfFixedWidthVector(QValue v) {
        if (v instanceof LongBackedVector x) {
            return 6 + 8L * x.count();
        }
        if (v instanceof DoubleBackedVector x) {
            return 6 + 8L * x.count();
        }
        if (v instanceof IntBackedVector x) {
            return 6 + 4L * x.count();
        }
        if (v instanceof QCharVector x) {
            return 6 + (long) x.count();
        }
        if (v instanceof QByteVector x) {
            return 6 + (long) x.count();
        }
        if (v instanceof QBooleanVector x) {
            return 6 + (long) x.count();
        }
        if (v instanceof QShortVector x) {
            return 6 + 2L * x.count();
        }
        if (v instanceof QRealVector x) {
            return 6 + 4L * x.count();
        }
        if (v instanceof QGuidVector x) {
            return 6 + 16L * x.count();
        }
        return -1;
    }

    private static long sizeOfAll(List<QValue> items, SymbolEncoder symbols) {
        long n = 0;
        for (QValue item : items) {
            n += sizeOf(item, symbols);
        }
        return n;
    }

    /** UTF-8 length without allocating; ASCII is the fast path. */
    static int utf8Length(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return QUtf8.encodedLength(s);
            }
        }
        return n;
    }

    // ---------------------------------------------------------------- writing

    /** {@return the position after the value} */
    int write(QValue v) {
        // Classes before the interfaces QAtom and QVector, and calls on each class's own type. The columns of a
        // table are values of many classes, and on JDK 17 an instanceof that fails against an interface (a scan of
        // the class's interfaces; JDK 23 made it cheap) and a call through a type whose target changes from column
        // to column each cost more than writing a 10-row column (BENCHMARKS.md, "Small values: dispatch by class").
        // sizeOf also tests classes first.
        if (writeVector(v)) {
            return pos;
        }
        if (v instanceof QTable t) {
            writeTable(t);
        } else if (v instanceof QList l) {
            header(Code.LIST, l.attribute(), l.count());
            for (int i = 0; i < l.count(); i++) {
                write(l.at(i));
            }
        } else if (v instanceof QDict d) {
            b[pos++] = d.type().code();
            write(d.keys());
            write(d.values());
        } else if (v instanceof QKeyedTable k) {
            b[pos++] = k.type().code();
            write(k.keys());
            write(k.values());
        } else if (v instanceof QAtom a) {
            writeAtom(a);
        } else if (v instanceof QLambda f) {
            b[pos++] = Code.LAMBDA;
            putCString(f.context());
            byte[] src = QUtf8.encode(f.source());
            header(Code.CHAR, Attribute.NONE, src.length);
            putBytes(src);
        } else if (v instanceof QUnaryPrimitive p) {
            b[pos++] = Code.UNARY_PRIMITIVE;
            b[pos++] = (byte) p.code();
        } else if (v instanceof QBinaryPrimitive p) {
            b[pos++] = Code.BINARY_PRIMITIVE;
            b[pos++] = (byte) p.code();
        } else if (v instanceof QIterator p) {
            b[pos++] = Code.ITERATOR;
            b[pos++] = (byte) p.code();
        } else if (v instanceof QProjection p) {
            writeItems(Code.PROJECTION, p.items());
        } else if (v instanceof QComposition c) {
            writeItems(Code.COMPOSITION, c.items());
        } else if (v instanceof QDerivedFunction d) {
            b[pos++] = d.type().code();
            write(d.function());
        } else {
            b[pos++] = Code.ERROR;
            putCString(((QError) v).message());
        }
        return pos;
    }

    private void writeItems(int type, List<QValue> items) {
        b[pos++] = (byte) type;
        putInt(items.size());
        for (QValue item : items) {
            write(item);
        }
    }

    private void writeTable(QTable t) {
        b[pos++] = Code.TABLE;
        b[pos++] = t.attribute().code();
        b[pos++] = Code.DICT;
        List<String> names = t.columnNames();
        int n = names.size();
        header(Code.SYMBOL, Attribute.NONE, n);
        for (int i = 0; i < n; i++) {
            putCString(names.get(i));
        }
        List<QSequence> columns = t.columns();
        header(Code.LIST, Attribute.NONE, n);
        for (int i = 0; i < n; i++) {
            write(columns.get(i));
        }
    }

    private void writeAtom(QAtom a) {
        b[pos++] = a.type().atomCode();
        if (a instanceof QLong x) {
            putLong(x.value());
        } else if (a instanceof QSymbol x) {
            putCString(x.value());
        } else if (a instanceof QInt x) {
            putInt(x.value());
        } else if (a instanceof QFloat x) {
            putLong(Double.doubleToRawLongBits(x.value()));
        } else if (a instanceof QTimestamp x) {
            putLong(x.nanos());
        } else if (a instanceof QBoolean x) {
            b[pos++] = (byte) (x.value() ? 1 : 0);
        } else if (a instanceof QByte x) {
            b[pos++] = x.value();
        } else if (a instanceof QChar x) {
            b[pos++] = x.value();
        } else if (a instanceof QShort x) {
            Bytes.SHORT_LE.set(b, pos, x.value());
            pos += 2;
        } else if (a instanceof QReal x) {
            putInt(Float.floatToRawIntBits(x.value()));
        } else if (a instanceof QGuid x) {
            putGuid(x.value());
        } else if (a instanceof QMonth x) {
            putInt(x.months());
        } else if (a instanceof QDate x) {
            putInt(x.days());
        } else if (a instanceof QDatetime x) {
            putLong(Double.doubleToRawLongBits(x.days()));
        } else if (a instanceof QTimespan x) {
            putLong(x.nanos());
        } else if (a instanceof QMinute x) {
            putInt(x.minutes());
        } else if (a instanceof QSecond x) {
            putInt(x.seconds());
        } else {
            putInt(((QTime) a).millis());
        }
    }

    // Short vectors are written item by item: a ByteBuffer view costs more than it saves below a few dozen items.
    // Long ones in bulk: a plain memory copy on a little-endian machine. Floats go as raw bits either way (the
    // buffers write Double.doubleToRawLongBits), so NaN payloads survive.
    private static final int BULK = 32;

    /** {@return false, having written nothing, when {@code v} is not a vector} */
    private boolean writeVector(QValue v) {
        // through buffer(), not array(): a vector decoded in place is copied from its bytes, not into an array first
        if (v instanceof LongBackedVector x) {
            int n = x.count();
            header(x.type().code(), x.attribute(), n);
            if (n < BULK) {
                for (int i = 0; i < n; i++) {
                    putLong(x.get(i));
                }
            } else {
                view(n * 8).asLongBuffer().put(x.buffer());
            }
        } else if (v instanceof IntBackedVector x) {
            int n = x.count();
            header(x.type().code(), x.attribute(), n);
            if (n < BULK) {
                for (int i = 0; i < n; i++) {
                    putInt(x.get(i));
                }
            } else {
                view(n * 4).asIntBuffer().put(x.buffer());
            }
        } else if (v instanceof DoubleBackedVector x) {
            int n = x.count();
            header(x.type().code(), x.attribute(), n);
            if (n < BULK) {
                for (int i = 0; i < n; i++) {
                    putLong(Double.doubleToRawLongBits(x.get(i)));
                }
            } else {
                view(n * 8).asDoubleBuffer().put(x.buffer());
            }
        } else if (v instanceof QSymbolVector x) {
            String[] a = x.array();
            header(Code.SYMBOL, x.attribute(), a.length);
            if (symbols != null && a.length >= SymbolEncoder.MIN_VECTOR) {
                int p = pos;
                for (String s : a) {
                    p = symbols.put(b, p, s);
                }
                pos = p;
            } else {
                for (String s : a) {
                    putCString(s);
                }
            }
        } else if (v instanceof QCharVector x) {
            header(Code.CHAR, x.attribute(), x.count());
            putBytes(x.array());
        } else if (v instanceof QByteVector x) {
            header(Code.BYTE, x.attribute(), x.count());
            putBytes(x.array());
        } else if (v instanceof QBooleanVector x) {
            boolean[] bools = x.array();
            header(Code.BOOLEAN, x.attribute(), bools.length);
            for (int i = 0; i < bools.length; i++) {
                b[pos + i] = (byte) (bools[i] ? 1 : 0);
            }
            pos += bools.length;
        } else if (v instanceof QShortVector x) {
            short[] a = x.array();
            header(Code.SHORT, x.attribute(), a.length);
            view(a.length * 2).asShortBuffer().put(a);
        } else if (v instanceof QRealVector x) {
            float[] f = x.array();
            header(Code.REAL, x.attribute(), f.length);
            if (f.length < BULK) {
                for (float item : f) {
                    putInt(Float.floatToRawIntBits(item));
                }
            } else {
                view(f.length * 4).asFloatBuffer().put(f);
            }
        } else if (v instanceof QGuidVector x) {
            UUID[] a = x.array();
            header(Code.GUID, x.attribute(), a.length);
            for (UUID u : a) {
                putGuid(u);
            }
        } else {
            return false;
        }
        return true;
    }

    private void header(int type, Attribute attribute, int count) {
        b[pos++] = (byte) type;
        b[pos++] = attribute.code();
        putInt(count);
    }

    private ByteBuffer view(int bytes) {
        ByteBuffer bb = ByteBuffer.wrap(b, pos, bytes).order(ByteOrder.LITTLE_ENDIAN);
        pos += bytes;
        return bb;
    }

    private void putInt(int v) {
        Bytes.INT_LE.set(b, pos, v);
        pos += 4;
    }

    private void putLong(long v) {
        Bytes.LONG_LE.set(b, pos, v);
        pos += 8;
    }

    private void putGuid(UUID u) {
        Bytes.LONG_BE.set(b, pos, u.getMostSignificantBits());
        Bytes.LONG_BE.set(b, pos + 8, u.getLeastSignificantBits());
        pos += 16;
    }

    private void putBytes(byte[] bytes) {
        System.arraycopy(bytes, 0, b, pos, bytes.length);
        pos += bytes.length;
    }

    private void putCString(String s) {
        pos = putCString(b, pos, s);
    }

    /** Writes {@code s} in UTF-8 and a NUL at {@code p}; returns the position after the NUL. */
    static int putCString(byte[] b, int p, String s) {
        int n = s.length();
        int start = p;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = QUtf8.encode(s);
                System.arraycopy(utf8, 0, b, start, utf8.length);
                b[start + utf8.length] = 0;
                return start + utf8.length + 1;
            }
            b[p++] = (byte) c;
        }
        b[p] = 0;
        return p + 1;
    }
}
