package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One kdb+ data file, parsed: its header says what it holds. The layouts read, each proven by files real kdb+
 * wrote (shared/corpus/hdb):
 * <ul>
 * <li>simple column: {@code fe 20 TYPE ATTR}, 12 bytes more (the count at offset 8 is written as 0: not used),
 *     the items from offset 16, little-endian;</li>
 * <li>enumerated column: {@code fd 20}, the domain's name (NUL-terminated) from offset 16, at offset 4080 the
 *     header {@code fd 00 14 ATTR}, the int64 indices from offset 4096;</li>
 * <li>nested column ({@code name} beside {@code name#}): the header {@code fd 01 4d 00} (type 77) at offset 4080,
 *     one int64 per row from offset 4096 (see {@link Anymap});</li>
 * <li>a serialized value: {@code ff 01}, then the value as q's IPC serializes it (a symbol list, such as
 *     {@code .d} or {@code sym}: {@code 0b ATTR}, an int32 count that kdb+ does not keep (0, or stale), then
 *     NUL-terminated symbols to the end of the file; a table saved as one file: {@code 62 ...}).</li>
 * </ul>
 * The rows of a column with an attribute may be followed by index data ({@code p#}, {@code g#} and {@code u#} are in
 * the corpus: a {@code u#} column of 5408 rows fills 200712 bytes), so the row count of such a column comes from the
 * table, never from the file's size.
 */
final class ColumnFile {
    static final int ENUM_HEADER = 4080;
    static final int ENUM_DATA = 4096;
    static final int SIMPLE_DATA = 16;

    enum Kind { SIMPLE, ENUMERATED, ANYMAP, SERIALIZED }

    final RawFile file;
    final Kind kind;
    /** the type code of the items: 1..19 for simple, 20 for enumerated, 77 for anymap, the value's for serialized */
    final int typeCode;
    final Attribute attribute;
    final int dataOffset;
    /** the enumeration's domain, or null */
    final String domain;

    private ColumnFile(RawFile file, Kind kind, int typeCode, Attribute attribute, int dataOffset, String domain) {
        this.file = file;
        this.kind = kind;
        this.typeCode = typeCode;
        this.attribute = attribute;
        this.dataOffset = dataOffset;
        this.domain = domain;
    }

    static ColumnFile parse(RawFile f) {
        byte[] b = f.head;
        if (f.size < 8) {
            throw new HdbException(f.path, 0, "file of " + f.size + " bytes is too short for any kdb+ header");
        }
        int m = b[0] & 0xff;
        if (m == 0xfe && b[1] == 0x20) {
            if (f.size < SIMPLE_DATA) {
                throw new HdbException(f.path, 0, "column file of " + f.size + " bytes is shorter than its header");
            }
            int t = b[2];
            if (t < 1 || t > 19 || t == 3 || t == 11) {
                throw new HdbException(f.path, 2, "column header names type " + t + ", not a simple type q4j reads"
                        + " from a column file (1, 2, 4..10, 12..19)");
            }
            return new ColumnFile(f, Kind.SIMPLE, t, attribute(f, 3), SIMPLE_DATA, null);
        }
        if (m == 0xfd && b[1] == 0x20) {
            if (f.size < ENUM_DATA) {
                throw new HdbException(f.path, 0, "file of " + f.size + " bytes is shorter than the 4096-byte"
                        + " header its first bytes announce");
            }
            if ((b[ENUM_HEADER] & 0xff) != 0xfd) {
                throw new HdbException(f.path, ENUM_HEADER, String.format("header byte 0x%02x, 0xfd expected",
                        b[ENUM_HEADER] & 0xff));
            }
            int t = b[ENUM_HEADER + 2] & 0xff;
            if (t == 20 && b[ENUM_HEADER + 1] == 0) {
                return new ColumnFile(f, Kind.ENUMERATED, t, attribute(f, ENUM_HEADER + 3), ENUM_DATA,
                        domainName(f));
            }
            if (t == 77 && b[ENUM_HEADER + 1] == 1) {
                return new ColumnFile(f, Kind.ANYMAP, t, attribute(f, ENUM_HEADER + 3), ENUM_DATA, null);
            }
            throw new HdbException(f.path, ENUM_HEADER, String.format("header %02x %02x %02x: type %d is not read"
                    + " yet (enumerations, 20, and nested columns of type 77 are)", b[ENUM_HEADER] & 0xff,
                    b[ENUM_HEADER + 1] & 0xff, t, t));
        }
        if (m == 0xff && b[1] == 0x01) {
            return new ColumnFile(f, Kind.SERIALIZED, b[2], Attribute.NONE, 2, null);
        }
        throw new HdbException(f.path, 0, String.format("header %02x %02x %02x %02x is none of kdb+'s file headers"
                + " q4j knows (fe 20: column, fd 20: enumerated or nested column, ff 01: serialized value)",
                b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff));
    }

    private static Attribute attribute(RawFile f, int at) {
        int a = f.head[at];
        if (a < 0 || a > 4) {
            throw new HdbException(f.path, at, "attribute byte " + a + " is none of q's attributes (0..4)");
        }
        return Attribute.ofCode(a);
    }

    private static String domainName(RawFile f) {
        int end = SIMPLE_DATA;
        while (end < ENUM_HEADER && f.head[end] != 0) {
            end++;
        }
        if (end == SIMPLE_DATA || end == ENUM_HEADER) {
            throw new HdbException(f.path, SIMPLE_DATA, end == SIMPLE_DATA ? "enumeration names no domain"
                    : "enumeration's domain name is not NUL-terminated");
        }
        String name = new String(f.head, SIMPLE_DATA, end - SIMPLE_DATA, StandardCharsets.UTF_8);
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new HdbException(f.path, SIMPLE_DATA, "enumeration's domain name '" + name + "' is not a file name");
        }
        return name;
    }

    /** {@return the width in bytes of one item of a simple or enumerated column} */
    int width() {
        if (kind == Kind.ENUMERATED || kind == Kind.ANYMAP) {
            return 8;
        }
        return QType.ofCode((byte) typeCode).width();
    }

    /**
     * {@return how many rows the file's size gives}, or -1 when it cannot say: index data may follow the rows of a
     * column with an attribute
     */
    long countFromSize() {
        if (kind == Kind.SERIALIZED) {
            return -1;
        }
        long data = file.size - dataOffset;
        if (attribute != Attribute.NONE) {
            return -1;
        }
        if (data % width() != 0) {
            throw new HdbException(file.path, dataOffset, data + " bytes of data are not a whole number of "
                    + width() + "-byte items");
        }
        return data / width();
    }

    /** Checks that {@code count} rows lie within the file. */
    void checkCount(long count) {
        long need = dataOffset + count * width();
        long have = file.size;
        boolean indexed = attribute != Attribute.NONE;
        if (need > have || !indexed && need != have) {
            throw new HdbException(file.path, dataOffset, "the table has " + count + " rows, which need " + need
                    + " bytes, but the file holds " + have);
        }
    }

    /**
     * {@return the simple column's {@code count} items}: read in place from the mapped file (or the uncompressed
     * bytes) for the types of 4 and 8 bytes, copied into arrays for the others (the value model holds those so)
     */
    QVector simple(int count) {
        return simple(count, 0, count);
    }

    /**
     * {@return rows {@code from} to {@code from + n} of the simple column of {@code count} rows}, as
     * {@link #simple(int)} reads them (an attribute holds for a slice too: a slice of a sorted, unique, parted or
     * grouped list is so)
     */
    QVector simple(int count, int from, int n) {
        checkCount(count);
        checkSlice(count, from, n);
        return SimpleItems.vector(QType.ofCode((byte) typeCode), file, dataOffset + (long) from * width(), n,
                attribute);
    }

    /** {@return indices {@code from} to {@code from + n} of the enumeration of {@code count} rows, in place} */
    dev.q4j.value.QLongVector indices(int count, int from, int n) {
        checkCount(count);
        checkSlice(count, from, n);
        return (dev.q4j.value.QLongVector) QVectors.inPlace(QType.LONG, file.items(dataOffset + 8L * from, n, 8), n,
                Attribute.NONE);
    }

    static void checkSlice(int count, int from, int n) {
        if (from < 0 || n < 0 || from > count - n) {
            throw new IndexOutOfBoundsException("rows " + from + " to " + ((long) from + n) + " of " + count);
        }
    }

    /**
     * {@return the symbols of a symbol list file}: NUL-terminated UTF-8 strings from offset 8 to the end of the
     * file (the count at offset 4 is not kept by kdb+: 0 in {@code .d} files, stale in a {@code sym} file)
     */
    QSymbolVector symbols() {
        byte[] b = file.all();
        if (kind != Kind.SERIALIZED || typeCode != 11) {
            throw new HdbException(file.path, 0, "not a symbol list file (ff 01 0b)");
        }
        int attr = b[3];
        if (attr < 0 || attr > 4) {
            throw new HdbException(file.path, 3, "attribute byte " + attr + " is none of q's attributes (0..4)");
        }
        List<String> out = new ArrayList<>();
        int start = 8;
        for (int i = 8; i < b.length; i++) {
            if (b[i] == 0) {
                out.add(new String(b, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        if (start != b.length) {
            throw new HdbException(file.path, start, "the last symbol is not NUL-terminated");
        }
        try {
            return QSymbolVector.wrap(out.toArray(new String[0]), Attribute.ofCode(attr));
        } catch (IllegalArgumentException e) {
            throw new HdbException(file.path, 3, "the symbols contradict their attribute: " + e.getMessage(), e);
        }
    }

    /** {@return the serialized value}, decoded as q's IPC encodes it */
    QValue serialized() {
        if (kind != Kind.SERIALIZED) {
            throw new HdbException(file.path, 0, "not a serialized value (ff 01)");
        }
        if (typeCode == 11) {
            return symbols();
        }
        try {
            byte[] all = file.all();
            return new dev.q4j.codec.Decoder().decodeBody(all, 2, all.length - 2, ByteOrder.LITTLE_ENDIAN);
        } catch (RuntimeException e) {
            throw new HdbException(file.path, 2, "the serialized value cannot be decoded: " + e.getMessage(), e);
        }
    }

    /** {@return rows {@code from} to {@code from + n} of the nested column of {@code count} rows} */
    QList anymap(RawFile data, int count, int from, int n) {
        checkSlice(count, from, n);
        return Anymap.read(this, data, count, from, n);
    }
}
