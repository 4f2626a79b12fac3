package dev.q4j.spark;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Spark's {@code kdb} data source: a table of a kdb+ database read straight from its files (through q4j-hdb), or a
 * table or query of a live kdb+ process (through q4j's client), as Spark's columnar batches.
 *
 * <pre>{@code
 * Dataset<Row> trade = spark.read().format("kdb").option("table", "trade").load("/data/hdb");
 * Dataset<Row> live = spark.read().format("kdb").option("host", "localhost").option("port", "5000")
 *         .option("table", "trade").option("from", "2024-01-02").option("to", "2024-01-05").load();
 * }</pre>
 *
 * <p>Spark finds this class through {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}; the
 * options and the types are described in the package's documentation. A schema given with
 * {@code spark.read().schema(...)} is taken as it is (no kdb+ data is read to infer it): its columns must be the
 * table's, with the types this source gives them.
 */
public final class KdbSource implements TableProvider, DataSourceRegister {
    /** Spark makes one with no arguments. */
    public KdbSource() {
    }

    @Override
    public String shortName() {
        return "kdb";
    }

    @Override
    @SuppressWarnings("deprecation")
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        return table(KdbOptions.of(options.asCaseSensitiveMap()), null).schema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        return table(KdbOptions.of(properties), schema);
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }

    private static Table table(KdbOptions o, StructType schema) {
        return o.ipc() ? new IpcTable(o, schema) : new HdbSparkTable(o, schema);
    }
}
