package dev.q4j.spark;

import dev.q4j.hdb.KdbWriter;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A date-partitioned trade table written with q4j-hdb's {@link KdbWriter} as kdb+'s {@code .Q.dpft} lays it out:
 * {@code partitions} business days from 2024.01.02, {@code rows} rows each (sym of 100 tickers, a few null; time,
 * price with some nulls, size, a real and a boolean), from a fixed seed.
 */
final class GeneratedHdb {
    static final LocalDate FIRST = LocalDate.of(2024, 1, 2);
    static final String[] COLUMNS = {"sym", "time", "price", "size", "bid", "buy"};

    private GeneratedHdb() {
    }

    static String symbol(int i) {
        return "S" + i;
    }

    /** {@return the partitions' dates}, as q names them */
    static List<String> write(Path db, int partitions, int rows) {
        SplittableRandom random = new SplittableRandom(42);
        List<String> names = new ArrayList<>();
        String[] tickers = new String[100];
        for (int i = 0; i < tickers.length; i++) {
            tickers[i] = symbol(i);
        }
        for (int p = 0; p < partitions; p++) {
            LocalDate day = FIRST.plusDays(p);
            long dayNanos = (day.toEpochDay() - 10957) * 86_400_000_000_000L;
            String[] sym = new String[rows];
            long[] time = new long[rows];
            double[] price = new double[rows];
            long[] size = new long[rows];
            float[] bid = new float[rows];
            boolean[] buy = new boolean[rows];
            long t = dayNanos + 9 * 3_600_000_000_000L;
            for (int r = 0; r < rows; r++) {
                sym[r] = random.nextInt(1000) == 0 ? "" : tickers[random.nextInt(tickers.length)];
                t += random.nextInt(50_000) + 1;
                time[r] = t;
                price[r] = random.nextInt(2000) == 0 ? Double.NaN : 100 + random.nextInt(100_000) / 1000.0;
                size[r] = random.nextInt(1, 10_000);
                bid[r] = random.nextInt(1000) / 8f;
                buy[r] = random.nextBoolean();
            }
            QTable table = QTable.of(List.of(COLUMNS), List.of(QSymbolVector.wrap(sym),
                    QTimestampVector.wrap(time), QFloatVector.wrap(price), QLongVector.wrap(size),
                    QRealVector.wrap(bid), QBooleanVector.wrap(buy)));
            String name = day.toString().replace('-', '.');
            KdbWriter.writePartition(db, name, "trade", table);
            names.add(name);
        }
        return names;
    }
}
