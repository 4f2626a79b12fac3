package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QList;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A nested column (type 77) read from its two files, as the corpus shows kdb+ writes them: the {@code name} file
 * holds one int64 per row from offset 4096, its low 56 bits the offset of the row's item in the data of the
 * {@code name#} file (a byte list: the header {@code fd 00 04 00} at 4080, data from 4096), its top byte a form:
 * <ul>
 * <li>form 1, a compact item: one byte, the item's type plus 127 (so {@code 0x89} a char list, {@code 0x75} a char
 *     atom, {@code 0x86} a long list, {@code 0x78} a long atom); an atom's value follows; a list's count follows in
 *     one byte, then its items;</li>
 * <li>form 0, an item as kdb+ lays out a list in memory: bytes m, a, type, attribute, int32 reference count, int64
 *     count, items from offset 16 of the item.</li>
 * </ul>
 * An item ends where the next one starts (or at the end of the data), with at most 15 bytes of padding. What the
 * corpus does not show is refused with an error: a compact count over 127 (how larger counts are written is not
 * known), symbols ({@code name##}), lists of lists, types other than the simple ones.
 */
final class Anymap {
    private static final long OFFSET_MASK = (1L << 56) - 1;

    private Anymap() {
    }

    static QList read(ColumnFile offsets, RawFile data, int count, int from, int n) {
        offsets.checkCount(count);
        byte[] d = data.all();
        if (d.length < ColumnFile.ENUM_DATA || (d[0] & 0xff) != 0xfd || d[1] != 0x20
                || (d[ColumnFile.ENUM_HEADER] & 0xff) != 0xfd || d[ColumnFile.ENUM_HEADER + 2] != 4) {
            throw new HdbException(data.path, 0, "the data file of a nested column is not a byte list with a"
                    + " 4096-byte header (fd 20 ... and fd 00 04 at offset 4080)");
        }
        int base = ColumnFile.ENUM_DATA;
        long end = d.length - base;
        ByteBuffer o = ByteBuffer.wrap(offsets.file.all()).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.LITTLE_ENDIAN);
        QValue[] rows = new QValue[n];
        for (int i = from; i < from + n; i++) {
            int at = offsets.dataOffset + 8 * i;
            long entry = o.getLong(at);
            int form = (int) (entry >>> 56);
            long start = entry & OFFSET_MASK;
            long stop = i + 1 < count ? o.getLong(at + 8) & OFFSET_MASK : end;
            if (start < 0 || stop > end || start > stop) {
                throw new HdbException(offsets.file.path, at, "row " + i + "'s item spans " + start + ".." + stop
                        + ", outside the " + end + " bytes of " + data.path.getFileName());
            }
            int p = (int) (base + start);
            int used;
            if (form == 1) {
                used = compact(data, d, b, p, (int) (stop - start), rows, i, from);
            } else if (form == 0) {
                used = full(data, d, b, p, (int) (stop - start), rows, i, from);
            } else {
                throw new HdbException(offsets.file.path, at, "row " + i + "'s item has form " + form
                        + ", not one q4j knows (0 or 1)");
            }
            if (stop - start - used > 15) {
                throw new HdbException(data.path, p + used, "row " + i + "'s item ends " + (stop - start - used)
                        + " bytes before the next one starts");
            }
        }
        return QList.wrap(rows, Attribute.NONE);
    }

    private static int compact(RawFile data, byte[] d, ByteBuffer b, int p, int span, QValue[] rows, int row,
            int from) {
        if (span < 1) {
            throw new HdbException(data.path, p, "row " + row + "'s item is empty");
        }
        int t = (b.get(p) & 0xff) - 127;
        QType type = simpleType(data, p, Math.abs(t), row);
        int width = type.width();
        if (t < 0) {
            need(data, p, 1 + width, span, row);
            rows[row - from] = vector(data, type, d, p + 1, 1).at(0);
            return 1 + width;
        }
        need(data, p, 2, span, row);
        int n = b.get(p + 1) & 0xff;
        if (n > 127) {
            throw new HdbException(data.path, p + 1, "row " + row + "'s list count byte " + n + " is over 127: how"
                    + " kdb+ writes larger counts in this form is not known to q4j");
        }
        need(data, p, 2 + n * width, span, row);
        rows[row - from] = vector(data, type, d, p + 2, n);
        return 2 + n * width;
    }

    private static int full(RawFile data, byte[] d, ByteBuffer b, int p, int span, QValue[] rows, int row,
            int from) {
        need(data, p, 16, span, row);
        int t = b.get(p + 2);
        QType type = simpleType(data, p + 2, t, row);
        int attr = b.get(p + 3);
        long n = b.getLong(p + 8);
        if (attr != 0 || n < 0 || n > (span - 16) / type.width()) {
            throw new HdbException(data.path, p + 8, "row " + row + "'s list of " + n + " items (attribute " + attr
                    + ") does not fit in its " + span + " bytes");
        }
        need(data, p, 16 + (int) n * type.width(), span, row);
        rows[row - from] = vector(data, type, d, p + 16, (int) n);
        return 16 + (int) n * type.width();
    }

    private static QType simpleType(RawFile data, int p, int t, int row) {
        if (t < 1 || t > 19 || t == 3 || t == 11) {
            throw new HdbException(data.path, p, "row " + row + "'s item has type " + t + ": only simple types"
                    + " other than symbol are read in nested columns");
        }
        return QType.ofCode(t);
    }

    private static void need(RawFile data, int p, int bytes, int span, int row) {
        if (bytes > span) {
            throw new HdbException(data.path, p, "row " + row + "'s item needs " + bytes + " bytes but spans "
                    + span);
        }
    }

    private static QVector vector(RawFile data, QType type, byte[] bytes, int at, int n) {
        return SimpleItems.vector(type, bytes, at, n, Attribute.NONE, data.path, 0);
    }
}
