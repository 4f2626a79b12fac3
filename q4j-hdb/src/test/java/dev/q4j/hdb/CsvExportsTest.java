package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.q4j.value.QDateVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimeVector;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every table of the corpus with a CSV export reads back exactly as its CSV says: every row, every column, in order.
 * Symbols compare as text, integers exactly, dates and times as q prints them (the CSV writes dates with dashes),
 * floats to the precision they are printed with in the CSV (half a unit in the last printed digit: the CSV holds 7
 * significant digits for some columns, 17 for others); an empty cell is a null.
 */
class CsvExportsTest {

    @ParameterizedTest(name = "{1} reads as {0}")
    @CsvSource({"Daily.csv, Daily, 2022.06.17", "Syms.csv, Syms, 2022.06.17", "Orders.csv, ORD, 2022.12.05",
            "Trans.csv, TRANSACTION, 2022.12.05"})
    void tableReadsBackAsItsCsvExport(String csv, String table, String partition) throws IOException {
        List<String> lines = Files.readAllLines(HdbCorpus.csv(csv), StandardCharsets.UTF_8);
        String[] header = lines.get(0).split(",", -1);
        QTable t = Hdb.open(HdbCorpus.sample()).table(table).partitions(partition).read();
        assertThat(t.columnNames()).containsExactlyElementsOf(
                concat(List.of("date"), Arrays.asList(header)));
        assertThat(t.count()).isEqualTo(lines.size() - 1);
        String[][] cells = new String[t.count()][];
        for (int r = 0; r < cells.length; r++) {
            cells[r] = lines.get(r + 1).split(",", -1);
            assertThat(t.column("date").at(r).toString()).isEqualTo(partition);
        }
        for (int i = 0; i < header.length; i++) {
            QSequence c = t.column(header[i]);
            for (int r = 0; r < cells.length; r++) {
                check(c, r, cells[r][i], table + "." + header[i] + " row " + r);
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new java.util.ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static void check(QSequence c, int r, String cell, String where) {
        if (c instanceof QSymbolVector s) {
            assertThat(s.get(r)).as(where).isEqualTo(cell);
        } else if (c instanceof QFloatVector f) {
            double v = f.get(r);
            if (cell.isEmpty()) {
                assertThat(Double.isNaN(v)).as(where + ": null, read " + v).isTrue();
            } else {
                BigDecimal printed = new BigDecimal(cell);
                double tolerance = printed.ulp().doubleValue() / 2 * (1 + 1e-9);
                assertThat(Math.abs(v - printed.doubleValue())).as(where + ": " + v + " printed as " + cell)
                        .isLessThanOrEqualTo(tolerance);
            }
        } else if (c instanceof QLongVector l) {
            if (cell.isEmpty()) {
                assertThat(l.isNull(r)).as(where + ": null, read " + l.get(r)).isTrue();
            } else {
                assertThat(l.get(r)).as(where).isEqualTo(Long.parseLong(cell));
            }
        } else if (c instanceof QDateVector || c instanceof QTimeVector) {
            String q = c.at(r).toString();
            assertThat(cell.isEmpty() ? q.startsWith("0N") : q.equals(cell.replace('-', '.')))
                    .as(where + ": " + q + " printed as " + cell).isTrue();
        } else {
            fail(where + ": a " + c.type() + " column, which the CSV test does not compare");
        }
    }
}
