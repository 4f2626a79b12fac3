package dev.q4j.text;

import dev.q4j.text.QParser.Val;
import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import dev.q4j.value.QVector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The verbs q4j evaluates: attributes ({@code `s#}), casts ({@code $}), drop ({@code _}), join and flip. */
final class Verbs {
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Verbs() {
    }

    // ------------------------------------------------------------------ `s#x

    /**
     * {@code `s#x}, {@code `u#x}, {@code `p#x}, {@code `g#x} set an attribute, {@code `#x} removes it. On a
     * dictionary or keyed table {@code `s#} makes it sorted (type 127) and gives its keys the s attribute unless they
     * were written {@code (`#keys)}, which keeps them without one.
     */
    static Val attribute(Val l, Val r, int pos) {
        if (!(l.value() instanceof QSymbol s)) {
            throw new QTextException("# is supported only as an attribute (`s#, `u#, `p#, `g#, `#), not with a "
                    + Values.describe(l.value()) + " on its left: q4j reads literals", pos);
        }
        String letter = s.value();
        Attribute a = letter.isEmpty() ? Attribute.NONE : Attribute.ofLetter(letter);
        if (a == null) {
            throw new QTextException("unknown attribute `" + letter + ": use `s, `u, `p or `g", l.pos);
        }
        QValue v = r.value();
        if (v instanceof QDict || v instanceof QKeyedTable) {
            if (a != Attribute.SORTED) {
                throw new QTextException("only `s# applies to a dictionary or keyed table", l.pos);
            }
            if (v instanceof QDict d) {
                return new Val(new QDict(sortedKeys(d.keys(), r), d.values(), true), l.pos);
            }
            QKeyedTable k = (QKeyedTable) v;
            return new Val(new QKeyedTable((QTable) sortedKeys(k.keys(), r), k.values(), true), l.pos);
        }
        if (!(v instanceof QSequence || v instanceof QTable)) {
            throw new QTextException("an attribute applies to a list or a table, not a " + Values.describe(v), pos);
        }
        Val out = new Val(Values.withAttribute(v, a), l.pos);
        out.attributeRemoved = a == Attribute.NONE;
        return out;
    }

    private static QValue sortedKeys(QValue keys, Val dict) {
        if (!dict.keysAttributeRemoved && Values.attributeOf(keys) == Attribute.NONE) {
            return Values.withAttribute(keys, Attribute.SORTED);
        }
        return keys;
    }

    // ------------------------------------------------------------------ casts

    /**
     * {@code `long$()} (empty typed lists), {@code `$"a b"} (symbols), {@code "G"$"…"} (guids) and the casts the
     * printer uses for values q has no literal for: {@code "z"$float}, {@code "d"$int}, {@code "m"$int} (also
     * {@code "u" "v" "t" "p" "n"}), which keep the raw number.
     */
    static QValue cast(QValue l, QValue r, int pos) {
        QType type;
        boolean parse = false;
        if (l instanceof QChar c) {
            char ch = c.toChar();
            parse = ch == 'G';
            type = parse ? QType.GUID : ch == ' ' ? null : QType.ofLetter(ch);
        } else if (l instanceof QSymbol s) {
            type = s.value().isEmpty() ? QType.SYMBOL : byName(s.value());
        } else {
            throw new QTextException("$ needs a type on its left (\"j\", `long, `, \"G\"), not a "
                    + Values.describe(l), pos);
        }
        if (type == null) {
            throw new QTextException("unknown type " + QPrinter.print(l) + " on the left of $", pos);
        }
        if (r instanceof QList list && list.count() == 0) {
            return QVectors.empty(type);
        }
        if (r.type() == type && (r instanceof QAtom || r instanceof QVector)) {
            return r;
        }
        switch (type) {
            case SYMBOL: return symbols(r, pos);
            case GUID:
                if (!parse) {
                    break;
                }
                return guids(r, pos);
            case DATETIME:
                if (r instanceof QFloat f) {
                    return QDatetime.of(f.value());
                }
                if (r instanceof QFloatVector f) {
                    return QDatetimeVector.wrap(f.array());
                }
                break;
            case MONTH: case DATE: case MINUTE: case SECOND: case TIME: {
                if (r instanceof QInt i) {
                    return QVectors.intAtom(type, i.value());
                }
                if (r instanceof QIntVector i) {
                    return QVectors.wrapInts(type, i.array(), Attribute.NONE);
                }
                if (r instanceof QLong x) {
                    return QVectors.intAtom(type, narrow(x.value(), pos));
                }
                if (r instanceof QLongVector x) {
                    int[] out = new int[x.count()];
                    for (int i = 0; i < out.length; i++) {
                        out[i] = narrow(x.get(i), pos);
                    }
                    return QVectors.wrapInts(type, out, Attribute.NONE);
                }
                break;
            }
            case TIMESTAMP: case TIMESPAN: {
                if (r instanceof QLong x) {
                    return QVectors.longAtom(type, x.value());
                }
                if (r instanceof QLongVector x) {
                    return QVectors.wrapLongs(type, x.array(), Attribute.NONE);
                }
                break;
            }
            default:
                break;
        }
        throw new QTextException("q4j does not cast a " + Values.describe(r) + " to " + type.qName()
                + ": it casts () to any type, strings to symbols and guids, floats to datetimes and ints to dates, "
                + "months and times", pos);
    }

    private static QType byName(String name) {
        for (QType t : QType.values()) {
            if (t.isBasic() && t.qName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static int narrow(long v, int pos) {
        if (v == Long.MIN_VALUE) {
            return Integer.MIN_VALUE;
        }
        if (v == Long.MAX_VALUE) {
            return Integer.MAX_VALUE;
        }
        if (v == -Long.MAX_VALUE) {
            return -Integer.MAX_VALUE;
        }
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new QTextException(v + " is out of range for a cast to a 32-bit temporal type", pos);
        }
        return (int) v;
    }

    private static QValue symbols(QValue r, int pos) {
        if (r instanceof QCharVector || r instanceof QChar) {
            return QSymbol.of(symbolText(r, pos));
        }
        if (r instanceof QList l) {
            String[] out = new String[l.count()];
            for (int i = 0; i < out.length; i++) {
                out[i] = symbolText(l.at(i), pos);
            }
            return QSymbolVector.wrap(out);
        }
        throw new QTextException("`$ makes symbols from strings, not from a " + Values.describe(r), pos);
    }

    private static String symbolText(QValue v, int pos) {
        byte[] b;
        if (v instanceof QCharVector c) {
            b = c.array();
        } else if (v instanceof QChar c) {
            b = new byte[] {c.value()};
        } else {
            throw new QTextException("`$ makes symbols from strings, not from a " + Values.describe(v), pos);
        }
        String s = QUtf8.decode(b, 0, b.length);
        if (s.indexOf('\0') >= 0) {
            throw new QTextException("a symbol cannot contain a NUL character", pos);
        }
        return s;
    }

    private static QValue guids(QValue r, int pos) {
        if (r instanceof QCharVector c) {
            return QGuid.of(guid(c, pos));
        }
        if (r instanceof QList l) {
            UUID[] out = new UUID[l.count()];
            for (int i = 0; i < out.length; i++) {
                if (!(l.at(i) instanceof QCharVector c)) {
                    throw new QTextException("\"G\"$ reads guids from strings, not from a "
                            + Values.describe(l.at(i)), pos);
                }
                out[i] = guid(c, pos);
            }
            return QGuidVector.wrap(out);
        }
        throw new QTextException("\"G\"$ reads guids from strings, not from a " + Values.describe(r), pos);
    }

    private static UUID guid(QCharVector c, int pos) {
        String s = c.asString();
        if (!GUID.matcher(s).matches()) {
            throw new QTextException("not a guid: \"" + s + "\" (expected 8-4-4-4-12 hex digits)", pos);
        }
        return UUID.fromString(s);
    }

    // ------------------------------------------------------------------ drop, join, flip

    /**
     * {@code n_x}, and chains of drops such as {@code 1_-1_x}: each count drops that many items from the front, or
     * -n from the back; a general list stays general (q does not collapse it again). A chain is done in one pass:
     * dropping a from the front and then b from the back leaves the items from a to count-b.
     *
     * @param counts the counts, the one nearest to {@code x} (applied first) first
     * @param x the list
     * @param pos where the chain's first {@code _} is
     * @return the items that remain
     */
    static QValue drop(List<Val> counts, Val x, int pos) {
        if (!(x.value() instanceof QSequence s)) {
            throw new QTextException("_ drops items from a list, not from a " + Values.describe(x.value()), pos);
        }
        int count = s.count();
        long front = 0;
        long back = 0;
        for (Val c : counts) {
            long n;
            if (c.value() instanceof QLong l) {
                n = l.value();
            } else if (c.value() instanceof QInt i) {
                n = i.value();
            } else {
                throw new QTextException("_ is supported only as drop, with a number on its left, not a "
                        + Values.describe(c.value()), c.pos);
            }
            // each count is capped at the list's length first, so nothing overflows (not even -0N, Long.MIN_VALUE)
            if (n >= 0) {
                front += Math.min(count, n);
            } else {
                back += n == Long.MIN_VALUE ? count : Math.min(count, -n);
            }
            front = Math.min(front, count);
            back = Math.min(back, count);
        }
        int from = (int) front;
        int to = front + back >= count ? from : count - (int) back;
        List<QValue> items = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            items.add(s.at(i));
        }
        if (s instanceof QList) {
            return QList.of(items);
        }
        return QVectors.ofAtoms(s.type(), items);
    }

    /**
     * {@code x,y}, and chains such as {@code 1,2,3}, in one pass: atoms and vectors all of one type join into a
     * vector, anything else into a general list; an empty general list adds nothing ({@code (),1} is {@code ,1}).
     *
     * @param operands the values joined, left to right
     * @param pos where the chain's first {@code ,} is
     * @return the joined list
     */
    static QValue join(List<Val> operands, int pos) {
        List<Val> parts = new ArrayList<>(operands.size());
        for (Val v : operands) {
            QValue x = v.value();
            if (!(x instanceof QAtom) && !(x instanceof QSequence)) {
                throw new QTextException(", joins lists and atoms, not a " + Values.describe(x), v.pos);
            }
            if (!(x instanceof QList e && e.count() == 0)) {
                parts.add(v);
            }
        }
        if (parts.isEmpty()) {
            return QList.EMPTY;
        }
        if (parts.size() == 1) {
            QValue only = parts.get(0).value();
            return only instanceof QAtom ? Values.enlist(only) : only;
        }
        QType type = parts.get(0).value().type();
        boolean simple = true;
        int total = 0;
        for (Val v : parts) {
            QValue x = v.value();
            simple &= (x instanceof QAtom || x instanceof QVector) && x.type() == type;
            total += x instanceof QSequence s ? s.count() : 1;
        }
        List<QValue> items = new ArrayList<>(total);
        for (Val v : parts) {
            QValue x = v.value();
            if (x instanceof QSequence s) {
                for (int i = 0; i < s.count(); i++) {
                    items.add(s.at(i));
                }
            } else {
                items.add(x);
            }
        }
        return simple ? QVectors.ofAtoms(type, items) : QList.of(items);
    }

    /**
     * {@code +`a`b!(1 2;3 4)} or {@code flip d}: a dictionary of columns becomes a table; atoms are repeated.
     *
     * @param v the dictionary (possibly one too deep to be a value of its own, see {@link Val#isColumnDictionary()})
     * @param pos where the flip is
     * @return the table
     */
    static QTable flip(Val v, int pos) {
        if (!v.isColumnDictionary()) {
            throw new QTextException("+ (flip) makes a table from a dictionary of symbols to columns, not from a "
                    + Values.describe(v.value()), pos);
        }
        QSymbolVector names = (QSymbolVector) v.dictKeys();
        QValue values = v.dictValues();
        List<QValue> columns = new ArrayList<>();
        if (values instanceof QSequence s) {
            for (int i = 0; i < s.count(); i++) {
                columns.add(s.at(i));
            }
        }
        int rows = -1;
        for (QValue c : columns) {
            if (c instanceof QSequence s) {
                rows = s.count();
            } else if (!(c instanceof QAtom)) {
                throw new QTextException("a table column must be a list, not a " + Values.describe(c), pos);
            }
        }
        if (rows < 0 && !columns.isEmpty()) {
            throw new QTextException("+ (flip) needs at least one list among the columns", pos);
        }
        QSequence[] cols = new QSequence[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            QValue c = columns.get(i);
            cols[i] = c instanceof QSequence s ? s : QVectors.ofAtoms(c.type(), Collections.nCopies(rows, c));
        }
        try {
            return QTable.wrap(names.toArray(), cols, Attribute.NONE);
        } catch (IllegalArgumentException e) {
            throw new QTextException("cannot flip: " + e.getMessage(), pos, e);
        }
    }
}
