package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * A table of a kdb+ database, narrowed to some partitions and columns: only those are read (partition and column
 * pruning). A partitioned table's rows carry the partition as a first column named as q names it ({@code date},
 * {@code month}, {@code int}), included unless columns are chosen without it.
 *
 * <pre>{@code
 * HdbTable trade = Hdb.open(Path.of("/data/hdb")).table("trade");
 * trade.columns();                                         // [date, sym, time, price, size]
 * QTable day = trade.partitions("2024.01.02").columns("sym", "price").read();
 * for (QTable batch : trade.batches()) {                   // one partition at a time
 *     process(batch);
 * }
 * }</pre>
 *
 * <p>Instances are immutable; {@link #partitions(String...)} and {@link #columns(String...)} return narrowed copies.
 * A batch's int, long, float and temporal columns read the mapped files in place: their {@code get(i)} and
 * {@code buffer()} copy nothing (only {@code array()} does), so a columnar consumer (Spark's {@code ColumnVector})
 * can serve a partition's columns straight from the files; {@link #enumeration} gives a symbol column as indices and
 * its shared domain, as a dictionary encoding.
 */
public final class HdbTable {
    enum Layout { SPLAYED, PARTITIONED, FILE }

    private final Hdb hdb;
    private final String name;
    private final Layout layout;
    /** the table's directory (splayed) or file (one file); empty when partitioned */
    private final List<Path> paths;
    /** the partitions read, in order; null unless partitioned */
    private final List<String> partitions;
    /** the columns read, in order; null for all */
    private final List<String> chosen;

    HdbTable(Hdb hdb, String name, Layout layout, List<Path> paths, List<String> partitions, List<String> chosen) {
        this.hdb = hdb;
        this.name = name;
        this.layout = layout;
        this.paths = paths;
        this.partitions = partitions;
        this.chosen = chosen;
    }

    /** {@return the table's name} */
    public String name() {
        return name;
    }

    /** {@return whether the table is partitioned} */
    public boolean partitioned() {
        return layout == Layout.PARTITIONED;
    }

    /** {@return the partitions that will be read, in order}: empty for a table that is not partitioned */
    public List<String> partitions() {
        return partitions == null ? List.of() : List.copyOf(partitions);
    }

    /**
     * {@return the table narrowed to these partitions}, in the order given
     *
     * @param names partitions of this table
     * @throws IllegalArgumentException when the table is not partitioned or lacks one of them
     */
    public HdbTable partitions(String... names) {
        if (partitions == null) {
            throw new IllegalArgumentException("table " + name + " is not partitioned");
        }
        for (String p : names) {
            if (hdb.partitionDir(p, name) == null) {
                throw new IllegalArgumentException("table " + name + " has no partition " + p + "; its partitions: "
                        + partitions);
            }
        }
        return new HdbTable(hdb, name, layout, paths, List.of(names), chosen);
    }

    /**
     * {@return the names of the columns that will be read}: for a partitioned table the partition column first,
     * then the columns of the first partition's {@code .d}
     */
    public List<String> columns() {
        return chosen != null ? chosen : allColumns();
    }

    /**
     * {@return the table narrowed to these columns}, in the order given
     *
     * @param names columns of this table
     * @throws IllegalArgumentException when the table lacks one of them
     */
    public HdbTable columns(String... names) {
        List<String> all = allColumns();
        for (String c : names) {
            if (!all.contains(c)) {
                throw new IllegalArgumentException("table " + name + " has no column " + c + "; its columns: " + all);
            }
        }
        return new HdbTable(hdb, name, layout, paths, partitions, List.of(names));
    }

    private List<String> allColumns() {
        List<String> out = new ArrayList<>();
        switch (layout) {
            case FILE:
                return fileTable().columnNames();
            case SPLAYED:
                out.addAll(List.of(KdbFiles.symbols(paths.get(0).resolve(".d")).toArray()));
                return out;
            default:
                out.add(hdb.kind().column());
                if (!partitions.isEmpty()) {
                    Path first = hdb.partitionDir(partitions.get(0), name);
                    out.addAll(List.of(KdbFiles.symbols(first.resolve(".d")).toArray()));
                }
                return out;
        }
    }

    /**
     * {@return the chosen columns' types, attributes and storage}, read from the headers of the first chosen
     * partition's files (or from the table saved as one file); no row is read
     *
     * @throws HdbException when a column's file cannot be read or its header is not one q4j reads
     */
    public List<HdbColumn> schema() {
        List<HdbColumn> out = new ArrayList<>();
        if (layout == Layout.FILE) {
            QTable t = fileTable();
            for (String c : columns()) {
                QSequence s = t.column(c);
                out.add(new HdbColumn(c, s.type(), s.attribute(), HdbColumn.Storage.IN_FILE, Optional.empty()));
            }
            return out;
        }
        if (layout == Layout.PARTITIONED && partitions.isEmpty()) {
            throw new IllegalStateException("table " + name + ": no partition chosen, so its columns are unknown");
        }
        Path dir = directory(layout == Layout.PARTITIONED ? partitions.get(0) : null);
        for (String c : columns()) {
            if (layout == Layout.PARTITIONED && c.equals(hdb.kind().column())) {
                QType t = hdb.kind() == PartitionKind.DATE ? QType.DATE
                        : hdb.kind() == PartitionKind.MONTH ? QType.MONTH : QType.INT;
                out.add(new HdbColumn(c, t, Attribute.NONE, HdbColumn.Storage.PARTITION, Optional.empty()));
                continue;
            }
            ColumnFile f = ColumnFile.parse(RawFile.read(dir.resolve(c)));
            switch (f.kind) {
                case SIMPLE:
                    out.add(new HdbColumn(c, QType.ofCode(f.typeCode), f.attribute, HdbColumn.Storage.SIMPLE,
                            Optional.empty()));
                    break;
                case ENUMERATED:
                    out.add(new HdbColumn(c, QType.SYMBOL, f.attribute, HdbColumn.Storage.ENUMERATED,
                            Optional.of(f.domain)));
                    break;
                case ANYMAP:
                    out.add(new HdbColumn(c, QType.LIST, f.attribute, HdbColumn.Storage.NESTED, Optional.empty()));
                    break;
                default:
                    throw new HdbException(f.file.path, 0, "a serialized value (ff 01) where a column file is"
                            + " expected");
            }
        }
        return out;
    }

    /**
     * Reads the chosen partitions and columns into one table. One partition's columns read in place from the mapped
     * files; the columns of several partitions are joined into arrays (a copy): {@link #batches()} keeps each
     * partition in place.
     *
     * @return the rows
     * @throws HdbException when a file is missing, does not match its type, holds fewer rows than the table, has
     *     an index outside its domain, or has a layout q4j does not read
     */
    public QTable read() {
        if (layout != Layout.PARTITIONED) {
            return readOne(null);
        }
        List<String> names = columns();
        List<List<QSequence>> parts = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            parts.add(new ArrayList<>());
        }
        for (String p : partitions) {
            QTable t = readOne(p);
            for (int i = 0; i < names.size(); i++) {
                parts.get(i).add(t.columns().get(i));
            }
        }
        if (partitions.isEmpty()) {
            return emptyPartitioned(names);
        }
        QSequence[] cols = new QSequence[names.size()];
        for (int i = 0; i < cols.length; i++) {
            try {
                cols[i] = Concat.of(names.get(i), parts.get(i));
            } catch (IllegalStateException e) {
                throw new HdbException(hdb.directory(), -1, "table " + name + ": " + e.getMessage(), e);
            }
        }
        return QTable.wrap(names.toArray(new String[0]), cols, Attribute.NONE);
    }

    private QTable emptyPartitioned(List<String> names) {
        throw new IllegalStateException("table " + name + ": no partition chosen, so its columns' types are unknown"
                + " (" + names + ")");
    }

    /**
     * The chosen partitions one at a time, each read when the iteration reaches it; a table that is not
     * partitioned is one batch.
     *
     * @return the batches, in partition order
     */
    public Iterable<QTable> batches() {
        if (layout != Layout.PARTITIONED) {
            return () -> List.of(read()).iterator();
        }
        List<String> ps = List.copyOf(partitions);
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < ps.size();
            }

            @Override
            public QTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return readOne(ps.get(next++));
            }
        };
    }

    /**
     * The chosen partitions in slices of at most {@code maxRows} rows each, in order, each read when the iteration
     * reaches it; a slice reads only its rows of each column (in place from the mapped files). A table saved as one
     * file is one batch.
     *
     * <pre>{@code
     * for (QTable slice : hdb.table("trade").batches(1_000_000)) {
     *     process(slice);
     * }
     * }</pre>
     *
     * @param maxRows the most rows in a batch, at least 1
     * @return the batches; a partition with no rows gives none
     * @throws IllegalArgumentException when {@code maxRows} is under 1
     */
    public Iterable<QTable> batches(int maxRows) {
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1, not " + maxRows);
        }
        if (layout == Layout.FILE) {
            return () -> List.of(read()).iterator();
        }
        // a splayed table is one "partition", named null
        List<String> ps = layout == Layout.PARTITIONED ? List.copyOf(partitions)
                : java.util.Collections.singletonList(null);
        return () -> new Iterator<>() {
            private int part;
            private int rows = -1;
            private int from;

            @Override
            public boolean hasNext() {
                while (part < ps.size()) {
                    if (rows < 0) {
                        rows = count(ps.get(part));
                    }
                    if (from < rows) {
                        return true;
                    }
                    part++;
                    rows = -1;
                    from = 0;
                }
                return false;
            }

            @Override
            public QTable next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int n = Math.min(maxRows, rows - from);
                QTable t = readRows(ps.get(part), from, n);
                from += n;
                return t;
            }
        };
    }

    /**
     * Reads an enumerated column of one partition as stored: indices plus the shared domain, no symbol looked up.
     *
     * @param partition a partition, or null when the table is not partitioned
     * @param column an enumerated column
     * @return the column
     * @throws HdbException when the column is not enumerated or cannot be read
     */
    public Enumeration enumeration(String partition, String column) {
        Path dir = directory(partition);
        List<String> d = List.of(KdbFiles.symbols(dir.resolve(".d")).toArray());
        if (!d.contains(column)) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        int rows = rowCount(dir, d, List.of());
        ColumnFile f = ColumnFile.parse(RawFile.read(dir.resolve(column)));
        if (f.kind != ColumnFile.Kind.ENUMERATED) {
            throw new HdbException(f.file.path, 0, "not an enumerated column");
        }
        return enumeration(f, rows);
    }

    /**
     * Reads some rows of one partition (or of the table when it is not partitioned), the chosen columns only: int,
     * long, float and temporal columns and enumeration indices in place from the mapped files, as
     * {@link #batches(int)} does. For a reader that splits partitions (Spark's input partitions).
     *
     * <pre>{@code
     * QTable second = trade.columns("time", "price").rows("2024.01.02", 1_000_000, 1_000_000);
     * }</pre>
     *
     * @param partition a partition, or null when the table is not partitioned
     * @param from the first row
     * @param count how many rows
     * @return the rows
     * @throws IllegalArgumentException when there is no such partition, or the table is saved as one file and the
     *     rows are not all of it
     * @throws IndexOutOfBoundsException when the rows lie outside the partition
     * @throws HdbException when a file cannot be read
     */
    public QTable rows(String partition, int from, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, not " + count);
        }
        if (layout == Layout.FILE) {
            QTable t = readRows(null, 0, -1);
            ColumnFile.checkSlice(t.count(), from, count);
            if (from == 0 && count == t.count()) {
                return t;
            }
            throw new IllegalArgumentException("table " + name + " is saved as one file: it is read whole, not in"
                    + " slices");
        }
        return readRows(partition, from, count);
    }

    /**
     * Reads some rows of an enumerated column of one partition as stored: indices plus the shared domain.
     *
     * @param partition a partition, or null when the table is not partitioned
     * @param column an enumerated column
     * @param from the first row
     * @param count how many rows
     * @return the rows of the column
     * @throws IllegalArgumentException when there is no such partition or column
     * @throws IndexOutOfBoundsException when the rows lie outside the partition
     * @throws HdbException when the column is not enumerated or cannot be read
     */
    public Enumeration enumeration(String partition, String column, int from, int count) {
        Path dir = directory(partition);
        List<String> d = List.of(KdbFiles.symbols(dir.resolve(".d")).toArray());
        if (!d.contains(column)) {
            throw new IllegalArgumentException("table " + name + " has no column " + column);
        }
        ColumnFile f = ColumnFile.parse(RawFile.read(dir.resolve(column)));
        if (f.kind != ColumnFile.Kind.ENUMERATED) {
            throw new HdbException(f.file.path, 0, "not an enumerated column");
        }
        int rows = rowCount(dir, d, List.of(f));
        ColumnFile.checkSlice(rows, from, count);
        return new Enumeration(f.file.path, f.domain, hdb.domain(f.domain), f.indices(rows, from, count),
                f.attribute);
    }

    /**
     * {@return the number of rows of one partition}, or of the table when it is not partitioned
     *
     * @param partition a partition, or null when the table is not partitioned
     */
    public int count(String partition) {
        if (layout == Layout.FILE) {
            return fileTable().count();
        }
        Path dir = directory(partition);
        return rowCount(dir, List.of(KdbFiles.symbols(dir.resolve(".d")).toArray()), List.of());
    }

    private Path directory(String partition) {
        if (layout == Layout.FILE) {
            throw new IllegalArgumentException("table " + name + " is saved as one file, not splayed");
        }
        if (layout == Layout.SPLAYED) {
            if (partition != null) {
                throw new IllegalArgumentException("table " + name + " is not partitioned");
            }
            return paths.get(0);
        }
        Path dir = partition == null ? null : hdb.partitionDir(partition, name);
        if (dir == null) {
            throw new IllegalArgumentException("table " + name + " has no partition " + partition);
        }
        return dir;
    }

    private QTable fileTable() {
        QValue v = KdbFiles.read(paths.get(0));
        if (!(v instanceof QTable t)) {
            throw new HdbException(paths.get(0), 2, "holds a " + v.type() + ", not a table");
        }
        return t;
    }

    /** one partition (or the whole table when not partitioned), chosen columns only */
    private QTable readOne(String partition) {
        return readRows(partition, 0, -1);
    }

    /** rows {@code from} to {@code from + n} of one partition ({@code n} -1: all), chosen columns only */
    private QTable readRows(String partition, int from, int n) {
        if (layout == Layout.FILE) {
            QTable t = fileTable();
            if (chosen == null) {
                return t;
            }
            QSequence[] cols = new QSequence[chosen.size()];
            for (int i = 0; i < cols.length; i++) {
                cols[i] = t.column(chosen.get(i));
            }
            return QTable.wrap(chosen.toArray(new String[0]), cols, Attribute.NONE);
        }
        Path dir = directory(partition);
        List<String> d = List.of(KdbFiles.symbols(dir.resolve(".d")).toArray());
        List<String> names = columns();
        String partitionColumn = layout == Layout.PARTITIONED ? hdb.kind().column() : null;
        List<String> stored = new ArrayList<>();
        for (String c : names) {
            if (!c.equals(partitionColumn)) {
                if (!d.contains(c)) {
                    throw new HdbException(dir.resolve(".d"), -1, "partition " + partition + " of table " + name
                            + " has no column " + c + "; its columns: " + d);
                }
                stored.add(c);
            }
        }
        List<ColumnFile> files = new ArrayList<>();
        for (String c : stored) {
            files.add(ColumnFile.parse(RawFile.read(dir.resolve(c))));
        }
        int rows = rowCount(dir, d, files);
        int length = n < 0 ? rows - from : n;
        ColumnFile.checkSlice(rows, from, length);
        QSequence[] cols = new QSequence[names.size()];
        for (int i = 0, s = 0; i < cols.length; i++) {
            if (names.get(i).equals(partitionColumn)) {
                cols[i] = hdb.kind().column(List.of(partition), List.of(length));
            } else {
                cols[i] = column(files.get(s++), rows, from, length);
            }
        }
        return QTable.wrap(names.toArray(new String[0]), cols, Attribute.NONE);
    }

    private QSequence column(ColumnFile f, int rows, int from, int n) {
        switch (f.kind) {
            case SIMPLE:
                return f.simple(rows, from, n);
            case ENUMERATED:
                return new Enumeration(f.file.path, f.domain, hdb.domain(f.domain), f.indices(rows, from, n),
                        f.attribute).symbols();
            case ANYMAP:
                Path data = f.file.path.resolveSibling(f.file.path.getFileName() + "#");
                return f.anymap(RawFile.read(data), rows, from, n);
            default:
                throw new HdbException(f.file.path, 0, "a serialized value (ff 01) where a column file is expected");
        }
    }

    private Enumeration enumeration(ColumnFile f, int rows) {
        return new Enumeration(f.file.path, f.domain, hdb.domain(f.domain), f.indices(rows, 0, rows), f.attribute);
    }

    /**
     * The rows of a splayed table: from the first of the columns already read whose file's size gives it, else
     * from the other columns in {@code .d} order (the file of a column with an attribute may hold index data after its
     * rows, so its size does not give them).
     */
    private static int rowCount(Path dir, List<String> d, List<ColumnFile> read) {
        for (ColumnFile f : read) {
            long n = f.countFromSize();
            if (n >= 0) {
                return checkedRows(f, n);
            }
        }
        for (String c : d) {
            ColumnFile f = ColumnFile.parse(RawFile.read(dir.resolve(c)));
            long n = f.countFromSize();
            if (n >= 0) {
                return checkedRows(f, n);
            }
        }
        throw new HdbException(dir, -1, "every column carries an attribute (or none is a column file), so the row count"
                + " is not known");
    }

    private static int checkedRows(ColumnFile f, long n) {
        if (n > Integer.MAX_VALUE - 8) {
            throw new HdbException(f.file.path, -1, n + " rows: partitions of more rows than an array holds are not"
                    + " read yet");
        }
        return (int) n;
    }
}
