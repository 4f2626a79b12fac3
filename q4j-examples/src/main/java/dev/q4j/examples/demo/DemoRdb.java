package dev.q4j.examples.demo;

import dev.q4j.QErrorException;
import dev.q4j.server.FunctionCall;
import dev.q4j.text.QText;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
 * <p>The tables keep the q4j tables each {@code upd} brought, as they came (q4j values are immutable), and a query
 * builds its result from their items; it is written for clarity, not speed.
 *
 * <p>Thread-safe: updates and queries may come from any threads; query results are copies.
 *
 * <pre>{@code
 * DemoRdb rdb = new DemoRdb(1_000_000);
 * QServer server = QServer.start(ServerOptions.builder(5001).bind("127.0.0.1")
 *         .requestHandler(RequestHandler.sync((client, request) -> rdb.query(request))).build());
 * QConnection tp = QConnection.connect(ConnectionOptions.builder("localhost", 5010)
 *         .listener(m -> rdb.upd(m.value())).build());
 * tp.call(".u.sub", QSymbol.NULL, QSymbol.NULL);   // (name; schema) pairs, for define
 * }</pre>
 */
public final class DemoRdb {
    /** What the RDB answers, for the {@code 'nyi} error and the help. */
    public static final String ANSWERS = "tables[]; count t; t; n#t; -n#t; select last c by sym from t; "
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

    /**
     * An RDB without tables.
     *
     * @param maxRows rows each table keeps at most (at least 2)
     */
    public DemoRdb(int maxRows) {
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
    public synchronized void define(String name, QTable schema) {
        tables.put(name, new Table(schema));
    }

    /**
     * Takes one message a tickerplant pushes: {@code (`upd;`table;data)}.
     *
     * @param message the message's value
     * @return the table name and the rows appended
     * @throws IllegalArgumentException when it is not an {@code upd} of a table or of columns of a known table
     */
    public Update upd(QValue message) {
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
     * What one {@code upd} appended.
     *
     * @param table the table's name
     * @param rows the rows an {@code upd} appended
     */
    public record Update(String table, QTable rows) {
    }

    // ---------------------------------------------------------------- queries

    /**
     * {@return how many rows it holds, or -1 when there is no such table}
     *
     * @param name a table's name
     */
    public synchronized int count(String name) {
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
    public QValue query(QValue request) {
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

    /**
     * One table: the tables {@code upd} appended (immutable q4j values), the newer ones merged as they come in
     * (the oldest at most once per doubling), and read back item by item through {@link QSequence#at} into new
     * vectors ({@link QVectors#ofAtoms}) when queried.
     */
    private static final class Table {
        final String[] names;
        final QType[] types;
        /** the tables appended, oldest first; the first one's first {@code skip} rows are dropped */
        final ArrayDeque<QTable> chunks = new ArrayDeque<>();
        int skip;
        int count;

        Table(QTable schema) {
            names = schema.columnNames().toArray(new String[0]);
            types = new QType[names.length];
            for (int i = 0; i < names.length; i++) {
                types[i] = schema.columns().get(i).type();
            }
        }

        void append(QTable rows, int maxRows) {
            if (!rows.columnNames().equals(Arrays.asList(names))) {
                throw new IllegalArgumentException("upd columns " + rows.columnNames() + " do not match "
                        + Arrays.asList(names));
            }
            for (int i = 0; i < names.length; i++) {
                if (rows.columns().get(i).type() != types[i]) {
                    throw new IllegalArgumentException("upd column " + names[i] + " is " + rows.columns().get(i)
                            .type() + ", the table's is " + types[i]);
                }
            }
            int n = rows.count();
            if (count + n > maxRows) {
                // an RDB left running: keep the newer half
                dropFirst(Math.min(count, count + n - maxRows / 2));
            }
            if (n > 0) {
                chunks.addLast(rows);
                count += n;
                // as a binary counter carries: n rows stay in about log2(n) tables, each row copied log2(n) times
                while (chunks.size() > 2 && secondLast().count() <= chunks.peekLast().count()) {
                    QTable last = chunks.removeLast();
                    chunks.addLast(concat(chunks.removeLast(), last));
                }
            }
        }

        private QTable secondLast() {
            Iterator<QTable> it = chunks.descendingIterator();
            it.next();
            return it.next();
        }

        /** {@return the rows of {@code a} then those of {@code b}} */
        private QTable concat(QTable a, QTable b) {
            List<QValue> cols = new ArrayList<>(names.length);
            for (int col = 0; col < names.length; col++) {
                List<QValue> items = new ArrayList<>(a.count() + b.count());
                for (QTable t : List.of(a, b)) {
                    QSequence c = t.columns().get(col);
                    for (int i = 0; i < c.count(); i++) {
                        items.add(c.at(i));
                    }
                }
                cols.add(column(types[col], items));
            }
            return QTable.of(Arrays.asList(names), cols);
        }

        private static QSequence column(QType type, List<QValue> items) {
            return type == QType.LIST ? QList.of(items) : QVectors.ofAtoms(type, items);
        }

        private void dropFirst(int n) {
            count -= n;
            int left = n + skip;
            while (!chunks.isEmpty() && chunks.peekFirst().count() <= left) {
                left -= chunks.removeFirst().count();
            }
            skip = left;
        }

        /** The rows at these indices (-1 for a row of nulls). */
        QTable pick(int[] rows) {
            // each row's table and index in it, in one pass over the tables
            QTable[] from = chunks.toArray(new QTable[0]);
            int[] starts = new int[from.length];
            for (int c = 0, start = -skip; c < from.length; c++) {
                starts[c] = start;
                start += from[c].count();
            }
            List<QValue> cols = new ArrayList<>(names.length);
            for (int col = 0; col < names.length; col++) {
                List<QValue> items = new ArrayList<>(rows.length);
                for (int r : rows) {
                    if (r < 0) {
                        items.add(nullOf(types[col]));
                    } else {
                        int c = chunkOf(starts, r);
                        items.add(from[c].columns().get(col).at(r - starts[c]));
                    }
                }
                cols.add(column(types[col], items));
            }
            return QTable.of(Arrays.asList(names), cols);
        }

        /** {@return the last table starting at or before {@code row}} */
        private static int chunkOf(int[] starts, int row) {
            int i = Arrays.binarySearch(starts, row);   // no table is empty: the starts increase
            return i >= 0 ? i : -i - 2;
        }

        /** q's null of a column type, as q's take from an empty table gives it ({@code 2#([] a:`long$())}). */
        private static QValue nullOf(QType type) {
            switch (type) {
                case BOOLEAN: return QText.parse("0b");
                case BYTE: return QText.parse("0x00");
                case CHAR: return QText.parse("\" \"");
                case SYMBOL: return QSymbol.NULL;
                case LIST: throw new QErrorException("nyi: nulls of a general list column");
                default: return QText.parse("0N" + type.letter());
            }
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

        /** {@return the sym of every row, oldest first} */
        String[] syms() {
            int s = Arrays.asList(names).indexOf("sym");
            if (s < 0 || types[s] != QType.SYMBOL) {
                throw new QErrorException("sym");
            }
            String[] sym = new String[count];
            int n = 0;
            int from = skip;
            for (QTable chunk : chunks) {
                QSymbolVector v = (QSymbolVector) chunk.columns().get(s);
                for (int i = from; i < v.count(); i++) {
                    sym[n++] = v.get(i);
                }
                from = 0;
            }
            return sym;
        }

        QKeyedTable lastBySym(String column) {
            int c = Arrays.asList(names).indexOf(column);
            if (c < 0) {
                throw new QErrorException(column);
            }
            String[] sym = syms();
            TreeMap<String, Integer> last = new TreeMap<>();
            for (int i = 0; i < count; i++) {
                last.put(sym[i], i);
            }
            int[] idx = last.values().stream().mapToInt(Integer::intValue).toArray();
            return QKeyedTable.of(
                    QTable.of(List.of("sym"), List.of(QSymbolVector.wrap(last.keySet().toArray(new String[0])))),
                    QTable.of(List.of(column), List.of(pick(idx).columns().get(c))));
        }

        QTable whereSym(String s) {
            String[] sym = syms();
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
}
