package dev.q4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.IpcCompression;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
import dev.q4j.value.QTimestampVector;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks compare like with like: on smaller versions of their data (JMH itself runs only from bench/run),
 * both libraries read the same content from the same bytes, compress to the same bytes, and get the same reply
 * from the neutral server.
 */
class BenchSetupTest {

    @Test
    void bothLibrariesReadTheSameTradeTable() throws Exception {
        QTable table = Data.trade(5_000, 1);
        byte[] message = Data.message(table);
        assertThat(new Decoder().decode(message).value()).isEqualTo(table);
        c.Flip flip = (c.Flip) Data.javakdb(message);
        assertSameTable(table, flip);
    }

    @Test
    void everyWayOfReadingTheTradeTableReadsTheSameItems() throws Exception {
        ReadBench bench = new ReadBench();
        bench.setup();   // checks the in-place table against the copied one, and q4j's reading against javakdb's
        long javakdb = bench.decodeAndReadJavakdb();
        assertThat(bench.decodeInPlaceAndReadQ4j()).isEqualTo(javakdb);
        assertThat(bench.decodeAndReadQ4j()).isEqualTo(javakdb);
        assertThat(bench.decodeInPlaceQ4j()).isEqualTo(Data.value("trade"));
    }

    @Test
    void theSqlCasesComputeTheSameAveragesAsJava() {
        SqlBench bench = new SqlBench();
        bench.setup();
        try {
            QTable registered = bench.registerAndGroupBy();
            QTable stored = bench.groupByMaterialized();
            QTable trade = (QTable) Data.value("trade");
            java.util.Map<String, double[]> sums = new java.util.TreeMap<>();
            String[] sym = ((QSymbolVector) trade.column("sym")).array();
            double[] price = ((QFloatVector) trade.column("price")).array();
            for (int i = 0; i < sym.length; i++) {
                double[] s = sums.computeIfAbsent(sym[i], k -> new double[2]);
                s[0] += price[i];
                s[1]++;
            }
            assertThat(registered.count()).isEqualTo(sums.size());
            int row = 0;
            for (java.util.Map.Entry<String, double[]> e : sums.entrySet()) {
                double avg = e.getValue()[0] / e.getValue()[1];
                assertThat(((QFloatVector) registered.column("price")).get(row))
                        .isCloseTo(avg, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(((QFloatVector) stored.column("price")).get(row))
                        .isCloseTo(avg, org.assertj.core.api.Assertions.within(1e-9));
                row++;
            }
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void theRecordMapperAndTheHandWrittenLoopGiveTheSameRecordsAndTables() {
        RecordsBench bench = new RecordsBench();
        bench.setup();   // checks the mapper's records and tables against the loop's and the trade table
        java.util.List<RecordsBench.Trade> hand = bench.toRecordsHand();
        assertThat(hand).hasSize(Data.TRADE_ROWS);
        assertThat(bench.toRecordsMapper()).isEqualTo(hand);
        assertThat(bench.fromRecordsMapper()).isEqualTo(bench.fromRecordsHand()).isEqualTo(Data.value("trade"));
        assertThat(hand.get(0).time()).isEqualTo(QTemporal.instantOfTimestamp(
                ((QTimestampVector) ((QTable) Data.value("trade")).column("time")).get(0)));
    }

    @Test
    void theSymbolScanFindsEveryItemOfTheVectorWithItsLength() {
        CopyBench bench = new CopyBench();
        bench.setup();
        String[] scanned = bench.scanSymbols();
        String[] symbols = Data.symbols().array();
        assertThat(scanned).hasSameSizeAs(symbols);
        for (int i = 0; i < symbols.length; i++) {
            if (scanned[i].length() != symbols[i].length()) {
                assertThat(scanned[i]).as("item %d", i).hasSameSizeAs(symbols[i]);
            }
        }
    }

    @Test
    void theTradeTableIsSortedBySymbolThenTime() {
        QTable t = Data.trade(5_000, 1);
        String[] sym = ((QSymbolVector) t.column("sym")).array();
        long[] time = ((QTimestampVector) t.column("time")).array();
        for (int i = 1; i < sym.length; i++) {
            if (sym[i].equals(sym[i - 1])) {
                assertThat(time[i]).isGreaterThanOrEqualTo(time[i - 1]);
            }
        }
        assertThat(java.util.Arrays.stream(sym).distinct().count()).isLessThanOrEqualTo(Data.TRADE_SYMBOLS);
    }

    @Test
    void bothLibrariesCompressToTheSameBytesAndBack() throws Exception {
        Object flip = Data.javakdb(Data.message(Data.trade(20_000, 1)));
        c kx = new c();
        byte[] plain = kx.serialize(2, flip, false);
        byte[] theirs = kx.serialize(2, flip, true);
        assertThat(theirs.length).as("the table compresses").isLessThan(plain.length / 2);
        assertThat(IpcCompression.compress(plain)).isEqualTo(theirs);
        assertThat(IpcCompression.decompress(theirs)).isEqualTo(plain);
    }


    /** The trade table as q4j and javakdb read it: the same items. */
    static void assertSameTable(QTable table, c.Flip flip) {
        assertThat(flip.x).containsExactly("time", "sym", "price", "size", "side");
        long[] time = ((QTimestampVector) table.column("time")).array();
        Instant[] instants = (Instant[]) flip.y[0];
        assertThat(instants).hasSameSizeAs(time);
        for (int i = 0; i < time.length; i++) {
            assertThat(instants[i]).isEqualTo(QTemporal.instantOfTimestamp(time[i]));
        }
        assertThat((String[]) flip.y[1]).containsExactly(((QSymbolVector) table.column("sym")).array());
        assertThat((double[]) flip.y[2]).containsExactly(((QFloatVector) table.column("price")).array());
        assertThat((long[]) flip.y[3]).containsExactly(((QLongVector) table.column("size")).array());
        assertThat(new String((char[]) flip.y[4]))
                .isEqualTo(new String(((QCharVector) table.column("side")).array(),
                        java.nio.charset.StandardCharsets.US_ASCII));
    }
}
