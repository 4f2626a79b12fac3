package dev.q4j.spark;

import dev.q4j.client.QConnection;
import dev.q4j.value.QTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * A scan of a live kdb+: one Spark partition per date of the range (the kdb+ process runs
 * {@code select COLUMNS from TABLE where date=D}), or one for the whole table or query. Filters on the date column
 * drop dates; the columns asked for are the only ones selected (a query's answer is pruned when it arrives).
 */
final class IpcScan implements Scan, Batch {
    private final KdbOptions options;
    private final StructType required;
    private final List<Filter> dateFilters;

    IpcScan(KdbOptions options, StructType required, List<Filter> dateFilters) {
        this.options = options;
        this.required = required;
        this.dateFilters = dateFilters;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        return "kdb " + options.host() + ":" + options.port() + " " + (options.query() != null ? options.query()
                : options.table()) + " date filters " + dateFilters;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        if (options.query() != null) {
            return new InputPartition[] {new IpcSplit(options.query())};
        }
        StringBuilder select = new StringBuilder("select ");
        for (int i = 0; i < required.fields().length; i++) {
            select.append(i == 0 ? "" : ",").append(required.fields()[i].name());
        }
        select.append(" from ").append(options.table());
        List<LocalDate> dates = IpcTable.dates(options);
        if (dates.isEmpty()) {
            return new InputPartition[] {new IpcSplit(select.toString())};
        }
        List<InputPartition> out = new ArrayList<>();
        for (LocalDate d : dates) {
            boolean keep = true;
            for (Filter f : dateFilters) {
                if (Boolean.FALSE.equals(Filters.partition(f, options.partitionColumn(), d.toEpochDay()))) {
                    keep = false;
                    break;
                }
            }
            if (keep) {
                out.add(new IpcSplit(select + " where " + options.partitionColumn() + "=" + IpcTable.qDate(d)));
            }
        }
        return out.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return new ReaderFactory(options, required);
    }

    /**
     * One query to run on the kdb+ process.
     *
     * @param query the q query
     */
    record IpcSplit(String query) implements InputPartition {
        private static final long serialVersionUID = 1L;
    }

    /** Runs each split's query on the executor and serves its answer's columns as batches. */
    static final class ReaderFactory implements PartitionReaderFactory {
        private static final long serialVersionUID = 1L;
        private final KdbOptions options;
        private final StructType required;

        ReaderFactory(KdbOptions options, StructType required) {
            this.options = options;
            this.required = required;
        }

        @Override
        public boolean supportColumnarReads(InputPartition partition) {
            return true;
        }

        @Override
        public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
            return new Reader(((IpcSplit) partition).query());
        }

        @Override
        public PartitionReader<InternalRow> createReader(InputPartition partition) {
            return new HdbReaderFactory.Rows(createColumnarReader(partition));
        }

        private final class Reader implements PartitionReader<ColumnarBatch> {
            private final String query;
            private QTable table;
            private int at;
            private ColumnarBatch batch;

            Reader(String query) {
                this.query = query;
            }

            @Override
            public boolean next() {
                if (table == null) {
                    try (QConnection q = IpcTable.connect(options)) {
                        table = IpcTable.table(q.query(query), options);
                    }
                    for (StructField f : required.fields()) {
                        if (!table.columnNames().contains(f.name())) {
                            throw new IllegalStateException("kdb: " + query + " gave no column " + f.name()
                                    + "; its columns: " + table.columnNames());
                        }
                    }
                }
                if (at >= table.count()) {
                    return false;
                }
                int n = Math.min(options.batchRows(), table.count() - at);
                ColumnVector[] vectors = new ColumnVector[required.fields().length];
                for (int i = 0; i < vectors.length; i++) {
                    StructField f = required.fields()[i];
                    vectors[i] = KdbTypes.vector(f.name(), table.column(f.name()), f.dataType(), options, at, null, n);
                }
                batch = new ColumnarBatch(vectors, n);
                at += n;
                return true;
            }

            @Override
            public ColumnarBatch get() {
                return batch;
            }

            @Override
            public void close() {
                table = null;
            }
        }
    }

    /** Spark's questions before the scan: which columns, which filters. */
    static final class Builder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {
        private final KdbOptions options;
        private StructType required;
        private final List<Filter> dateFilters = new ArrayList<>();

        Builder(KdbOptions options, StructType schema) {
            this.options = options;
            this.required = schema;
        }

        @Override
        public void pruneColumns(StructType requiredSchema) {
            this.required = requiredSchema;
        }

        @Override
        public Filter[] pushFilters(Filter[] filters) {
            List<Filter> rest = new ArrayList<>();
            for (Filter f : filters) {
                // the answer is still filtered by Spark: the dates dropped are only those no row of would pass
                if (options.table() != null && options.from() != null
                        && Filters.exactOnPartition(f, options.partitionColumn())) {
                    dateFilters.add(f);
                }
                rest.add(f);
            }
            return rest.toArray(new Filter[0]);
        }

        @Override
        public Filter[] pushedFilters() {
            return dateFilters.toArray(new Filter[0]);
        }

        @Override
        public Scan build() {
            return new IpcScan(options, required, List.copyOf(dateFilters));
        }
    }
}
