package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The splayed table with a column of every basic type (kdb_sample/allDataTypes/splayedTable, enumerated against
 * allDataTypes/sym). Its 2000 rows repeat a few rows (5 in most columns; the booleans are 1000 1b then 0b, the GUIDs
 * 1500 alike then nulls, the symbols 3); the expected values were read off the files' bytes by hand (e.g.
 * {@code int}: {@code 0c000000 f7ad0000 00000000 00000080 ba6bfcff} is 12 44535 0 0N -234566), and nulls sit where
 * q's null bit patterns are. Column names are not types: {@code long} holds ints, {@code float} reals,
 * {@code timestamp} datetimes, as the headers say.
 */
class AllDataTypesTest {
    /** the same 16 bytes in every row: 61f3517490bca48ad88fe15e4a377ec8 */
    private static final String GUID = "\"G\"$\"61f35174-90bc-a48a-d88f-e15e4a377ec8\"";
    private static QTable table;

    @BeforeAll
    static void read() {
        table = Hdb.open(HdbCorpus.root().resolve("kdb_sample/allDataTypes")).table("splayedTable").read();
    }

    static Stream<Arguments> columns() {
        return Stream.of(
                Arguments.of("bool", QType.BOOLEAN, (IntFunction<String>) r -> r < 1000 ? "1b" : "0b"),
                Arguments.of("uuid", QType.GUID, (IntFunction<String>) r -> r < 1500 ? GUID : "0Ng"),
                Arguments.of("byte", QType.BYTE, cycle("0x7f", "0x06", "0x00", "0x80", "0xff")),
                Arguments.of("short", QType.SHORT, cycle("34h", "-3h", "0h", "0Nh", "100h")),
                Arguments.of("int", QType.INT, cycle("12i", "44535i", "0i", "0Ni", "-234566i")),
                Arguments.of("long", QType.INT, cycle("23243i", "77347535i", "0i", "0Ni", "-2346i")),
                Arguments.of("float", QType.REAL, cycle("0e", "-232e", "345345e", "0.00023e", "-0Ne")),
                Arguments.of("double", QType.FLOAT, cycle("0f", "0.00034350034", "96778f", "-0n", "-1.2")),
                Arguments.of("char", QType.CHAR, cycle("\"c\"", "\"0\"", "\"|\"", "\" \"", "\"a\"")),
                Arguments.of("str", QType.SYMBOL, cycle("`ww", "`787", "`uih_ww")),
                Arguments.of("nanostamp", QType.TIMESTAMP, cycle("1997.06.26D00:00:00.100000003",
                        "2008.01.01D00:00:00.100000003", "2023.01.01D00:00:00.100000003",
                        "1960.01.01D00:00:00.100000003", "0Np")),
                Arguments.of("month", QType.MONTH, cycle("1960.01m", "2000.01m", "2000.12m", "1900.01m", "0Nm")),
                Arguments.of("date", QType.DATE, cycle("1960.06.26", "2008.01.01", "2023.01.01", "1970.01.01",
                        "0Nd")),
                Arguments.of("timestamp", QType.DATETIME, cycle("1960.06.26T23:19:12.001",
                        "2008.01.01T23:19:12.001", "2023.01.01T23:19:12.001", "1970.01.01T23:19:12.001", "-0Nz")),
                Arguments.of("nano", QType.TIMESPAN, cycle("0D00:00:00.100000003", "0D00:30:00.000300000",
                        "0D10:00:00.000000000", "0D00:00:00.000000000", "0Nn")),
                Arguments.of("minute", QType.MINUTE, cycle("14:00", "01:22", "0Nu", "13:01", "03:41")),
                Arguments.of("second", QType.SECOND, cycle("23:59:59", "12:12:12", "01:55:01", "0Nv", "00:00:00")),
                Arguments.of("time", QType.TIME, cycle("0Nt", "00:01:01.978", "23:19:12.001", "12:00:01.030",
                        "00:00:00.000")));
    }

    /** {@return row r's q text}: the values given, repeated */
    private static IntFunction<String> cycle(String... values) {
        return r -> values[r % values.length];
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("columns")
    void everyColumnReadsWithItsTypeAndValues(String column, QType type, IntFunction<String> expected) {
        QSequence c = table.column(column);
        assertThat(c.type()).isEqualTo(type);
        assertThat(c.count()).isEqualTo(2000);
        for (int r = 0; r < 2000; r++) {
            assertThat(c.at(r).toString()).as("row %d", r).isEqualTo(expected.apply(r));
        }
    }

    @Test
    void columnsComeInTheOrderOfDotD() {
        assertThat(table.columnNames()).containsExactly("bool", "uuid", "byte", "short", "int", "long", "float",
                "double", "char", "str", "nanostamp", "month", "date", "timestamp", "nano", "minute", "second", "time");
    }

    @Test
    void enumeratedColumnKeepsIndicesAndTheSharedDomain() {
        Hdb hdb = Hdb.open(HdbCorpus.root().resolve("kdb_sample/allDataTypes"));
        Enumeration e = hdb.table("splayedTable").enumeration(null, "str");
        assertThat(e.domainName()).isEqualTo("sym");
        assertThat(e.domain().toArray()).containsExactly("ww", "787", "uih_ww");
        assertThat(e.indices().get(0)).isZero();
        assertThat(e.indices().get(2)).isEqualTo(2);
        assertThat(e.get(1)).isEqualTo("787");
        assertThat(hdb.table("splayedTable").enumeration(null, "str").domain()).as("one domain, read once")
                .isSameAs(e.domain());
    }
}
