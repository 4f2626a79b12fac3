package dev.q4j.cli;

import dev.q4j.QErrorException;
import dev.q4j.server.FunctionCall;
import dev.q4j.value.Attribute;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo's real-time database: tables held in memory as growing columns, filled by a tickerplant's
 * {@code upd[table;data]} messages, answering a handful of q queries computed in Java (it has no q interpreter):
 *
 * <ul>
 *   <li>{@code tables[]}: the table names, sorted
 *   <li>{@code count t}: the number of rows
 *   <li>{@code t}: the whole table
 *   <li>{@code n#t}, {@code -n#t}: the first or last {@code n} rows (as q's take: cycling when {@code n} is over
 *       the count, nulls from an empty table)
 *   <li>{@code select last c by sym from t}: a table keyed by {@code sym} (sorted) with the last {@code c} of each
 *   <li>{@code select from t where sym=`s}: the rows of one symbol
 *   <li>{@code ""}: the generic null, for clients making sure their async messages arrived ({@code h""})
 * </ul>
 *
 * <p>Anything else is answered with {@code 'nyi} and this list; an unknown table or column with its name, as q does.
 * Whitespace between words is free. Each table keeps at most {@code maxRows} rows: past that, the oldest half goes.
 *
 * <p>Thread-safe: updates and queries may come from any threads; query results are copies.
 */
final class DemoRdb {
    /** What the RDB answers, for the {@code 'nyi} error and the help. */
    static final String ANSWERS = "tables[]; count t; t; n#t; -n#t; select last c by sym from t; "
            + "select from t where sym=`s";

    private static final String NAME = "([a-zA-Z][a-zA-Z0-9_]*)";
    private static final Pattern TABLES = Pattern.compile("tables *\\[ *\\]");
    private static final Pattern COUNT = Pattern.compile("count " + NAME);
    private static final Pattern TAKE = Pattern.compile("(-?[0-9]+) *# *" + NAME);
    private static final Pattern LAST_BY_SYM = Pattern.compile("select last " + NAME + " by sym from " + NAME);
    private static final Pattern WHERE_SYM = Pattern.compile("select from " + NAME + " where sym *= *`([^ ]*)");
    private static final Pattern TABLE = Pattern.compile(NAME);
    /** Takes beyond this many rows are refused, rather than filling the heap. */
    private static final long MAX_TAKE = 10_000_000;

    private final Map<String, Table> tables = new TreeMap<>();
    private final int maxRows;

    /** @param maxRows rows each table keeps at most (at least 2) */
    DemoRdb(int maxRows) {
        if (maxRows < 2) {
            throw new IllegalArgumentException("maxRows must be at least 2");
        }
        this.maxRows = maxRows;
    }

    // ---------------------------------------------------------------- updates

    /**
     * Defines (or empties) a table, as an RDB does with the schemas {@code .u.sub} answers.
     *
     * @param name the table's name
     * @param schema a table whose columns give the names and types (its rows are ignored)
     */
    synchronized void define(String name, QTable schema) {
        tables.put(name, new Table(schema));
    }

    /**
     * Takes one message a tickerplant pushes: {@code (`upd;`table;data)}.
     *
     * @param message the message's value
     * @return the table name and the rows appended
     * @throws IllegalArgumentException when it is not an {@code upd} of a table or of columns of a known table
     */
    Update upd(QValue message) {
        FunctionCall call = FunctionCall.of(message)
                .filter(c -> c.name().equals("upd") && c.args().size() == 2 && c.args().get(0) instanceof QSymbol)
                .orElseThrow(() -> new IllegalArgumentException("not an upd[table;data] message: " + message));
        String name = ((QSymbol) call.args().get(0)).value();
        QValue data = call.args().get(1);
        QTable rows;
        synchronized (this) {
            Table t = tables.get(name);
            if (data instanceof QTable table) {
                rows = table;
            } else if (data instanceof QList columns && t != null && columns.count() == t.names.length) {
                rows = QTable.of(Arrays.asList(t.names), columns.items());
            } else {
                throw new IllegalArgumentException("upd[`" + name + "] needs a table, or the columns of a known table");
            }
            if (t == null) {
                t = new Table(rows);
                tables.put(name, t);
            }
            t.append(rows, maxRows);
        }
        return new Update(name, rows);
    }

    /**
     * @param table the table's name
     * @param rows the rows an {@code upd} appended
     */
    record Update(String table, QTable rows) {
    }

    // ---------------------------------------------------------------- queries

    /**
     * {@return how many rows it holds, or -1 when there is no such table}
     *
     * @param name a table's name
     */
    synchronized int count(String name) {
        Table t = tables.get(name);
        return t == null ? -1 : t.count;
    }

    /**
     * Answers a client's sync request.
     *
     * @param request what the client sent: q text
     * @return the result
     * @throws QErrorException for what it cannot answer ({@code 'nyi}), an unknown table or column, a take too big
     */
    QValue query(QValue request) {
        if (!(request instanceof QCharVector text)) {
            throw nyi();
        }
        String q = text.asString().strip().replaceAll("\\s+", " ");
        if (q.isEmpty()) {
            return Q.NIL;
        }
        Matcher m;
        synchronized (this) {
            if (TABLES.matcher(q).matches()) {
                return QSymbolVector.wrap(tables.keySet().toArray(new String[0]));
            }
            if ((m = COUNT.matcher(q)).matches()) {
                return QLong.of(table(m.group(1)).count);
            }
            if ((m = TAKE.matcher(q)).matches()) {
                long n;
                try {
                    n = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    throw new QErrorException("limit");
                }
                if (Math.abs(n) > MAX_TAKE) {
                    throw new QErrorException("limit");
                }
                return table(m.group(2)).take((int) n);
            }
            if ((m = LAST_BY_SYM.matcher(q)).matches()) {
                return table(m.group(2)).lastBySym(m.group(1));
            }
            if ((m = WHERE_SYM.matcher(q)).matches()) {
                return table(m.group(1)).whereSym(m.group(2));
            }
            if ((m = TABLE.matcher(q)).matches()) {
                Table t = table(m.group(1));
                return t.pick(range(0, t.count));
            }
        }
        throw nyi();
    }

    private static QErrorException nyi() {
        return new QErrorException("nyi: the q4j demo RDB answers only " + ANSWERS);
    }

    private Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new QErrorException(name);
        }
        return t;
    }

    private static int[] range(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return idx;
    }

    // ---------------------------------------------------------------- storage

    /** One table: named growing columns of equal length. */
    private static final class Table {
        final String[] names;
        final Column[] columns;
        int count;

        Table(QTable schema) {
            names = schema.columnNames().toArray(new String[0]);
            columns = new Column[names.length];
            for (int i = 0; i < names.length; i++) {
                columns[i] = Column.of(schema.columns().get(i));
            }
        }

        void append(QTable rows, int maxRows) {
            if (!rows.columnNames().equals(Arrays.asList(names))) {
                throw new IllegalArgumentException("upd columns " + rows.columnNames() + " do not match "
                        + Arrays.asList(names));
            }
            for (int i = 0; i < names.length; i++) {
                if (!columns[i].accepts(rows.columns().get(i))) {
                    throw new IllegalArgumentException("upd column " + names[i] + " is " + rows.columns().get(i)
                            .type() + ", the table's is " + columns[i].type);
                }
            }
            int n = rows.count();
            if (count + n > maxRows) {
                // an RDB left running: keep the newer half
                int drop = Math.min(count, count + n - maxRows / 2);
                for (Column c : columns) {
                    c.dropFirst(drop, count);
                }
                count -= drop;
            }
            for (int i = 0; i < names.length; i++) {
                columns[i].append(rows.columns().get(i), count);
            }
            count += n;
        }

        /** The rows at these indices (-1 for a row of nulls). */
        QTable pick(int[] rows) {
            List<QValue> cols = new ArrayList<>(columns.length);
            for (Column c : columns) {
                cols.add(c.pick(rows));
            }
            return QTable.of(Arrays.asList(names), cols);
        }

        QTable take(int n) {
            int k = Math.abs(n);
            int[] idx = new int[k];
            for (int i = 0; i < k; i++) {
                if (count == 0) {
                    idx[i] = -1;
                } else if (n >= 0) {
                    idx[i] = i % count;
                } else {
                    // -n#t: the last n, cycling backwards from the end as q does
                    idx[i] = Math.floorMod(count - k + i, count);
                }
            }
            return pick(idx);
        }

        int symColumn() {
            int s = Arrays.asList(names).indexOf("sym");
            if (s < 0 || !(columns[s] instanceof SymbolColumn)) {
                throw new QErrorException("sym");
            }
            return s;
        }

        QKeyedTable lastBySym(String column) {
            int c = Arrays.asList(names).indexOf(column);
            if (c < 0) {
                throw new QErrorException(column);
            }
            String[] sym = ((SymbolColumn) columns[symColumn()]).items;
            TreeMap<String, Integer> last = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                last.put(sym[i], i);
            }
            int[] idx = last.values().stream().mapToInt(Integer::intValue).toArray();
            return QKeyedTable.of(
                    QTable.of(List.of("sym"), List.of(QSymbolVector.wrap(last.keySet().toArray(new String[0])))),
                    QTable.of(List.of(column), List.of(columns[c].pick(idx))));
        }

        QTable whereSym(String s) {
            String[] sym = ((SymbolColumn) columns[symColumn()]).items;
            int[] idx = new int[count];
            int n = 0;
            for (int i = 0; i < count; i++) {
                if (sym[i].equals(s)) {
                    idx[n++] = i;
                }
            }
            return pick(Arrays.copyOf(idx, n));
        }
    }

    /** A growing column of one q type. */
    private abstract static class Column {
        final QType type;

        Column(QType type) {
            this.type = type;
        }

        static Column of(QSequence sample) {
            if (sample instanceof LongBackedVector) {
                return new LongColumn(sample.type());
            } else if (sample instanceof IntBackedVector) {
                return new IntColumn(sample.type());
            } else if (sample instanceof DoubleBackedVector) {
                return new DoubleColumn(sample.type());
            } else if (sample instanceof QSymbolVector) {
                return new SymbolColumn();
            }
            return new AnyColumn(sample.type());
        }

        boolean accepts(QSequence items) {
            return items.type() == type;
        }

        /** Appends {@code items} after the first {@code count} items. */
        abstract void append(QSequence items, int count);

        /** Drops the first {@code n} of {@code count} items. */
        abstract void dropFirst(int n, int count);

        /** The items at these indices, -1 giving a null. */
        abstract QSequence pick(int[] rows);

        static int grow(int capacity, int needed) {
            return Math.max(needed, Math.max(16, capacity + (capacity >> 1)));
        }
    }

    private static final class LongColumn extends Column {
        long[] items = new long[0];

        LongColumn(QType type) {
            super(type);
        }

        @Override
        void append(QSequence s, int count) {
            long[] a = ((LongBackedVector) s).array();
            if (count + a.length > items.length) {
                items = Arrays.copyOf(items, grow(items.length, count + a.length));
            }
            System.arraycopy(a, 0, items, count, a.length);
        }

        @Override
        void dropFirst(int n, int count) {
            System.arraycopy(items, n, items, 0, count - n);
        }

        @Override
        QSequence pick(int[] rows) {
            long[] out = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i] < 0 ? Long.MIN_VALUE : items[rows[i]];
            }
            return QVectors.wrapLongs(type, out, Attribute.NONE);
        }
    }

    private static final class IntColumn extends Column {
        int[] items = new int[0];

        IntColumn(QType type) {
            super(type);
        }

        @Override
        void append(QSequence s, int count) {
            int[] a = ((IntBackedVector) s).array();
            if (count + a.length > items.length) {
                items = Arrays.copyOf(items, grow(items.length, count + a.length));
            }
            System.arraycopy(a, 0, items, count, a.length);
        }

        @Override
        void dropFirst(int n, int count) {
            System.arraycopy(items, n, items, 0, count - n);
        }

        @Override
        QSequence pick(int[] rows) {
            int[] out = new int[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i] < 0 ? Integer.MIN_VALUE : items[rows[i]];
            }
            return QVectors.wrapInts(type, out, Attribute.NONE);
        }
    }

    private static final class DoubleColumn extends Column {
        double[] items = new double[0];

        DoubleColumn(QType type) {
            super(type);
        }

        @Override
        void append(QSequence s, int count) {
            double[] a = ((DoubleBackedVector) s).array();
            if (count + a.length > items.length) {
                items = Arrays.copyOf(items, grow(items.length, count + a.length));
            }
            System.arraycopy(a, 0, items, count, a.length);
        }

        @Override
        void dropFirst(int n, int count) {
            System.arraycopy(items, n, items, 0, count - n);
        }

        @Override
        QSequence pick(int[] rows) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i] < 0 ? Double.NaN : items[rows[i]];
            }
            return QVectors.wrapDoubles(type, out, Attribute.NONE);
        }
    }

    private static final class SymbolColumn extends Column {
        String[] items = new String[0];

        SymbolColumn() {
            super(QType.SYMBOL);
        }

        @Override
        void append(QSequence s, int count) {
            String[] a = ((QSymbolVector) s).array();
            if (count + a.length > items.length) {
                items = Arrays.copyOf(items, grow(items.length, count + a.length));
            }
            System.arraycopy(a, 0, items, count, a.length);
        }

        @Override
        void dropFirst(int n, int count) {
            System.arraycopy(items, n, items, 0, count - n);
            Arrays.fill(items, count - n, count, null);
        }

        @Override
        QSequence pick(int[] rows) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = rows[i] < 0 ? "" : items[rows[i]];
            }
            return QSymbolVector.wrap(out);
        }
    }

    /** Any other column: boxed items, kept as a vector of its type or a general list. */
    private static final class AnyColumn extends Column {
        final List<QValue> items = new ArrayList<>();

        AnyColumn(QType type) {
            super(type);
        }

        @Override
        void append(QSequence s, int count) {
            for (int i = 0; i < s.count(); i++) {
                items.add(s.at(i));
            }
        }

        @Override
        void dropFirst(int n, int count) {
            items.subList(0, n).clear();
        }

        @Override
        QSequence pick(int[] rows) {
            List<QValue> out = new ArrayList<>(rows.length);
            for (int r : rows) {
                if (r < 0) {
                    throw new QErrorException("nyi: nulls of type " + type);
                }
                out.add(items.get(r));
            }
            return type == QType.LIST ? QList.of(out) : QVectors.ofAtoms(type, out);
        }
    }
}
