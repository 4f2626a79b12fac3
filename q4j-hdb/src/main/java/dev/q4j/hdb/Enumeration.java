package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import java.nio.file.Path;

/**
 * An enumerated symbol column as stored: int64 indices into a domain (a symbol list file such as {@code sym}),
 * kept so until a {@code String} is asked for. The domain is shared by every column enumerated against it, and the
 * indices are read in place from the file's bytes. Every index was checked to lie within the domain when the column
 * was read, or to be null ({@code 0N}, read as the null symbol, as q does: the corpus's TRANSACTION table has such
 * rows, empty in its CSV export).
 *
 * <pre>{@code
 * Enumeration e = hdb.table("trade").enumeration("2024.01.02", "sym");
 * String first = e.get(0);            // the symbol of row 0
 * long index = e.indices().get(0);    // its index in e.domain()
 * }</pre>
 */
public final class Enumeration {
    /** the index of a null (0N): the null symbol, as in q */
    private static final long NULL = Long.MIN_VALUE;

    private final String domainName;
    private final QSymbolVector domain;
    private final QLongVector indices;
    private final Attribute attribute;

    Enumeration(Path file, String domainName, QSymbolVector domain, QLongVector indices, Attribute attribute) {
        this.domainName = domainName;
        this.domain = domain;
        this.indices = indices;
        this.attribute = attribute;
        int size = domain.count();
        for (int i = 0, n = indices.count(); i < n; i++) {
            long x = indices.get(i);
            if ((x < 0 || x >= size) && x != NULL) {
                throw new HdbException(file, ColumnFile.ENUM_DATA + 8L * i, "row " + i + "'s index " + x
                        + " lies outside its domain " + domainName + " of " + size + " symbols");
            }
        }
    }

    /** {@return the domain's name: the symbol list file the indices point into, such as {@code sym}} */
    public String domainName() {
        return domainName;
    }

    /** {@return the domain's symbols, shared by every column enumerated against it} */
    public QSymbolVector domain() {
        return domain;
    }

    /** {@return the indices into {@link #domain()}, one per row, read in place} */
    public QLongVector indices() {
        return indices;
    }

    /** {@return the column's attribute (on disk, that of the enumeration)} */
    public Attribute attribute() {
        return attribute;
    }

    /** {@return how many rows} */
    public int count() {
        return indices.count();
    }

    /**
     * {@return the symbol of one row}
     *
     * @param row the row
     * @throws IndexOutOfBoundsException when there is no such row
     */
    public String get(int row) {
        long x = indices.get(row);
        return x == NULL ? "" : domain.get((int) x);
    }

    /**
     * {@return the column as symbols}: an array of references to the domain's strings (no string is copied). The
     * attribute is kept where it still holds for the symbols ({@code p#}, {@code g#}, {@code u#}: a domain holds
     * each symbol once); {@code s#} on indices says nothing of the symbols' order, so it is dropped.
     */
    public QSymbolVector symbols() {
        String[] out = new String[count()];
        for (int i = 0; i < out.length; i++) {
            long x = indices.get(i);
            out[i] = x == NULL ? "" : domain.get((int) x);
        }
        Attribute kept = attribute == Attribute.SORTED ? Attribute.NONE : attribute;
        return QSymbolVector.wrap(out, kept);
    }
}
