package dev.q4j.spark;

import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbColumn;
import dev.q4j.hdb.HdbTable;
import dev.q4j.value.QTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** A table of a kdb+ database on disk, as Spark sees it: its schema from the files' headers. */
final class HdbSparkTable implements SupportsRead {
    private final KdbOptions options;
    private final HdbTable table;
    private final boolean file;
    private final StructType schema;

    HdbSparkTable(KdbOptions options, StructType given) {
        this.options = options;
        Path dir = Path.of(options.path());
        this.table = Hdb.open(dir).table(options.table());
        this.file = Files.isRegularFile(dir.resolve(options.table()));
        // a schema given is checked against the column names only: no column file is opened before the scan, which
        // opens those it reads
        this.schema = given != null ? check(given) : infer(table);
    }

    private StructType infer(HdbTable t) {
        List<StructField> fields = new ArrayList<>();
        for (HdbColumn c : t.schema()) {
            DataType type = c.storage() == HdbColumn.Storage.NESTED || c.storage() == HdbColumn.Storage.IN_FILE
                    ? KdbTypes.of(c.name(), sample(t, c.name()).column(c.name()), options)
                    : KdbTypes.of(c.name(), c.type(), options);
            fields.add(new StructField(c.name(), type, c.storage() != HdbColumn.Storage.PARTITION,
                    Metadata.empty()));
        }
        return new StructType(fields.toArray(new StructField[0]));
    }

    /** a row of the column (from the first partition that has one): what a nested column's items are */
    private static QTable sample(HdbTable t, String column) {
        HdbTable c = t.columns(column);
        if (!t.partitioned()) {
            return c.read();
        }
        for (String p : t.partitions()) {
            if (t.count(p) > 0) {
                return c.rows(p, 0, 1);
            }
        }
        return c.rows(t.partitions().get(0), 0, 0);
    }

    private StructType check(StructType given) {
        List<String> names = table.columns();
        for (StructField f : given.fields()) {
            if (!names.contains(f.name())) {
                throw new IllegalArgumentException("kdb: the schema given names a column " + f.name() + " that table "
                        + options.table() + " lacks; its columns: " + names);
            }
        }
        return given;
    }

    @Override
    public String name() {
        return "kdb:" + options.table();
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
        return new HdbScan.Builder(options, table, file, schema);
    }
}
