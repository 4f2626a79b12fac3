package dev.q4j.arrow;

import dev.q4j.value.QValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.dictionary.DictionaryProvider;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.apache.arrow.vector.ipc.ArrowWriter;
import org.apache.arrow.vector.ipc.InvalidArrowFileException;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * q tables to Apache Arrow and back: in memory ({@link #toArrow}, {@link #toQ}), as a stream of record batches
 * ({@link #reader}) and as Arrow IPC streams and files ({@link #writeStream}, {@link #writeFile},
 * {@link #readStream}, {@link #readFile}).
 *
 * <p><b>JVM flag.</b> Add {@code --add-opens=java.base/java.nio=ALL-UNNAMED} to the JVM's options (on the module
 * path: {@code --add-opens=java.base/java.nio=org.apache.arrow.memory.core}). Arrow views its memory as NIO
 * buffers, which Java 17 allows only with it: without it Arrow's IPC writers, among others, fail with
 * {@code UnsupportedOperationException: sun.misc.Unsafe or java.nio.DirectByteBuffer.<init>(long, int) not
 * available}. ({@link #toArrow} and {@link #toQ} themselves do without it.)
 *
 * <pre>{@code
 * QTable trades = (QTable) q.query("select from trade where date=last date");
 * try (BufferAllocator allocator = new RootAllocator();
 *      ArrowTable arrow = QArrow.toArrow(trades, allocator)) {
 *     VectorSchemaRoot root = arrow.root();                         // time, sym (dictionary indices), price, ...
 *     QValue back = QArrow.toQ(root, arrow.dictionaries());          // equal to trades
 * }
 * QArrow.writeFile(List.of(trades), Path.of("trades.arrow"));        // readable by pyarrow, DuckDB, arrow JS
 * QTable read = (QTable) QArrow.readFile(Path.of("trades.arrow"));
 * }</pre>
 *
 * <h2>Type mapping</h2>
 *
 * Each field's metadata holds the q type ({@value #TYPE}: {@code "long"}, {@code "minute"}, {@code "string"},
 * {@code "list"}, ...) and the attribute ({@value #ATTRIBUTE}: {@code "s"}, {@code "u"}, {@code "p"}, {@code "g"},
 * absent for none), so the way back restores exactly the q types and attributes. A keyed table's key columns come
 * first and the schema's metadata {@value #KEYS} holds how many there are ({@value #SORTED} is {@code "true"} for a
 * sorted keyed table).
 *
 * <table>
 * <caption>q to Arrow</caption>
 * <tr><th>q</th><th>Arrow</th><th>how</th></tr>
 * <tr><td>boolean</td><td>Bool</td><td>q booleans have no null: an Arrow null back is an error</td></tr>
 * <tr><td>guid</td><td>FixedSizeBinary(16), extension {@code arrow.uuid}</td><td>the 16 bytes in q's order (the
 *     UUID's big-endian bytes); {@code 0Ng} is the null</td></tr>
 * <tr><td>byte</td><td>UInt8</td><td>0..255; no null: an Arrow null back is an error</td></tr>
 * <tr><td>short, int, long</td><td>Int16, Int32, Int64</td><td></td></tr>
 * <tr><td>real, float</td><td>Float32, Float64</td><td>any NaN is q's null; infinities stay values</td></tr>
 * <tr><td>char</td><td>Utf8, one character a row</td><td>as strings are: ASCII chars only (a char of 128..255 is
 *     not UTF-8 on its own: an error naming column and row); {@code " "} is the null</td></tr>
 * <tr><td>symbol</td><td>Utf8, dictionary-encoded (Int32 indices)</td><td>the dictionary holds the distinct
 *     symbols in order of first appearance; {@code `} is the null. In a nested column: plain Utf8</td></tr>
 * <tr><td>string column (general list of char vectors)</td><td>Utf8</td><td>the bytes as they are, which must be
 *     UTF-8 (else an error naming column and row); an Arrow null back is an empty string</td></tr>
 * <tr><td>timestamp</td><td>Timestamp(NANOSECOND, "UTC")</td><td>the epoch moves from 2000 to 1970;
 *     {@code 0Wp}/{@code -0Wp} are {@code Long.MAX_VALUE}/{@code -Long.MAX_VALUE}; a timestamp after
 *     2262.04.11 overflows Arrow's nanoseconds: an error naming column and row</td></tr>
 * <tr><td>month</td><td>Date(DAY)</td><td>the 1st of the month; back, a day other than the 1st is an error</td></tr>
 * <tr><td>date</td><td>Date(DAY)</td><td>epoch moved to 1970</td></tr>
 * <tr><td>datetime</td><td>Timestamp(MICROSECOND, "UTC")</td><td>q's float days rounded to the microsecond: a
 *     datetime of whole milliseconds (what q makes) comes back as the very same double; finer fractions come back
 *     rounded to the microsecond</td></tr>
 * <tr><td>timespan</td><td>Duration(NANOSECOND)</td><td></td></tr>
 * <tr><td>minute</td><td>Time32(SECOND)</td><td>minutes × 60</td></tr>
 * <tr><td>second</td><td>Time32(SECOND)</td><td></td></tr>
 * <tr><td>time</td><td>Time32(MILLISECOND)</td><td></td></tr>
 * <tr><td>general list of vectors of one type</td><td>List&lt;T&gt;, T as above</td><td>also lists of strings
 *     and lists of lists; an Arrow null list back is an empty vector</td></tr>
 * <tr><td>other general lists</td><td>an error naming the column</td><td>or with
 *     {@link ArrowOptions.MixedLists#Q_TEXT} Utf8 holding each item as q text, parsed back</td></tr>
 * <tr><td>empty general list {@code ()}</td><td>Null</td><td>a column with no items has no item type (what
 *     {@code 0#} of a string column gives in q): it comes back as {@code ()}, and in a stream of several tables
 *     whose first has it, a later table's strings are an error: put a table with rows first. Empty items of a
 *     nested column come back as empty lists of the column's type ({@code (1#1;())} as
 *     {@code (,1;`long$())})</td></tr>
 * </table>
 *
 * <p><b>Nulls and infinities.</b> By default ({@link ArrowOptions.Nulls#ARROW}) q's nulls become Arrow nulls
 * (cleared validity bits); with {@link ArrowOptions.Nulls#Q_VALUES} they stay q's own values with every validity
 * bit set (for temporal types the raw null, {@code Integer.MIN_VALUE} or {@code Long.MIN_VALUE}, is written
 * unshifted). Infinities are values: the temporal ones are written as {@code ±MAX_VALUE} of the Arrow type's
 * integer, unshifted, and read back as q's infinities. Back to q, an Arrow null, and for temporal types the raw
 * {@code MIN_VALUE}, becomes the q null of the type.
 *
 * <p>The time types (minute, second, time) keep every q value, also negative ones and ones past 24:00, which the
 * Arrow format calls out of range for Time32: a reader that checks may refuse them.
 *
 * <p><b>Arrow to q</b> without q4j's metadata (files others wrote): Bool boolean, UInt8 byte, Int8 and Int16
 * short, UInt16 and Int32 int, UInt32 and Int64 long, UInt64 long (an error past {@code Long.MAX_VALUE}), Float32
 * real, Float64 float, Utf8 and LargeUtf8 string column, dictionary-encoded Utf8 symbol, Binary and
 * FixedSizeBinary list of byte vectors ({@code arrow.uuid} guid), Timestamp (any unit, any zone, as UTC instants)
 * timestamp, Date date (Date(MILLISECOND) of whole days only), Time32(SECOND) second, Time32(MILLISECOND) time,
 * Time64 timespan, Duration timespan, Interval(YEAR_MONTH) month, Interval(MONTH_DAY_NANO) and Interval(DAY_TIME)
 * timespan (an interval of months is an error: a month has no fixed length; SQL engines' INTERVALs arrive so),
 * Decimal of scale 0 long (an error past the range of long: DuckDB's sums arrive so), Decimal of a positive scale
 * float (the nearest double), List, LargeList and FixedSizeList nested. A value of such data that is q's null of its
 * type ({@code Long.MIN_VALUE} in an Int64, ...) is an error: q could only read it as a null. Other types (Float16,
 * Struct, Map, Union, extension types other than {@code arrow.uuid}, ...) are an error naming the column and type.
 *
 * <p><b>Several record batches</b> (or tables) read into one table keep a column's attribute only where it still
 * holds for the joined column ({@code s#} sorted, {@code u#} unique, {@code p#} each item in one run), as q drops
 * attributes when it joins lists.
 */
public final class QArrow {
    /** Field metadata key: the q type of the column ({@code "long"}, {@code "symbol"}, {@code "string"}, ...). */
    public static final String TYPE = "q4j.type";
    /** Field metadata key: the column's attribute ({@code "s"}, {@code "u"}, {@code "p"} or {@code "g"}). */
    public static final String ATTRIBUTE = "q4j.attribute";
    /** Schema metadata key: the number of key columns of a keyed table, which come first. */
    public static final String KEYS = "q4j.keys";
    /** Schema metadata key: {@code "true"} for a keyed table whose keys are sorted ({@code `s#}, q type 127). */
    public static final String SORTED = "q4j.sorted";

    private QArrow() {
    }

    /**
     * {@return the Arrow schema the table converts to, as it travels in IPC (a symbol column as a Utf8 field with a
     * dictionary encoding)}
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param options the options
     * @throws QArrowException when a column has no Arrow type (a mixed list), naming the column, or the value is
     *     not a table
     */
    public static Schema schema(QValue table, ArrowOptions options) {
        return TableEncoder.of(table, options).messageSchema();
    }

    /**
     * Converts a table with the default options.
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param allocator where the Arrow memory comes from
     * @return the vectors and dictionaries, to be closed
     * @throws QArrowException when a value cannot be converted, naming the column and row
     * @see #toArrow(QValue, BufferAllocator, ArrowOptions)
     */
    public static ArrowTable toArrow(QValue table, BufferAllocator allocator) {
        return toArrow(table, allocator, ArrowOptions.defaults());
    }

    /**
     * Converts a table into Arrow vectors, all its rows in one {@link VectorSchemaRoot}.
     *
     * <pre>{@code
     * try (ArrowTable arrow = QArrow.toArrow(t, allocator, ArrowOptions.builder()
     *         .nulls(ArrowOptions.Nulls.Q_VALUES).build())) {
     *     ...
     * }
     * }</pre>
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param allocator where the Arrow memory comes from
     * @param options the options ({@link ArrowOptions#batchRows()} does not apply: all rows are converted)
     * @return the vectors and dictionaries, to be closed
     * @throws QArrowException when a value cannot be converted, naming the column and row
     */
    public static ArrowTable toArrow(QValue table, BufferAllocator allocator, ArrowOptions options) {
        Objects.requireNonNull(allocator, "allocator");
        TableEncoder encoder = TableEncoder.of(table, options);
        ArrowTable arrow = encoder.newTable(allocator);
        try {
            return arrow.load(table);
        } catch (RuntimeException e) {
            arrow.close();
            throw e;
        }
    }

    /**
     * Converts Arrow vectors to a q table: exactly the q types of q4j's field metadata where it is present,
     * otherwise the mapping for Arrow data from elsewhere (see the class description).
     *
     * <pre>{@code
     * QValue t = QArrow.toQ(arrow.root(), arrow.dictionaries());   // a QTable, or a QKeyedTable
     * }</pre>
     *
     * @param root the vectors
     * @param dictionaries the dictionaries of dictionary-encoded fields (may be {@code null} when there are none)
     * @return a {@code QTable}, or a {@code QKeyedTable} when the schema's metadata {@value #KEYS} marks key columns
     * @throws QArrowException when a value has no q counterpart (an Arrow null in a boolean column, a type q lacks),
     *     naming the column and row
     */
    public static QValue toQ(VectorSchemaRoot root, DictionaryProvider dictionaries) {
        return TableDecoder.decode(List.of(TableDecoder.batch(root, dictionaries)), root.getSchema());
    }

    /**
     * An {@link ArrowReader} that streams tables as record batches, each table cut into batches of at most
     * {@link ArrowOptions#batchRows()} rows, converted as the consumer asks for them (nothing is converted ahead),
     * into one set of vectors reused from batch to batch. This is what {@code Data.exportArrayStream} of
     * {@code arrow-c-data} exports, to DuckDB for example.
     *
     * <p>The tables must all have the first one's column names and types (and key columns). A symbol column's
     * dictionary belongs to its batch: each batch replaces it with the distinct symbols of its own rows, under the
     * same dictionary id ({@code getDictionaryVectors()} after {@code loadNextBatch()}). An IPC stream written from
     * this reader therefore carries replacement dictionaries; an IPC file, which cannot, is written by
     * {@link #writeFile(Iterable, WritableByteChannel, ArrowOptions)} with one dictionary for the whole file.
     *
     * <pre>{@code
     * try (ArrowReader reader = QArrow.reader(allocator, List.of(day1, day2), ArrowOptions.defaults())) {
     *     while (reader.loadNextBatch()) {
     *         VectorSchemaRoot batch = reader.getVectorSchemaRoot();
     *         ...
     *     }
     * }
     * }</pre>
     *
     * @param allocator where the Arrow memory comes from
     * @param tables the tables ({@code QTable} or {@code QKeyedTable}), at least one (it gives the schema)
     * @param options the options
     * @return a reader, to be closed; {@code loadNextBatch} throws {@link QArrowException} when a table does not
     *     match the first or a value cannot be converted
     * @throws QArrowException when there is no table, or the first cannot be converted
     */
    public static ArrowReader reader(BufferAllocator allocator, Iterable<? extends QValue> tables,
            ArrowOptions options) {
        return reader(allocator, tables.iterator(), options);
    }

    /**
     * As {@link #reader(BufferAllocator, Iterable, ArrowOptions)}, over an iterator, which is read only as the
     * consumer asks for batches: tables can be fetched from kdb+ while the previous ones are consumed.
     *
     * <pre>{@code
     * ArrowReader reader = QArrow.reader(allocator, pages, ArrowOptions.defaults());   // pages: Iterator<QTable>
     * }</pre>
     *
     * @param allocator where the Arrow memory comes from
     * @param tables the tables ({@code QTable} or {@code QKeyedTable}), at least one (it gives the schema)
     * @param options the options
     * @return a reader, to be closed
     * @throws QArrowException when there is no table, or the first cannot be converted
     */
    public static ArrowReader reader(BufferAllocator allocator, Iterator<? extends QValue> tables,
            ArrowOptions options) {
        return new TableReader(allocator, tables, options);
    }

    /**
     * Writes a table as an Arrow IPC stream, with the default options.
     *
     * <pre>{@code
     * QArrow.writeStream(trades, Files.newOutputStream(Path.of("trades.arrows")));
     * }</pre>
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param out where the stream goes; not closed
     * @throws QArrowException when a value cannot be converted, naming the column and row
     * @throws UncheckedIOException when writing fails
     */
    public static void writeStream(QValue table, OutputStream out) {
        writeStream(List.of(table), out, ArrowOptions.defaults());
    }

    /**
     * Writes tables as one Arrow IPC stream: the schema, then each table's record batches (at most
     * {@link ArrowOptions#batchRows()} rows each), each preceded by replacement dictionaries for its symbol columns
     * when they changed.
     *
     * <pre>{@code
     * try (OutputStream out = Files.newOutputStream(path)) {
     *     QArrow.writeStream(List.of(day1, day2), out, ArrowOptions.defaults());
     * }
     * }</pre>
     *
     * @param tables the tables ({@code QTable} or {@code QKeyedTable}) with the same columns, at least one
     * @param out where the stream goes; not closed
     * @param options the options
     * @throws QArrowException when a table does not match the first or a value cannot be converted
     * @throws UncheckedIOException when writing fails
     */
    public static void writeStream(Iterable<? extends QValue> tables, OutputStream out, ArrowOptions options) {
        Objects.requireNonNull(out, "out");
        try (BufferAllocator allocator = new RootAllocator();
             ArrowReader reader = reader(allocator, tables, options);
             ArrowStreamWriter writer = new ArrowStreamWriter(reader.getVectorSchemaRoot(), reader,
                     Unclosed.channel(out))) {
            writeAll(reader, writer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Arrow stream: " + e.getMessage(), e);
        }
    }

    /**
     * Writes a table as an Arrow IPC file, with the default options.
     *
     * <pre>{@code
     * QArrow.writeFile(trades, Path.of("trades.arrow"));
     * }</pre>
     *
     * @param table a {@code QTable} or {@code QKeyedTable}
     * @param path the file, created or replaced
     * @throws QArrowException when a value cannot be converted, naming the column and row
     * @throws UncheckedIOException when writing fails
     */
    public static void writeFile(QValue table, Path path) {
        writeFile(List.of(table), path, ArrowOptions.defaults());
    }

    /**
     * Writes tables as one Arrow IPC file.
     *
     * <pre>{@code
     * QArrow.writeFile(List.of(day1, day2), Path.of("trades.arrow"), ArrowOptions.defaults());
     * }</pre>
     *
     * @param tables the tables with the same columns, at least one; iterated twice
     * @param path the file, created or replaced
     * @param options the options
     * @throws QArrowException when a table does not match the first or a value cannot be converted
     * @throws UncheckedIOException when writing fails
     * @see #writeFile(Iterable, WritableByteChannel, ArrowOptions)
     */
    public static void writeFile(Iterable<? extends QValue> tables, Path path, ArrowOptions options) {
        try (FileChannel out = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeFile(tables, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes tables as one Arrow IPC file. The file format allows one dictionary per field for the whole file, so
     * the tables are iterated twice: first to collect each symbol column's distinct symbols, then to write the
     * record batches (at most {@link ArrowOptions#batchRows()} rows each), which index that one dictionary.
     *
     * <pre>{@code
     * try (FileChannel out = FileChannel.open(path, CREATE, WRITE)) {
     *     QArrow.writeFile(List.of(trades), out, ArrowOptions.defaults());
     * }
     * }</pre>
     *
     * @param tables the tables with the same columns, at least one; iterated twice
     * @param out where the file goes; not closed
     * @param options the options
     * @throws QArrowException when a table does not match the first or a value cannot be converted
     * @throws UncheckedIOException when writing fails
     */
    public static void writeFile(Iterable<? extends QValue> tables, WritableByteChannel out, ArrowOptions options) {
        Objects.requireNonNull(out, "out");
        try (BufferAllocator allocator = new RootAllocator();
             TableReader reader = new TableReader(allocator, tables.iterator(), options)) {
            reader.useDictionariesOf(tables);
            try (ArrowFileWriter writer = new ArrowFileWriter(reader.getVectorSchemaRoot(), reader,
                    Unclosed.channel(out))) {
                writeAll(reader, writer);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Arrow file: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an Arrow IPC stream: all its record batches as one table.
     *
     * <pre>{@code
     * QTable t = (QTable) QArrow.readStream(Files.newInputStream(Path.of("trades.arrows")));
     * }</pre>
     *
     * @param in the stream; read to its end, not closed
     * @return a {@code QTable}, or a {@code QKeyedTable} when the schema marks key columns
     * @throws QArrowException when a value has no q counterpart, naming the column and row
     * @throws UncheckedIOException when reading fails or the bytes are not an Arrow stream
     */
    public static QValue readStream(InputStream in) {
        Objects.requireNonNull(in, "in");
        try (BufferAllocator allocator = new RootAllocator();
             ArrowStreamReader reader = new ArrowStreamReader(Unclosed.stream(in), allocator)) {
            return readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Arrow stream: " + e.getMessage(), e);
        }
    }

    /**
     * Reads an Arrow IPC file: all its record batches as one table.
     *
     * <pre>{@code
     * QTable t = (QTable) QArrow.readFile(Path.of("trades.arrow"));
     * }</pre>
     *
     * @param path the file
     * @return a {@code QTable}, or a {@code QKeyedTable} when the schema marks key columns
     * @throws QArrowException when a value has no q counterpart, naming the column and row
     * @throws UncheckedIOException when reading fails or the file is not an Arrow file
     */
    public static QValue readFile(Path path) {
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            return readFile(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads an Arrow IPC file: all its record batches as one table.
     *
     * <pre>{@code
     * try (SeekableByteChannel in = Files.newByteChannel(path)) {
     *     QValue t = QArrow.readFile(in);
     * }
     * }</pre>
     *
     * @param in the file; not closed
     * @return a {@code QTable}, or a {@code QKeyedTable} when the schema marks key columns
     * @throws QArrowException when a value has no q counterpart, naming the column and row
     * @throws UncheckedIOException when reading fails or the bytes are not an Arrow file
     */
    public static QValue readFile(SeekableByteChannel in) {
        Objects.requireNonNull(in, "in");
        try (BufferAllocator allocator = new RootAllocator();
             ArrowFileReader reader = new ArrowFileReader(Unclosed.channel(in), allocator)) {
            return readAll(reader);
        } catch (InvalidArrowFileException e) {
            throw new UncheckedIOException(new IOException("not an Arrow IPC file: " + e.getMessage(), e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Arrow file: " + e.getMessage(), e);
        }
    }

    /** Writes every batch the reader gives, between the format's start and end. */
    private static void writeAll(ArrowReader reader, ArrowWriter writer) throws IOException {
        writer.start();
        while (reader.loadNextBatch()) {
            writer.writeBatch();
        }
        writer.end();
    }

    /**
     * Reads every remaining record batch of any {@link ArrowReader} into one table.
     *
     * <pre>{@code
     * try (ArrowReader reader = new ArrowStreamReader(in, allocator)) {
     *     QValue t = QArrow.read(reader);
     * }
     * }</pre>
     *
     * @param reader the reader; not closed
     * @return a {@code QTable}, or a {@code QKeyedTable} when the schema marks key columns
     * @throws QArrowException when a value has no q counterpart, naming the column and row
     * @throws UncheckedIOException when the reader fails
     */
    public static QValue read(ArrowReader reader) {
        try {
            return readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Arrow data: " + e.getMessage(), e);
        }
    }

    private static QValue readAll(ArrowReader reader) throws IOException {
        VectorSchemaRoot root = reader.getVectorSchemaRoot();
        List<TableDecoder.Batch> batches = new java.util.ArrayList<>();
        while (reader.loadNextBatch()) {
            batches.add(TableDecoder.batch(root, reader));
        }
        return TableDecoder.decode(batches, root.getSchema());
    }
}
