package dev.q4j.records;

import dev.q4j.value.Attribute;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Converts q tables, keyed tables and dictionaries to Java records and back. Immutable and thread-safe; it learns
 * each record class once (its components and canonical constructor, as method handles) and keeps a plan per record
 * class and table shape, so converting many rows costs about what a hand-written loop over the columns costs.
 *
 * <pre>{@code
 * record Trade(Instant time, String sym, double price, long size, char side) {}
 *
 * RecordMapper mapper = RecordMapper.defaults();
 * List<Trade> trades = mapper.toList(table, Trade.class);          // a QTable from a query
 * try (Stream<Trade> rows = mapper.stream(table, Trade.class)) {   // one record at a time
 *     rows.filter(t -> t.size() > 500).forEach(System.out::println);
 * }
 * QTable back = mapper.toTable(trades, Trade.class);              // columns of primitive arrays
 * QKeyedTable bySym = mapper.toKeyedTable(trades, Trade.class, "sym");
 * Map<Key, Quote> quotes = mapper.toMap(keyedTable, Key.class, Quote.class);
 * Config config = mapper.toRecord(dict, Config.class);            // `host`port!(`localhost;5000)
 * }</pre>
 *
 * <p><b>Names.</b> A component reads the column of its name, or of its name in snake case ({@code tradeTime} reads
 * {@code tradeTime} or {@code trade_time}), or the one {@link QColumn} names. A component without a column is an
 * error, and so is a column without a component unless {@link UnmatchedColumns#IGNORE}. Written columns take the
 * component's name ({@link ColumnNaming}).
 *
 * <p><b>Types</b> (q to Java; the first Java type is what a column of the q type is written from):
 * <table>
 * <caption>q types and the Java types that hold them</caption>
 * <tr><th>q</th><th>Java</th></tr>
 * <tr><td>boolean</td><td>{@code boolean}, {@code Boolean}</td></tr>
 * <tr><td>guid</td><td>{@code UUID}</td></tr>
 * <tr><td>byte</td><td>{@code byte}, {@code Byte}</td></tr>
 * <tr><td>short</td><td>{@code short}, {@code Short}, and as int or long</td></tr>
 * <tr><td>int</td><td>{@code int}, {@code Integer}, {@code OptionalInt}, and as long</td></tr>
 * <tr><td>long</td><td>{@code long}, {@code Long}, {@code OptionalLong}</td></tr>
 * <tr><td>real</td><td>{@code float}, {@code Float}, and as double</td></tr>
 * <tr><td>float</td><td>{@code double}, {@code Double}, {@code OptionalDouble}</td></tr>
 * <tr><td>char</td><td>{@code char}, {@code Character}</td></tr>
 * <tr><td>symbol</td><td>{@code String}, any {@code enum} (by constant name)</td></tr>
 * <tr><td>timestamp</td><td>{@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime} (UTC), {@code long}
 *     nanoseconds since 2000.01.01</td></tr>
 * <tr><td>month</td><td>{@code YearMonth}, {@code int} months since 2000.01</td></tr>
 * <tr><td>date</td><td>{@code LocalDate}, {@code int} days since 2000.01.01</td></tr>
 * <tr><td>datetime</td><td>{@code Instant}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code double}
 *     days</td></tr>
 * <tr><td>timespan</td><td>{@code Duration}, {@code LocalTime}, {@code long} nanoseconds</td></tr>
 * <tr><td>minute, second, time</td><td>{@code LocalTime} (time is the default), {@code Duration}, {@code int}
 *     minutes, seconds, milliseconds</td></tr>
 * <tr><td>string column (char vectors)</td><td>{@code String} with {@code @QColumn(type = QType.CHAR)}</td></tr>
 * <tr><td>nested list column</td><td>{@code List<T>}, {@code long[]}, {@code int[]}, {@code double[]},
 *     {@code String[]}...</td></tr>
 * <tr><td>column of dictionaries / tables</td><td>a record, {@code Map<K, V>} / {@code List<R>}</td></tr>
 * </table>
 *
 * <p><b>Nulls.</b> A q null reads as {@code null} in a boxed or reference component and as empty in
 * {@code Optional}, {@code OptionalLong}, {@code OptionalInt} and {@code OptionalDouble}; into a primitive
 * {@code long}, {@code int}, {@code short} it is an error naming column and row ({@code double} and {@code float}
 * take NaN, q's null). Infinities stay values ({@code Long.MAX_VALUE}...), but an infinite temporal into a
 * {@code java.time} type is an error: read it as its raw number ({@code long}, {@code int}, {@code double} with
 * {@code @QColumn(type = ...)} to write it back as the temporal type). A null symbol reads as {@code null} wherever
 * a {@code String} or enum holds it: a component, an item of a {@code List<String>} or a {@code String[]}. Written,
 * {@code null} becomes the column's q null; q booleans and bytes have no null, so a {@code null} {@code Boolean} or
 * {@code Byte} is an error. Primitive arrays hold the raw items, nulls included, as the vectors' arrays do. A
 * {@code null} nested value (a list, array, map or record) is written as q's generic null {@code ::}, which reads
 * back as {@code null}.
 *
 * <p><b>Round trips.</b> Records written and read back are equal, or writing them is an error that names record,
 * component, column, q type, row and value: a {@code long}, {@code int} or {@code short} (primitive, boxed or in an
 * optional) of its {@code MIN_VALUE}, which is q's null (hold nulls in a box or an optional); a time finer than its q
 * type ({@code Instant} below milliseconds into a datetime, {@code LocalTime} below seconds into a second...); a
 * temporal beyond its q type's range or landing on its null or infinity. The exceptions, values that q cannot tell
 * from its nulls or does not keep:
 * <ul>
 * <li>a {@code Character} {@code ' '} is q's char null and reads back as {@code null} (a {@code char} keeps it);</li>
 * <li>a symbol {@code ""} is q's null symbol and reads back as {@code null};</li>
 * <li>a {@code null} {@code @QColumn(type = QType.CHAR) String} is written as {@code ""} (a string column has no
 *     null) and reads back as {@code ""};</li>
 * <li>NaN in a {@code Float}, {@code Double} or {@code OptionalDouble} is q's null and reads back as {@code null} or
 *     empty (a {@code float} or {@code double} keeps NaN, and a {@code null} {@code Float} or {@code Double} is
 *     written as NaN);</li>
 * <li>the nil {@code UUID} ({@code 00000000-0000-0000-0000-000000000000}) is q's null guid and reads back as
 *     {@code null};</li>
 * <li>an {@code OffsetDateTime} is written as its instant and reads back at offset UTC: the same instant
 *     ({@code isEqual}), not an {@code equals} one unless it was at UTC.</li>
 * </ul>
 *
 * <p><b>Access.</b> Record classes on the class path, public records in exported packages, and records in modules
 * that open their package to {@code dev.q4j.core} need nothing. For a record in a module that does not, give the
 * mapper a lookup from that module: {@code RecordMapper.builder().lookup(MethodHandles.lookup()).build()}.
 */
public final class RecordMapper {
    private static final RecordMapper DEFAULTS = new Builder().build();

    private final Map<Class<?>, ColumnConverter<?, ?>> converters;
    private final Map<Class<?>, Map<String, ColumnConverter<?, ?>>> componentConverters;
    private final UnmatchedColumns unmatched;
    private final ColumnNaming naming;
    private final MethodHandles.Lookup lookup;
    private final Map<Class<?>, RecordType> types = new ConcurrentHashMap<>();
    private final Values values = new Values(this);

    private RecordMapper(Builder b) {
        this.converters = Map.copyOf(b.converters);
        Map<Class<?>, Map<String, ColumnConverter<?, ?>>> byComponent = new HashMap<>();
        b.componentConverters.forEach((k, v) -> byComponent.put(k, Map.copyOf(v)));
        this.componentConverters = Map.copyOf(byComponent);
        this.unmatched = b.unmatched;
        this.naming = b.naming;
        this.lookup = b.lookup;
    }

    /**
     * <pre>{@code
     * List<Trade> trades = RecordMapper.defaults().toList(table, Trade.class);
     * }</pre>
     *
     * @return the mapper with no converters, failing on unmatched columns, writing names as declared
     */
    public static RecordMapper defaults() {
        return DEFAULTS;
    }

    /**
     * <pre>{@code
     * RecordMapper mapper = RecordMapper.builder().unmatchedColumns(UnmatchedColumns.IGNORE).build();
     * }</pre>
     *
     * @return a builder with the defaults' settings
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ q -> Java

    /**
     * Reads every row of a table into a record.
     *
     * <pre>{@code
     * List<Trade> trades = mapper.toList((QTable) q.query("select from trade"), Trade.class);
     * }</pre>
     *
     * @param <R> the record type
     * @param table the table
     * @param type the record class
     * @return the records, one per row in order, in an unmodifiable list
     * @throws RecordMappingException when a component has no column, a column no component, a column's type does
     *     not go into its component, or a cell does not convert (a null into a primitive, an infinity into a date)
     */
    public <R extends Record> List<R> toList(QTable table, Class<R> type) {
        Objects.requireNonNull(table, "table");
        RecordType.TableReader reader = recordType(type).reader(table);
        Object[] data = reader.bind(table);
        MethodHandle row = reader.row;
        int n = table.count();
        Object[] out = new Object[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = (Object) row.invokeExact(data, i);
            } catch (CellFailure f) {
                throw f.at(i);
            } catch (Throwable t) {
                throw Columns.rethrow(t);
            }
        }
        return cast(Collections.unmodifiableList(Arrays.asList(out)));
    }

    /**
     * Reads the rows of a keyed table into records that hold both its key and its value columns.
     *
     * <pre>{@code
     * record Position(String sym, String account, long qty) {}   // ([sym;account] qty)
     * List<Position> positions = mapper.toList(keyedTable, Position.class);
     * }</pre>
     *
     * @param <R> the record type
     * @param table the keyed table
     * @param type the record class
     * @return the records, one per row in order, in an unmodifiable list
     * @throws RecordMappingException as {@link #toList(QTable, Class)} does, or when a key and a value column have
     *     the same name
     */
    public <R extends Record> List<R> toList(QKeyedTable table, Class<R> type) {
        return toList(joined(table, type), type);
    }

    /**
     * The rows of a table as a stream of records, each made when the stream reaches it (none made in advance).
     *
     * <pre>{@code
     * long big = mapper.stream(table, Trade.class).filter(t -> t.size() >= 1000).count();
     * }</pre>
     *
     * @param <R> the record type
     * @param table the table
     * @param type the record class
     * @return a sized, ordered stream of the rows' records
     * @throws RecordMappingException when the table does not match the record class (at once), or, from the
     *     stream's operations, when a cell does not convert
     */
    public <R extends Record> Stream<R> stream(QTable table, Class<R> type) {
        Objects.requireNonNull(table, "table");
        RecordType.TableReader reader = recordType(type).reader(table);
        Object[] data = reader.bind(table);
        MethodHandle row = reader.row;
        return IntStream.range(0, table.count()).mapToObj(i -> {
            try {
                return type.cast((Object) row.invokeExact(data, i));
            } catch (CellFailure f) {
                throw f.at(i);
            } catch (Throwable t) {
                throw Columns.rethrow(t);
            }
        });
    }

    /**
     * Reads a keyed table into a map from key to value, in row order. Each side is a record, or, for a side of one
     * column, any type that column goes into.
     *
     * <pre>{@code
     * record Key(String sym, LocalDate date) {}
     * record Close(double price, long volume) {}
     * Map<Key, Close> closes = mapper.toMap(keyedTable, Key.class, Close.class);
     * Map<String, Close> bySym = mapper.toMap(keyedBySym, String.class, Close.class);
     * }</pre>
     *
     * @param <K> the key type
     * @param <V> the value type
     * @param table the keyed table
     * @param keyType a record class, or the type of the only key column
     * @param valueType a record class, or the type of the only value column
     * @return an unmodifiable map in row order
     * @throws RecordMappingException as {@link #toList(QTable, Class)} does, when a side is no record but has more
     *     than one column, or when a key repeats
     */
    public <K, V> Map<K, V> toMap(QKeyedTable table, Class<K> keyType, Class<V> valueType) {
        Objects.requireNonNull(table, "table");
        List<K> keys = side(table.keys(), keyType, "key");
        List<V> vals = side(table.values(), valueType, "value");
        Map<K, V> out = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            if (out.containsKey(keys.get(i))) {
                throw new RecordMappingException(keyType, null, null, null, i, "the key " + keys.get(i)
                        + " repeats (first at row " + keys.indexOf(keys.get(i)) + "): a map cannot hold both rows;"
                        + " read the keyed table with toList instead", null);
            }
            out.put(keys.get(i), vals.get(i));
        }
        return Collections.unmodifiableMap(out);
    }

    private <T> List<T> side(QTable t, Class<T> type, String what) {
        if (type.isRecord()) {
            return cast(toList(t, type.asSubclass(Record.class)));
        }
        if (t.columnNames().size() != 1) {
            throw new RecordMappingException(type, null, null, null, -1, "the " + what + " table has "
                    + t.columnNames().size() + " columns " + t.columnNames() + ": read it into a record", null);
        }
        QSequence column = t.columns().get(0);
        Site site = new Site(null, null, type, t.columnNames().get(0), column.type());
        Columns.Reader reader;
        try {
            reader = values.reader(site, column, type, null);
        } catch (CellFailure f) {
            throw f.at(-1);
        }
        MethodHandle get = reader.get().asType(MethodType.methodType(Object.class, Object.class, int.class));
        Object data = reader.extract().apply(column);
        List<T> out = new ArrayList<>(t.count());
        for (int i = 0; i < t.count(); i++) {
            try {
                out.add(cast((Object) get.invokeExact(data, i)));
            } catch (CellFailure f) {
                throw f.at(i);
            } catch (Throwable e) {
                throw Columns.rethrow(e);
            }
        }
        return out;
    }

    /**
     * Reads a dictionary of atoms (symbol keys; the values a general list or a vector) into one record, as a
     * configuration or one row arrives.
     *
     * <pre>{@code
     * record Config(String host, int port, Duration timeout) {}
     * Config c = mapper.toRecord((QDict) q.query("`host`port`timeout!(`db1;5000i;0D00:00:05)"), Config.class);
     * }</pre>
     *
     * @param <R> the record type
     * @param dict the dictionary
     * @param type the record class
     * @return the record
     * @throws RecordMappingException when the keys are not symbols, a component has no key, a key no component
     *     (unless ignored), or a value does not convert
     */
    public <R extends Record> R toRecord(QDict dict, Class<R> type) {
        Objects.requireNonNull(dict, "dict");
        RecordType rt = recordType(type);
        if (!(dict.keys() instanceof QSymbolVector keys) || !(dict.values() instanceof QSequence items)) {
            throw new RecordMappingException(type, null, null, null, -1, "a dictionary with "
                    + Values.describe(dict.keys()) + " keys and " + Values.describe(dict.values())
                    + " values cannot go into a record, which reads symbol keys to a list of values", null);
        }
        List<String> names = Arrays.asList(keys.array());
        Values.Decoder[] decoders = rt.decoders();
        Object[] args = new Object[decoders.length];
        boolean[] used = new boolean[names.size()];
        for (int k = 0; k < args.length; k++) {
            RecordType.Component c = rt.components.get(k);
            int i = RecordType.find(c, names);
            if (i < 0) {
                throw rt.noColumn(c, names, "key");
            }
            used[i] = true;
            QValue item = items.at(i);
            try {
                args[k] = decoders[k].decode(item);
            } catch (CellFailure f) {
                throw rt.site(c, names.get(i), item.type()).exception(-1, f.reason(), f.getCause());
            }
        }
        rt.checkUnmatched(names, used, "key");
        try {
            return type.cast(rt.constructor.invokeWithArguments(args));
        } catch (CellFailure f) {
            throw f.at(-1);
        } catch (Throwable t) {
            throw Columns.rethrow(t);
        }
    }

    // ------------------------------------------------------------------ Java -> q

    /**
     * Writes records into a table: a vector per scalar component, filled straight from the records (one
     * {@code String} instance per distinct symbol), a general list per nested one.
     *
     * <pre>{@code
     * QTable table = mapper.toTable(trades, Trade.class);
     * q.send(".u.upd", "trade", table);
     * }</pre>
     *
     * @param <R> the record type
     * @param records the records, none {@code null}
     * @param type the record class
     * @return the table, its columns in component order
     * @throws RecordMappingException when a component's type has no q mapping, a record is {@code null}, or a
     *     value does not fit its column (a time finer than the q type, an instant beyond q's timestamps, a number
     *     that is q's null such as {@code Long.MIN_VALUE}...)
     */
    public <R extends Record> QTable toTable(Collection<? extends R> records, Class<R> type) {
        Objects.requireNonNull(records, "records");
        RecordType rt = recordType(type);
        RecordType.TableWriter w = rt.writer();
        int n = records.size();
        Object[] data = new Object[w.columns.length];
        for (int k = 0; k < data.length; k++) {
            data[k] = w.columns[k].allocate().apply(n);
        }
        MethodHandle row = w.row;
        int i = 0;
        for (R r : records) {
            if (r == null) {
                throw new RecordMappingException(type, null, null, null, i, "the record is null", null);
            }
            try {
                row.invokeExact(data, i, (Object) r);
            } catch (CellFailure f) {
                throw f.at(i);
            } catch (Throwable t) {
                throw Columns.rethrow(t);
            }
            i++;
        }
        if (i != n) {
            throw new IllegalStateException("the collection changed while it was written: " + n + " then " + i);
        }
        QSequence[] columns = new QSequence[data.length];
        for (int k = 0; k < data.length; k++) {
            columns[k] = w.columns[k].finish().apply(data[k]);
        }
        return QTable.wrap(w.names.clone(), columns, Attribute.NONE);
    }

    /**
     * Writes records into a keyed table whose keys are the named components (or columns).
     *
     * <pre>{@code
     * QKeyedTable bySym = mapper.toKeyedTable(trades, Trade.class, "sym");   // ([sym] time price size side)
     * }</pre>
     *
     * @param <R> the record type
     * @param records the records
     * @param type the record class
     * @param keys the key components' names (or their columns' names), in the order the key columns take
     * @return the keyed table
     * @throws RecordMappingException as {@link #toTable} does, or when a key names no component, or when no key
     *     is given
     */
    public <R extends Record> QKeyedTable toKeyedTable(Collection<? extends R> records, Class<R> type,
            String... keys) {
        QTable all = toTable(records, type);
        RecordType rt = recordType(type);
        if (keys.length == 0) {
            throw new RecordMappingException(type, null, null, null, -1, "a keyed table needs a key column", null);
        }
        List<String> keyColumns = new ArrayList<>();
        for (String key : keys) {
            String column = null;
            for (RecordType.Component c : rt.components) {
                if (c.name().equals(key) || c.column().equals(key)) {
                    column = c.column();
                }
            }
            if (column == null || keyColumns.contains(column)) {
                throw new RecordMappingException(type, key, null, null, -1, column == null
                        ? "no such component or column to key on" : "named twice as a key", null);
            }
            keyColumns.add(column);
        }
        List<String> valueColumns = new ArrayList<>(all.columnNames());
        valueColumns.removeAll(keyColumns);
        return QKeyedTable.of(select(all, keyColumns), select(all, valueColumns));
    }

    /**
     * Writes a map of key records to value records into a keyed table.
     *
     * <pre>{@code
     * QKeyedTable closes = mapper.toKeyedTable(map, Key.class, Close.class);   // ([sym;date] price volume)
     * }</pre>
     *
     * @param <K> the key record type
     * @param <V> the value record type
     * @param map the map, in its iteration order
     * @param keyType the key record class
     * @param valueType the value record class
     * @return the keyed table
     * @throws RecordMappingException as {@link #toTable} does, or when a key and a value component write the same
     *     column
     */
    public <K extends Record, V extends Record> QKeyedTable toKeyedTable(Map<K, V> map, Class<K> keyType,
            Class<V> valueType) {
        Objects.requireNonNull(map, "map");
        RecordType keys = recordType(keyType);
        RecordType values = recordType(valueType);
        for (RecordType.Component v : values.components) {
            for (RecordType.Component k : keys.components) {
                if (k.column().equals(v.column())) {
                    throw values.site(v, v.column(), null).exception(-1, "both the key (" + keyType.getSimpleName()
                            + "." + k.name() + ") and the value write this column, and a keyed table's key and"
                            + " value columns need distinct names; rename one with @QColumn", null);
                }
            }
        }
        return QKeyedTable.of(toTable(new ArrayList<>(map.keySet()), keyType),
                toTable(new ArrayList<>(map.values()), valueType));
    }

    /**
     * Writes one record as a dictionary from its column names to its values.
     *
     * <pre>{@code
     * QDict d = mapper.toDict(new Config("db1", 5000, Duration.ofSeconds(5)));
     * // `host`port`timeout!(`db1;5000i;0D00:00:05.000000000)
     * }</pre>
     *
     * @param <R> the record type
     * @param record the record
     * @return symbol keys to a general list of the values
     * @throws RecordMappingException when a value does not convert
     */
    public <R extends Record> QDict toDict(R record) {
        Objects.requireNonNull(record, "record");
        RecordType rt = recordType(record.getClass());
        Values.Encoder[] encoders = rt.encoders();
        String[] names = new String[encoders.length];
        QValue[] items = new QValue[encoders.length];
        for (int k = 0; k < encoders.length; k++) {
            RecordType.Component c = rt.components.get(k);
            names[k] = c.column();
            try {
                items[k] = encoders[k].encode(c.accessor().invoke((Object) record));
            } catch (CellFailure f) {
                throw f.at(-1);
            } catch (Throwable t) {
                throw Columns.rethrow(t);
            }
        }
        return QDict.of(QSymbolVector.wrap(names), QList.wrap(items, Attribute.NONE));
    }

    // ------------------------------------------------------------------ internals

    private static QTable select(QTable t, List<String> names) {
        List<QSequence> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(t.column(name));
        }
        return QTable.of(names, columns);
    }

    private QTable joined(QKeyedTable table, Class<?> type) {
        Objects.requireNonNull(table, "table");
        List<String> keyNames = table.keys().columnNames();
        for (String name : table.values().columnNames()) {
            if (keyNames.contains(name)) {
                throw new RecordMappingException(type, null, name, null, -1,
                        "both a key and a value column: one record cannot hold both", null);
            }
        }
        return table.unkeyed();
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    Values values() {
        return values;
    }

    UnmatchedColumns unmatched() {
        return unmatched;
    }

    ColumnNaming naming() {
        return naming;
    }

    /** {@return the global converter of a type, or {@code null}} */
    ColumnConverter<?, ?> converter(Class<?> type) {
        return converters.get(type);
    }

    /** {@return the converter of one component: its own, else the global one for its type, else {@code null}} */
    ColumnConverter<?, ?> converter(Class<?> recordType, String component, Class<?> type) {
        Map<String, ColumnConverter<?, ?>> own = componentConverters.get(recordType);
        ColumnConverter<?, ?> c = own == null ? null : own.get(component);
        return c != null ? c : converters.get(type);
    }

    RecordType recordType(Class<?> type) {
        Objects.requireNonNull(type, "type");
        RecordType rt = types.get(type);
        if (rt == null) {
            rt = learn(type);
            RecordType raced = types.putIfAbsent(type, rt);
            rt = raced != null ? raced : rt;
        }
        return rt;
    }

    private RecordType learn(Class<?> type) {
        if (!type.isRecord()) {
            throw new RecordMappingException(type, null, null, null, -1, "not a record class", null);
        }
        Module ours = RecordMapper.class.getModule();
        if (!ours.canRead(type.getModule())) {
            ours.addReads(type.getModule());
        }
        List<MethodHandles.Lookup> lookups = new ArrayList<>();
        if (lookup != null) {
            lookups.add(lookup);
        }
        lookups.add(MethodHandles.lookup());
        Exception last = null;
        for (MethodHandles.Lookup l : lookups) {
            try {
                return RecordType.of(type, MethodHandles.privateLookupIn(type, l), this);
            } catch (IllegalAccessException | NoSuchMethodException e) {
                last = e;
            }
        }
        if (isPublic(type)) {
            try {
                return RecordType.of(type, MethodHandles.lookup(), this);
            } catch (IllegalAccessException | NoSuchMethodException e) {
                last = e;
            }
        }
        String pkg = type.getPackageName();
        // q4j on the class path is in the unnamed module, which only an unqualified opens reaches
        String to = ours.isNamed() ? " to " + ours.getName() : "";
        throw new RecordMappingException(type, null, null, null, -1, "cannot reach its constructor and accessors: "
                + type.getModule() + " does not open " + pkg + (ours.isNamed() ? to : " to the class path")
                + ". Add `opens " + pkg + to + ";` to its module-info.java, or give the mapper a lookup from that"
                + " module: "
                + "RecordMapper.builder().lookup(MethodHandles.lookup()).build()", last);
    }

    private static boolean isPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return false;
            }
        }
        return type.getModule().isExported(type.getPackageName(), RecordMapper.class.getModule());
    }

    Object nestedRecord(Site site, QDict dict, Class<?> type) {
        try {
            return toRecord(dict, type.asSubclass(Record.class));
        } catch (RecordMappingException e) {
            throw site.fail("in the nested " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    List<?> nestedList(Site site, QTable table, Class<?> type) {
        try {
            return toList(table, type.asSubclass(Record.class));
        } catch (RecordMappingException e) {
            throw site.fail("in the nested table of " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    QTable nestedTable(Site site, List<?> records, Class<?> type) {
        try {
            return toTable(cast(records), type.asSubclass(Record.class));
        } catch (RecordMappingException e) {
            throw site.fail("in the nested table of " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    QDict nestedDict(Site site, Object record, Class<?> type) {
        try {
            return toDict((Record) type.cast(record));
        } catch (RecordMappingException e) {
            throw site.fail("in the nested " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Builds a {@link RecordMapper}.
     *
     * <pre>{@code
     * RecordMapper mapper = RecordMapper.builder()
     *         .converter(ColumnConverter.of(BigDecimal.class, Double.class,
     *                 BigDecimal::doubleValue, BigDecimal::valueOf))
     *         .converter(Order.class, "fee", ColumnConverter.of(Money.class, Long.class, Money::cents, Money::new))
     *         .unmatchedColumns(UnmatchedColumns.IGNORE)
     *         .columnNaming(ColumnNaming.SNAKE_CASE)
     *         .lookup(MethodHandles.lookup())
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private final Map<Class<?>, ColumnConverter<?, ?>> converters = new HashMap<>();
        private final Map<Class<?>, Map<String, ColumnConverter<?, ?>>> componentConverters = new HashMap<>();
        private UnmatchedColumns unmatched = UnmatchedColumns.FAIL;
        private ColumnNaming naming = ColumnNaming.AS_DECLARED;
        private MethodHandles.Lookup lookup;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param converter a converter for every component (and nested value) of its type
         */
        public Builder converter(ColumnConverter<?, ?> converter) {
            converters.put(converter.type(), converter);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param recordType the record class
         * @param component the name of one of its components, whose type is the converter's type
         * @param converter the converter for that component only (it wins over one for the whole type)
         * @throws IllegalArgumentException when the record has no such component, or it is of another type
         */
        public Builder converter(Class<? extends Record> recordType, String component,
                ColumnConverter<?, ?> converter) {
            RecordComponent found = null;
            for (RecordComponent c : recordType.getRecordComponents()) {
                if (c.getName().equals(component)) {
                    found = c;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException(recordType.getSimpleName() + " has no component " + component);
            }
            if (found.getType() != converter.type()) {
                throw new IllegalArgumentException(recordType.getSimpleName() + "." + component + " is a "
                        + found.getType().getSimpleName() + ", not the converter's "
                        + converter.type().getSimpleName());
            }
            componentConverters.computeIfAbsent(recordType, k -> new HashMap<>()).put(component, converter);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param unmatched what reading does with a column (or key) no component takes
         */
        public Builder unmatchedColumns(UnmatchedColumns unmatched) {
            this.unmatched = Objects.requireNonNull(unmatched);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param naming how written columns are named after components
         */
        public Builder columnNaming(ColumnNaming naming) {
            this.naming = Objects.requireNonNull(naming);
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param lookup a lookup with private access to the record classes' module, for records in a module that
         *     does not open their package to {@code dev.q4j.core}: pass {@code MethodHandles.lookup()}
         */
        public Builder lookup(MethodHandles.Lookup lookup) {
            this.lookup = Objects.requireNonNull(lookup);
            return this;
        }

        /** {@return the mapper} */
        public RecordMapper build() {
            return new RecordMapper(this);
        }
    }
}
