package dev.q4j.hdb;

import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a table splayed, as kdb+'s {@code set} of a table enumerated with {@code .Q.en} writes it, so that kdb+
 * loads it: a {@code .d} file naming the columns, one file per column, symbol columns enumerated against a domain
 * file (such as {@code sym}), which gets the symbols it lacks appended. Proven byte for byte: the corpus's splayed
 * tables, read and written again, give their files back unchanged.
 *
 * <pre>{@code
 * KdbWriter.writeSplayed(Path.of("/data/hdb/2024.01.02/trade"), trade, Path.of("/data/hdb/sym"));
 * // one partition as .Q.dpft lays it out: /data/hdb/2024.01.02/trade, symbols enumerated against /data/hdb/sym
 * KdbWriter.writePartition(Path.of("/data/hdb"), "2024.01.02", "trade", day);
 * // a table with a first column date (or month, or int): one partition per value
 * KdbWriter.writePartitioned(Path.of("/data/hdb"), "trade", trades);
 * }</pre>
 *
 * <p>Not written (an error says so): attributes (their index data's layout is not known to q4j), nested columns,
 * compression; {@code .Q.dpft}'s sorting and {@code p#} are not applied. The files are written whole, not
 * atomically: write to a new directory.
 */
public final class KdbWriter {
    private static final long NULL_INDEX = Long.MIN_VALUE;

    private KdbWriter() {
    }

    /**
     * Writes a table splayed into {@code dir}.
     *
     * @param dir the table's directory (created if missing); its files are replaced
     * @param table the table: simple columns, and symbol columns, which are enumerated
     * @param domain the domain file symbol columns are enumerated against (created if missing): its name is the
     *     enumeration's name, and its directory is where kdb+ and {@link Hdb} look for it (the database's root)
     * @throws IllegalArgumentException when a column has an attribute or is nested
     * @throws HdbException when the domain cannot be read
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void writeSplayed(Path dir, QTable table, Path domain) {
        List<String> names = table.columnNames();
        for (int i = 0; i < names.size(); i++) {
            QSequence c = table.columns().get(i);
            if (c.attribute() != Attribute.NONE) {
                throw new IllegalArgumentException("column " + names.get(i) + " has attribute " + c.attribute()
                        + ": writing attributes (and their index data) is not supported yet");
            }
            if (!(c instanceof dev.q4j.value.QVector)) {
                throw new IllegalArgumentException("column " + names.get(i) + " is a general list: writing nested"
                        + " columns is not supported yet");
            }
        }
        try {
            Files.createDirectories(dir);
            Map<String, Long> index = null;
            for (int i = 0; i < names.size(); i++) {
                QSequence c = table.columns().get(i);
                Path file = dir.resolve(names.get(i));
                if (c instanceof QSymbolVector s) {
                    if (index == null) {
                        index = domain(domain, table);
                    }
                    writeEnumerated(file, s, index, domain.getFileName().toString());
                } else {
                    writeSimple(file, c);
                }
            }
            writeSymbols(dir.resolve(".d"), names);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes one partition of a partitioned table as kdb+'s {@code .Q.dpft} lays it out (without its sorting and
     * {@code p#}): {@code db/partition/table/} with {@code .d} and one file per column, symbol columns enumerated
     * against {@code db/sym}, which gets the symbols it lacks appended.
     *
     * <pre>{@code
     * KdbWriter.writePartition(Path.of("/data/hdb"), "2024.01.02", "trade", day);   // day: sym, time, price
     * }</pre>
     *
     * @param db the database's root (created if missing)
     * @param partition the partition's name: a date {@code 2024.01.02}, a month {@code 2024.01} or an integer
     * @param table the table's name
     * @param rows the partition's rows, without the partition column
     * @throws IllegalArgumentException when a name is not one kdb+ would read, a column has an attribute or is
     *     nested, or the rows carry the partition column
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void writePartition(Path db, String partition, String table, QTable rows) {
        writePartition(db, partition, table, rows, "sym");
    }

    /**
     * Writes one partition as {@link #writePartition(Path, String, String, QTable)} does, enumerating symbols
     * against the domain {@code db/domain} instead of {@code db/sym}.
     *
     * @param db the database's root (created if missing)
     * @param partition the partition's name: a date {@code 2024.01.02}, a month {@code 2024.01} or an integer
     * @param table the table's name
     * @param rows the partition's rows, without the partition column
     * @param domain the name of the domain file in {@code db}, such as {@code sym}
     * @throws IllegalArgumentException when a name is not one kdb+ would read, a column has an attribute or is
     *     nested, or the rows carry the partition column
     * @throws UncheckedIOException when a file cannot be written
     */
    public static void writePartition(Path db, String partition, String table, QTable rows, String domain) {
        PartitionKind kind = partitionKind(partition);
        checkName("table", table);
        checkName("domain", domain);
        if (rows.columnNames().contains(kind.column())) {
            throw new IllegalArgumentException("the rows of partition " + partition + " carry a column "
                    + kind.column() + ": kdb+ makes it from the partition's name, so it is not written");
        }
        writeSplayed(db.resolve(partition).resolve(table), rows, db.resolve(domain));
    }

    /**
     * Writes a partitioned table in one call: its first column, named {@code date}, {@code month} or {@code int}
     * (as q names a partitioned table's partition column), says which partition each row goes to; each partition
     * is written by {@link #writePartition(Path, String, String, QTable)} with its rows in their order, the
     * partition column left out.
     *
     * <pre>{@code
     * QTable trades = QTable.of(List.of("date", "sym", "price"), List.of(QDateVector.ofDates(d1, d1, d2),
     *         QSymbolVector.of("a", "b", "a"), QFloatVector.of(1, 2, 3)));
     * KdbWriter.writePartitioned(Path.of("/data/hdb"), "trade", trades);   // 2 partitions
     * }</pre>
     *
     * @param db the database's root (created if missing)
     * @param table the table's name
     * @param rows the rows, the partition column first
     * @return the partitions written, in order
     * @throws IllegalArgumentException when the first column is not a date, month or int column so named, holds a
     *     null, or another column cannot be written
     * @throws UncheckedIOException when a file cannot be written
     */
    public static List<String> writePartitioned(Path db, String table, QTable rows) {
        List<String> names = rows.columnNames();
        QSequence first = names.isEmpty() ? null : rows.columns().get(0);
        PartitionKind kind = null;
        for (PartitionKind k : PartitionKind.values()) {
            if (!names.isEmpty() && names.get(0).equals(k.column()) && first.type() == k.type()) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("table " + table + ": the first column must be the partition column"
                    + " (date, month or int, so named and typed); the columns: " + names);
        }
        IntBackedVector key = (IntBackedVector) first;
        java.util.TreeMap<Integer, List<Integer>> groups = new java.util.TreeMap<>();
        for (int r = 0; r < key.count(); r++) {
            if (key.isNull(r)) {
                throw new IllegalArgumentException("table " + table + ": row " + r + "'s " + kind.column()
                        + " is null, so it has no partition");
            }
            groups.computeIfAbsent(key.get(r), x -> new ArrayList<>()).add(r);
        }
        String[] rest = names.subList(1, names.size()).toArray(new String[0]);
        List<String> written = new ArrayList<>();
        for (Map.Entry<Integer, List<Integer>> g : groups.entrySet()) {
            int[] at = g.getValue().stream().mapToInt(Integer::intValue).toArray();
            QSequence[] cols = new QSequence[rest.length];
            for (int i = 0; i < rest.length; i++) {
                cols[i] = Take.rows(rows.columns().get(i + 1), at, rest[i]);
            }
            String p = kind.name(g.getKey());
            writePartition(db, p, table, QTable.wrap(rest, cols, Attribute.NONE));
            written.add(p);
        }
        return written;
    }

    private static PartitionKind partitionKind(String partition) {
        for (PartitionKind k : PartitionKind.values()) {
            if (k.matches(partition)) {
                return k;
            }
        }
        throw new IllegalArgumentException("'" + partition + "' is not a partition name: a date (2024.01.02), a"
                + " month (2024.01) or a non-negative integer");
    }

    private static void checkName(String what, String name) {
        if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw new IllegalArgumentException("'" + name + "' is not a " + what + " name");
        }
    }

    /** Appends the table's symbols missing from the domain (in order of first appearance), and indexes it. */
    private static Map<String, Long> domain(Path file, QTable table) throws IOException {
        List<String> symbols = new ArrayList<>();
        if (Files.exists(file)) {
            symbols.addAll(List.of(KdbFiles.symbols(file).toArray()));
        }
        Map<String, Long> index = new HashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            index.putIfAbsent(symbols.get(i), (long) i);
        }
        LinkedHashSet<String> added = new LinkedHashSet<>();
        for (QSequence c : table.columns()) {
            if (c instanceof QSymbolVector s) {
                for (int r = 0; r < s.count(); r++) {
                    String x = s.get(r);
                    if (!x.isEmpty() && !index.containsKey(x)) {
                        added.add(x);
                    }
                }
            }
        }
        if (!added.isEmpty() || !Files.exists(file)) {
            for (String x : added) {
                index.put(x, (long) symbols.size());
                symbols.add(x);
            }
            writeSymbols(file, symbols);
        }
        return index;
    }

    /** {@code ff 01 0b 00}, a count of 0 (as kdb+ writes its {@code .d} and domain files), NUL-terminated names */
    private static void writeSymbols(Path file, List<String> symbols) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            out.write(new byte[] {(byte) 0xff, 1, 11, 0, 0, 0, 0, 0});
            for (String s : symbols) {
                out.write(s.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
        }
    }

    /** {@code fd 20}, the domain's name from 16, {@code fd 00 14 00} at 4080, int64 indices from 4096 (null: 0N) */
    private static void writeEnumerated(Path file, QSymbolVector s, Map<String, Long> index, String domain)
            throws IOException {
        byte[] name = domain.getBytes(StandardCharsets.UTF_8);
        if (name.length >= ColumnFile.ENUM_HEADER - ColumnFile.SIMPLE_DATA) {
            throw new IllegalArgumentException("domain name " + domain + " is too long");
        }
        ByteBuffer b = ByteBuffer.allocate(ColumnFile.ENUM_DATA + 8 * s.count()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0xfd).put(1, (byte) 0x20);
        b.put(ColumnFile.SIMPLE_DATA, name);
        b.put(ColumnFile.ENUM_HEADER, (byte) 0xfd).put(ColumnFile.ENUM_HEADER + 2, (byte) 20);
        for (int r = 0; r < s.count(); r++) {
            String x = s.get(r);
            b.putLong(ColumnFile.ENUM_DATA + 8 * r, x.isEmpty() ? NULL_INDEX : index.get(x));
        }
        Files.write(file, b.array());
    }

    /** {@code fe 20 TYPE 00}, 12 zero bytes (the count as kdb+ writes it), the items little-endian */
    private static void writeSimple(Path file, QSequence c) throws IOException {
        int n = c.count();
        int width = c.type().width();
        ByteBuffer b = ByteBuffer.allocate(ColumnFile.SIMPLE_DATA + n * width).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, (byte) 0xfe).put(1, (byte) 0x20).put(2, c.type().code());
        b.position(ColumnFile.SIMPLE_DATA);
        if (c instanceof IntBackedVector v) {
            for (int i = 0; i < n; i++) {
                b.putInt(ColumnFile.SIMPLE_DATA + 4 * i, v.get(i));
            }
        } else if (c instanceof LongBackedVector v) {
            for (int i = 0; i < n; i++) {
                b.putLong(ColumnFile.SIMPLE_DATA + 8 * i, v.get(i));
            }
        } else if (c instanceof DoubleBackedVector v) {
            for (int i = 0; i < n; i++) {
                b.putLong(ColumnFile.SIMPLE_DATA + 8 * i, Double.doubleToRawLongBits(v.get(i)));
            }
        } else if (c instanceof QRealVector v) {
            for (int i = 0; i < n; i++) {
                b.putInt(ColumnFile.SIMPLE_DATA + 4 * i, Float.floatToRawIntBits(v.get(i)));
            }
        } else if (c instanceof QShortVector v) {
            for (int i = 0; i < n; i++) {
                b.putShort(ColumnFile.SIMPLE_DATA + 2 * i, v.get(i));
            }
        } else if (c instanceof QBooleanVector v) {
            for (int i = 0; i < n; i++) {
                b.put(ColumnFile.SIMPLE_DATA + i, (byte) (v.get(i) ? 1 : 0));
            }
        } else if (c instanceof QByteVector v) {
            b.put(ColumnFile.SIMPLE_DATA, v.array());
        } else if (c instanceof QCharVector v) {
            b.put(ColumnFile.SIMPLE_DATA, v.array());
        } else if (c instanceof QGuidVector v) {
            ByteBuffer be = b.duplicate().order(ByteOrder.BIG_ENDIAN);
            for (int i = 0; i < n; i++) {
                UUID u = v.get(i);
                be.putLong(ColumnFile.SIMPLE_DATA + 16 * i, u.getMostSignificantBits());
                be.putLong(ColumnFile.SIMPLE_DATA + 16 * i + 8, u.getLeastSignificantBits());
            }
        } else {
            throw new IllegalArgumentException("a " + c.type() + " column cannot be written to a column file");
        }
        Files.write(file, b.array());
    }
}
