package dev.q4j.spark;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A table or query of a live kdb+ process, as Spark sees it: its schema from the first row of the answer
 * ({@code select[1]} of the table's first date, or {@code 1 sublist} of the query), unless one is given.
 */
final class IpcTable implements SupportsRead {
    private final KdbOptions options;
    private final StructType schema;

    IpcTable(KdbOptions options, StructType given) {
        this.options = options;
        dates(options);
        this.schema = given != null ? given : infer();
    }

    private StructType infer() {
        QTable t;
        try (QConnection q = connect(options)) {
            t = table(q.query(sampleQuery()), options);
        }
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < t.columnNames().size(); i++) {
            String c = t.columnNames().get(i);
            fields.add(new StructField(c, KdbTypes.of(c, t.columns().get(i), options), true, Metadata.empty()));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    private String sampleQuery() {
        if (options.query() != null) {
            return "1 sublist (" + options.query() + ")";
        }
        List<LocalDate> dates = dates(options);
        return "select[1] from " + options.table() + (dates.isEmpty() ? ""
                : " where " + options.partitionColumn() + "=" + qDate(dates.get(0)));
    }

    /** {@return the dates of the option range from..to}, empty when neither is given */
    static List<LocalDate> dates(KdbOptions o) {
        if (o.from() == null && o.to() == null) {
            return List.of();
        }
        if (o.from() == null || o.to() == null) {
            throw new IllegalArgumentException("kdb: give both options from and to (a range of dates), or neither");
        }
        LocalDate from = date("from", o.from());
        LocalDate to = date("to", o.to());
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("kdb: option to (" + o.to() + ") lies before option from ("
                    + o.from() + ")");
        }
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.add(d);
        }
        return out;
    }

    private static LocalDate date(String key, String text) {
        try {
            return LocalDate.parse(text.strip().replace('.', '-'));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("kdb: option " + key + " must be a date (2024-01-02 or 2024.01.02),"
                    + " not " + text, e);
        }
    }

    /** {@return a date as q writes it} */
    static String qDate(LocalDate d) {
        return String.format("%04d.%02d.%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    static QConnection connect(KdbOptions o) {
        ConnectionOptions.Builder b = ConnectionOptions.builder(o.host(), o.port());
        if (o.user() != null) {
            b.credentials(o.user(), o.password() == null ? "" : o.password());
        }
        return QConnection.connect(b.build());
    }

    /** {@return the answer as a table}: a keyed table unkeyed; anything else is an error naming it */
    static QTable table(QValue v, KdbOptions o) {
        if (v instanceof QTable t) {
            return t;
        }
        if (v instanceof QKeyedTable k) {
            return k.unkeyed();
        }
        throw new IllegalArgumentException("kdb: " + (o.query() != null ? "query " + o.query() : "table " + o.table())
                + " gave a " + v.type().qName() + ", not a table");
    }

    @Override
    public String name() {
        return "kdb:" + (options.table() != null ? options.table() : options.query());
    }

    /** {@return the table's columns}: Spark 4 still asks for them through this method, deprecated for columns() */
    @Override
    @SuppressWarnings("deprecation")
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
        return new IpcScan.Builder(options, schema);
    }
}
