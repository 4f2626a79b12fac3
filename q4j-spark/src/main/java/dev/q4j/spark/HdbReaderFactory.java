package dev.q4j.spark;

import dev.q4j.hdb.Enumeration;
import dev.q4j.hdb.Hdb;
import dev.q4j.hdb.HdbTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

/** Reads the splits of a scan on disk, on the executors, as columnar batches over the mapped files. */
final class HdbReaderFactory implements PartitionReaderFactory {
    private static final long serialVersionUID = 1L;
    /** per scan and executor JVM: the database (its domains read once) and the domains' Spark strings */
    private static final Map<String, Context> CONTEXTS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Context> eldest) {
            return size() > 8;
        }
    };

    private final KdbOptions options;
    private final String scanId;
    private final StructType required;
    /** held as HashMaps: the factory is serialised to the executors */
    private final HashMap<String, String> storage;
    private final HashMap<String, String[]> symbolFilters;

    HdbReaderFactory(KdbOptions options, String scanId, StructType required, Map<String, String> storage,
            Map<String, String[]> symbolFilters) {
        this.options = options;
        this.scanId = scanId;
        this.required = required;
        this.storage = new HashMap<>(storage);
        this.symbolFilters = new HashMap<>(symbolFilters);
    }

    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return true;
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new Reader((HdbSplit) partition);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        return new Rows(new Reader((HdbSplit) partition));
    }

    private Context context() {
        synchronized (CONTEXTS) {
            return CONTEXTS.computeIfAbsent(scanId, k -> new Context(Hdb.open(Path.of(options.path()))));
        }
    }

    /** What the splits of one scan share in an executor. */
    static final class Context {
        final Hdb hdb;
        /** per domain name: its entries as Spark strings, made when first met */
        final Map<String, AtomicReferenceArray<UTF8String>> strings = new ConcurrentHashMap<>();
        /** per domain name: where it holds the empty symbol, or -1 */
        final Map<String, Long> emptyAt = new ConcurrentHashMap<>();
        /** per filtered column: which of its domain's entries the filter keeps */
        final Map<String, boolean[]> kept = new ConcurrentHashMap<>();

        Context(Hdb hdb) {
            this.hdb = hdb;
        }
    }

    /** One split's batches: its pieces one after the other. */
    final class Reader implements PartitionReader<ColumnarBatch> {
        private final HdbSplit whole;
        private int next;
        private HdbSplit.Piece split;
        private Context context;
        private QTable simple;
        private final Map<String, Enumeration> enumerations = new LinkedHashMap<>();
        private int[] sel;
        private int rows;
        private int at;
        private ColumnarBatch batch;

        Reader(HdbSplit whole) {
            this.whole = whole;
        }

        private void open(HdbSplit.Piece piece) {
            split = piece;
            simple = null;
            enumerations.clear();
            sel = null;
            at = 0;
            HdbTable t = context.hdb.table(options.table());
            List<String> plain = new ArrayList<>();
            Set<String> enumerated = new HashSet<>(symbolFilters.keySet());
            for (StructField f : required.fields()) {
                String s = storage.get(f.name());
                if ("ENUMERATED".equals(s)) {
                    enumerated.add(f.name());
                } else if (!"PARTITION".equals(s)) {
                    plain.add(f.name());
                }
            }
            if (!plain.isEmpty()) {
                HdbTable c = t.columns(plain.toArray(new String[0]));
                simple = c.partitioned() ? c.rows(split.partition(), split.from(), split.count())
                        : c.rows(null, split.from(), split.count());
            }
            for (String c : enumerated) {
                enumerations.put(c, t.enumeration(split.partition(), c, split.from(), split.count()));
            }
            rows = split.count();
            if (!symbolFilters.isEmpty()) {
                select();
            }
        }

        /** the rows every symbol filter keeps, by their indices */
        private void select() {
            List<boolean[]> keeps = new ArrayList<>();
            List<Enumeration> cols = new ArrayList<>();
            for (Map.Entry<String, String[]> e : symbolFilters.entrySet()) {
                Enumeration en = enumerations.get(e.getKey());
                keeps.add(context.kept.computeIfAbsent(e.getKey() + "\0" + en.domainName(),
                        k -> kept(en.domain(), e.getValue())));
                cols.add(en);
            }
            int[] out = new int[split.count()];
            int n = 0;
            for (int r = 0; r < split.count(); r++) {
                boolean pass = true;
                for (int i = 0; i < keeps.size() && pass; i++) {
                    long x = cols.get(i).indices().get(r);
                    boolean[] keep = keeps.get(i);
                    pass = x >= 0 && x < keep.length && keep[(int) x];
                }
                if (pass) {
                    out[n++] = r;
                }
            }
            sel = java.util.Arrays.copyOf(out, n);
            rows = n;
        }

        @Override
        public boolean next() {
            if (context == null) {
                context = context();
            }
            while (split == null || at >= rows) {
                if (next >= whole.pieces().size()) {
                    return false;
                }
                open(whole.pieces().get(next++));
            }
            int n = Math.min(options.batchRows(), rows - at);
            int[] batchSel = sel == null ? null : java.util.Arrays.copyOfRange(sel, at, at + n);
            int base = sel == null ? at : 0;
            ColumnVector[] vectors = new ColumnVector[required.fields().length];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = vector(required.fields()[i], base, batchSel, n);
            }
            batch = new ColumnarBatch(vectors, n);
            at += n;
            return true;
        }

        private ColumnVector vector(StructField f, int base, int[] batchSel, int n) {
            String s = storage.get(f.name());
            if ("PARTITION".equals(s)) {
                return new Vectors.Constant(f.name(), f.dataType(), (int) split.value(), n);
            }
            if ("ENUMERATED".equals(s)) {
                Enumeration e = enumerations.get(f.name());
                if (!f.dataType().equals(org.apache.spark.sql.types.DataTypes.StringType)) {
                    throw new IllegalStateException("kdb column " + f.name() + " holds symbols (Spark string) where"
                            + " the schema says " + f.dataType().simpleString());
                }
                AtomicReferenceArray<UTF8String> strings = context.strings.computeIfAbsent(e.domainName(),
                        d -> new AtomicReferenceArray<>(e.domain().count()));
                long emptyAt = context.emptyAt.computeIfAbsent(e.domainName(), d -> indexOfEmpty(e.domain()));
                return new Vectors.Enumerated(f.name(), e.indices(), e.domain(), strings, emptyAt, base, batchSel, n);
            }
            QSequence c = simple.column(f.name());
            return KdbTypes.vector(f.name(), c, f.dataType(), options, base, batchSel, n);
        }

        @Override
        public ColumnarBatch get() {
            return batch;
        }

        @Override
        public void close() {
            simple = null;
            enumerations.clear();
        }
    }

    private static long indexOfEmpty(QSymbolVector domain) {
        for (int i = 0; i < domain.count(); i++) {
            if (domain.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }

    private static boolean[] kept(QSymbolVector domain, String[] symbols) {
        Set<String> wanted = new HashSet<>(java.util.Arrays.asList(symbols));
        boolean[] keep = new boolean[domain.count()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = wanted.contains(domain.get(i));
        }
        return keep;
    }

    /** Rows, for a caller that asks for them: each batch's rows, copied. */
    static final class Rows implements PartitionReader<InternalRow> {
        private final PartitionReader<ColumnarBatch> batches;
        private java.util.Iterator<InternalRow> rows = java.util.Collections.emptyIterator();
        private InternalRow row;

        Rows(PartitionReader<ColumnarBatch> batches) {
            this.batches = batches;
        }

        @Override
        public boolean next() throws java.io.IOException {
            while (!rows.hasNext()) {
                if (!batches.next()) {
                    return false;
                }
                rows = batches.get().rowIterator();
            }
            row = rows.next().copy();
            return true;
        }

        @Override
        public InternalRow get() {
            return row;
        }

        @Override
        public void close() throws java.io.IOException {
            batches.close();
        }
    }
}
