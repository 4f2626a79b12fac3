package dev.q4j.cli;

import dev.q4j.value.QAtom;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Tables as CSV (RFC 4180): a header row of column names, then one record per row, every line ended by CRLF.
 *
 * <ul>
 *   <li>A keyed table is written with its key columns first; a vector or general list as one column named
 *       {@code x} (q's name for an unnamed column). Anything else (an atom, a dictionary, a function) is not
 *       tabular: {@link NotTabular}.
 *   <li>Fields are quoted only when they hold a comma, a double quote (doubled), CR or LF; an empty string is
 *       written {@code ""}, so that it differs from a null.
 *   <li>Cells read as in {@link JsonFormat}: nulls are empty fields; booleans {@code true}/{@code false}; numbers in
 *       full precision; infinities {@code 0W}/{@code -0W}; temporals ISO-8601; symbols, strings, chars and guids as
 *       their text. A cell holding anything else (a list other than a string, a dictionary...) is its JSON text.
 * </ul>
 */
final class CsvFormat extends ChunkedText {
    private static final String EOL = "\r\n";

    /** The value is not a table, a keyed table or a list. */
    static final class NotTabular extends Exception {
        private static final long serialVersionUID = 1L;

        NotTabular(String message) {
            super(message);
        }
    }

    private CsvFormat(Appendable sink) {
        super(sink);
    }

    /**
     * {@return its CSV text, CRLF line ends included}
     *
     * @param value a table, keyed table or list
     * @throws NotTabular when it is none of those
     */
    static String format(QValue value) throws NotTabular {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /**
     * Writes a table, keyed table or list as CSV, in chunks.
     *
     * @param value the value
     * @param out where to write
     * @throws NotTabular when it is none of those (nothing is written then)
     * @throws UncheckedIOException when writing fails
     */
    static void write(QValue value, Appendable out) throws NotTabular {
        CsvFormat w = new CsvFormat(out);
        if (value instanceof QTable t) {
            w.rows(List.of(t));
        } else if (value instanceof QKeyedTable k) {
            w.rows(List.of(k.keys(), k.values()));
        } else if (value instanceof QSequence s) {
            w.column(s);
        } else {
            throw new NotTabular("csv needs a table, a keyed table or a list, and the result is "
                    + describe(value));
        }
        w.flush();
    }

    private static String describe(QValue v) {
        if (v.isGenericNull()) {
            return "the generic null ::";
        }
        String name = v.type().qName();
        if (v instanceof QAtom) {
            return "a " + name + " atom (type " + v.typeNumber() + "h)";
        }
        return "a " + name + " (type " + v.typeNumber() + "h)";
    }

    private void rows(List<QTable> parts) {
        boolean first = true;
        for (QTable t : parts) {
            for (String name : t.columnNames()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                field(name);
            }
        }
        sb.append(EOL);
        int n = parts.get(0).count();
        for (int r = 0; r < n; r++) {
            first = true;
            for (QTable t : parts) {
                for (QSequence column : t.columns()) {
                    if (!first) {
                        sb.append(',');
                    }
                    first = false;
                    cell(column.at(r));
                }
            }
            sb.append(EOL);
            maybeFlush();
        }
    }

    private void column(QSequence s) {
        sb.append('x').append(EOL);
        for (int i = 0; i < s.count(); i++) {
            cell(s.at(i));
            sb.append(EOL);
            maybeFlush();
        }
    }

    private void cell(QValue v) {
        if (v instanceof QAtom a) {
            String text = JsonFormat.text(a);
            if (text != null) {
                field(text);
            }
        } else if (v instanceof QCharVector s) {
            field(JsonFormat.text(s));
        } else if (!v.isGenericNull()) {
            field(JsonFormat.format(v));
        }
    }

    /** Appends one field, quoted when it must be (or when it is empty, to tell it from a null). */
    private void field(String text) {
        boolean quote = text.isEmpty();
        for (int i = 0; i < text.length() && !quote; i++) {
            char c = text.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) {
            sb.append(text);
            return;
        }
        sb.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }

}
