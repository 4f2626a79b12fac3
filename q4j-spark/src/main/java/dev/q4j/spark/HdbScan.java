package dev.q4j.spark;

import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbColumn;
import dev.q4j.hdb.HdbTable;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A scan of a table on disk: the partitions its filters leave (partition pruning), in splits of at most
 * {@code maxRowsPerSplit} rows, the columns Spark asks for (column pruning), the rows its symbol filters choose.
 */
final class HdbScan implements Scan, Batch {
    private final KdbOptions options;
    /** the columns read (those asked for and those filtered), from their files' headers */
    private final List<HdbColumn> columns;
    private final boolean file;
    private final String partitionColumn;
    private final StructType required;
    private final List<Filter> partitionFilters;
    private final Map<String, Set<String>> symbolFilters;
    private final String scanId = UUID.randomUUID().toString();

    HdbScan(KdbOptions options, List<HdbColumn> columns, boolean file, String partitionColumn, StructType required,
            List<Filter> partitionFilters, Map<String, Set<String>> symbolFilters) {
        this.options = options;
        this.columns = columns;
        this.file = file;
        this.partitionColumn = partitionColumn;
        this.required = required;
        this.partitionFilters = partitionFilters;
        this.symbolFilters = symbolFilters;
    }

    @Override
    public StructType readSchema() {
        return required;
    }

    @Override
    public String description() {
        return "kdb " + options.path() + " " + options.table() + " partition filters " + partitionFilters
                + " symbol filters " + symbolFilters;
    }

    @Override
    public Batch toBatch() {
        return this;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        Hdb hdb = Hdb.open(Path.of(options.path()));
        HdbTable t = hdb.table(options.table());
        List<HdbSplit.Piece> pieces = new ArrayList<>();
        if (!t.partitioned()) {
            slice(pieces, null, 0, t.count(null), file);
        } else {
            for (String p : t.partitions()) {
                long value = partitionValue(p);
                boolean keep = true;
                for (Filter f : partitionFilters) {
                    if (Boolean.FALSE.equals(Filters.partition(f, partitionColumn, value))) {
                        keep = false;
                        break;
                    }
                }
                if (keep) {
                    slice(pieces, p, value, t.count(p), false);
                }
            }
        }
        return pack(pieces).toArray(new InputPartition[0]);
    }

    private void slice(List<HdbSplit.Piece> out, String partition, long value, int rows, boolean whole) {
        int step = whole ? Math.max(rows, 1) : options.maxRowsPerSplit();
        for (int from = 0; from < rows; from += step) {
            out.add(new HdbSplit.Piece(partition, value, from, Math.min(step, rows - from)));
        }
    }

    /**
     * One split per piece; with {@code minRowsPerSplit}, consecutive pieces packed into a split until it holds that
     * many rows (never more than {@code maxRowsPerSplit}): fewer, larger Spark tasks, as Spark packs small files
     */
    private List<HdbSplit> pack(List<HdbSplit.Piece> pieces) {
        List<HdbSplit> out = new ArrayList<>();
        List<HdbSplit.Piece> current = new ArrayList<>();
        long rows = 0;
        for (HdbSplit.Piece p : pieces) {
            if (!current.isEmpty() && (rows >= options.minRowsPerSplit()
                    || rows + p.count() > options.maxRowsPerSplit())) {
                out.add(new HdbSplit(List.copyOf(current)));
                current.clear();
                rows = 0;
            }
            current.add(p);
            rows += p.count();
        }
        if (!current.isEmpty()) {
            out.add(new HdbSplit(List.copyOf(current)));
        }
        return out;
    }

    /** a partition's value as Spark holds it: days since 1970 (a date, a month's first day), or the int */
    static long partitionValue(String p) {
        if (p.length() == 10) {
            return LocalDate.parse(p.replace('.', '-')).toEpochDay();
        }
        if (p.length() == 7 && p.charAt(4) == '.') {
            return LocalDate.parse(p.replace('.', '-') + "-01").toEpochDay();
        }
        return Long.parseLong(p);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        Map<String, String> storage = new LinkedHashMap<>();
        for (HdbColumn c : columns) {
            storage.put(c.name(), c.storage().name());
        }
        Map<String, String[]> symbols = new LinkedHashMap<>();
        symbolFilters.forEach((k, v) -> symbols.put(k, v.toArray(new String[0])));
        return new HdbReaderFactory(options, scanId, required, storage, symbols);
    }

    /** Spark's questions before the scan: which columns, which filters. */
    static final class Builder implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownFilters {
        private final KdbOptions options;
        private final HdbTable table;
        private final boolean file;
        private final String partition;
        private final Map<String, Boolean> enumerated = new HashMap<>();
        private StructType required;
        private final List<Filter> partitionFilters = new ArrayList<>();
        private final Map<String, Set<String>> symbolFilters = new LinkedHashMap<>();
        private final List<Filter> pushed = new ArrayList<>();

        Builder(KdbOptions options, HdbTable table, boolean file, StructType schema) {
            this.options = options;
            this.table = table;
            this.file = file;
            this.partition = table.partitioned() ? table.columns().get(0) : null;
            this.required = schema;
        }

        @Override
        public void pruneColumns(StructType requiredSchema) {
            this.required = requiredSchema;
        }

        /** whether a column is enumerated: its file's header alone is read, once */
        private boolean enumerated(String column) {
            return enumerated.computeIfAbsent(column, c -> !c.equals(partition) && table.columns().contains(c)
                    && table.columns(c).schema().get(0).storage() == HdbColumn.Storage.ENUMERATED);
        }

        @Override
        public Filter[] pushFilters(Filter[] filters) {
            List<Filter> rest = new ArrayList<>();
            for (Filter f : filters) {
                String[] refs = f.references();
                Set<String> symbols = refs.length == 1 && enumerated(refs[0])
                        ? Filters.symbols(f, Set.of(refs[0])) : null;
                if (partition != null && Filters.exactOnPartition(f, partition)) {
                    partitionFilters.add(f);
                    pushed.add(f);
                } else if (symbols != null) {
                    String column = refs[0];
                    Set<String> before = symbolFilters.get(column);
                    if (before != null) {
                        symbols.retainAll(before);
                    }
                    symbolFilters.put(column, symbols);
                    pushed.add(f);
                } else {
                    rest.add(f);
                }
            }
            return rest.toArray(new Filter[0]);
        }

        @Override
        public Filter[] pushedFilters() {
            return pushed.toArray(new Filter[0]);
        }

        @Override
        public Scan build() {
            List<String> all = table.columns();
            Set<String> names = new LinkedHashSet<>();
            for (StructField f : required.fields()) {
                if (!all.contains(f.name())) {
                    throw new IllegalArgumentException("kdb: table " + options.table() + " has no column " + f.name());
                }
                names.add(f.name());
            }
            names.addAll(symbolFilters.keySet());
            List<HdbColumn> columns = names.isEmpty() ? List.of()
                    : table.columns(names.toArray(new String[0])).schema();
            return new HdbScan(options, columns, file, partition, required, List.copyOf(partitionFilters),
                    symbolFilters);
        }
    }
}
