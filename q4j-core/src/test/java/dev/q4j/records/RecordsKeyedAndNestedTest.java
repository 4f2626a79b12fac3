package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keyed tables, dictionaries of atoms and nested columns (lists, dictionaries, tables) both ways. */
class RecordsKeyedAndNestedTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    record Key(String sym, LocalDate date) {
    }

    record Close(double price, long volume) {
    }

    record Row(String sym, LocalDate date, double price, long volume) {
    }

    private static final String KEYED = "([sym:`a`b; date:2024.01.02 2024.01.03] price:1.5 2.5; volume:100 200)";

    @Test
    void aKeyedTableIsAMapFromKeyRecordToValueRecordAndBack() {
        QKeyedTable kt = (QKeyedTable) QText.parse(KEYED);
        Map<Key, Close> map = MAPPER.toMap(kt, Key.class, Close.class);
        Map<Key, Close> expected = new LinkedHashMap<>();
        expected.put(new Key("a", LocalDate.of(2024, 1, 2)), new Close(1.5, 100));
        expected.put(new Key("b", LocalDate.of(2024, 1, 3)), new Close(2.5, 200));
        assertThat(map).containsExactlyEntriesOf(expected);
        assertThat(MAPPER.toKeyedTable(map, Key.class, Close.class)).isEqualTo(kt);
    }

    @Test
    void aKeyedTableIsAListOfRecordsHoldingKeyAndValueColumns() {
        QKeyedTable kt = (QKeyedTable) QText.parse(KEYED);
        List<Row> rows = MAPPER.toList(kt, Row.class);
        assertThat(rows).containsExactly(new Row("a", LocalDate.of(2024, 1, 2), 1.5, 100),
                new Row("b", LocalDate.of(2024, 1, 3), 2.5, 200));
        assertThat(MAPPER.toKeyedTable(rows, Row.class, "sym", "date")).isEqualTo(kt);
    }

    @Test
    void aOneColumnSideReadsIntoAPlainType() {
        QKeyedTable kt = (QKeyedTable) QText.parse("([sym:`a`b] price:1.5 2.5)");
        assertThat(MAPPER.toMap(kt, String.class, Double.class)).containsExactly(Map.entry("a", 1.5),
                Map.entry("b", 2.5));
    }

    record Config(String host, int port, Duration timeout, List<String> users) {
    }

    @Test
    void aDictionaryOfAtomsIsOneRecordAndBack() {
        QDict d = (QDict) QText.parse("`host`port`timeout`users!(`db1;5000i;0D00:00:05;`alice`bob)");
        Config c = MAPPER.toRecord(d, Config.class);
        assertThat(c).isEqualTo(new Config("db1", 5000, Duration.ofSeconds(5), List.of("alice", "bob")));
        assertThat(MAPPER.toDict(c)).isEqualTo(d);
        // values all of one type arrive as a vector
        record Pair(long a, long b) {
        }
        assertThat(MAPPER.toRecord((QDict) QText.parse("`a`b!1 2"), Pair.class)).isEqualTo(new Pair(1, 2));
    }

    record Series(String sym, List<Long> sizes, long[] raw, double[] prices, List<String> venues,
            @QColumn(type = QType.CHAR) List<String> notes, List<List<Integer>> grid) {
    }

    @Test
    void nestedListColumnsAreListsOrPrimitiveArrays() {
        QTable t = (QTable) QText.parse("([] sym:`a`b; sizes:(1 0N;`long$()); raw:(1 2;,3); prices:(1.5 2.5;,0n);"
                + " venues:(`x`y;,`z); notes:((\"hi\";\"there\");,,\"x\");"
                + " grid:((1 2i;,3i);enlist `int$()))");
        List<Series> rows = MAPPER.toList(t, Series.class);
        assertThat(rows).hasSize(2);
        Series a = rows.get(0);
        assertThat(a.sizes()).containsExactly(1L, null);
        assertThat(a.raw()).containsExactly(1, 2);
        assertThat(a.prices()).containsExactly(1.5, 2.5);
        assertThat(a.venues()).containsExactly("x", "y");
        assertThat(a.notes()).containsExactly("hi", "there");
        assertThat(a.grid()).containsExactly(List.of(1, 2), List.of(3));
        Series b = rows.get(1);
        assertThat(b.sizes()).isEmpty();
        assertThat(b.prices()[0]).isNaN();
        assertThat(b.grid()).containsExactly(List.of());
        assertThat(MAPPER.toTable(rows, Series.class)).isEqualTo(t);
    }

    record Arrays(int[] ints, short[] shorts, float[] reals, boolean[] flags, byte[] bytes, char[] text,
            String[] syms, java.util.UUID[] ids, @QColumn(type = QType.TIMESTAMP) long[] stamps) {
    }

    @Test
    void everyPrimitiveArrayIsAVectorCell() {
        QTable t = (QTable) QText.parse("([] ints:enlist 1 0N 2i; shorts:enlist 1 2h; reals:enlist 1.5 0Ne;"
                + " flags:enlist 101b; bytes:enlist 0x00ff; text:enlist \"h\u00e9\"; syms:enlist `a`b;"
                + " ids:enlist \"G\"$(\"0a369037-75d3-b24d-6721-5a1d44d4bed5\";"
                + "\"00000000-0000-0000-0000-000000000000\");"
                + " stamps:enlist 2000.01.01D00:00:00.000000001 0Wp)");
        Arrays a = MAPPER.toList(t, Arrays.class).get(0);
        assertThat(a.ints()).containsExactly(1, Integer.MIN_VALUE, 2);
        assertThat(a.shorts()).containsExactly((short) 1, (short) 2);
        assertThat(a.reals()[0]).isEqualTo(1.5f);
        assertThat(a.flags()).containsExactly(true, false, true);
        assertThat(a.bytes()).containsExactly(0, -1);
        assertThat(a.text()).containsExactly('h', '\u00e9');
        assertThat(a.syms()).containsExactly("a", "b");
        assertThat(a.ids()).containsExactly(java.util.UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5"), null);
        assertThat(a.stamps()).containsExactly(1, Long.MAX_VALUE);
        assertThat(MAPPER.toTable(List.of(a), Arrays.class)).isEqualTo(t);
    }

    record Leg(String venue, long qty) {
    }

    record Order(String id, Leg main, List<Leg> legs, Map<String, Double> fees) {
    }

    @Test
    void nestedRecordsAreDictionariesAndListsOfRecordsAreTables() {
        // q makes a list of dictionaries with the same keys a table, and a table cannot be a column: a column of
        // dictionaries is a general list of them, as this one, or of dictionaries with other keys
        QTable t = QTable.of(List.of("id", "main", "legs", "fees"), List.of(q("`o1`o2"),
                QList.of(q("`venue`qty!(`x;100)"), q("`venue`qty!(`y;200)")),
                QList.of(q("([] venue:`x`y; qty:60 40)"), q("([] venue:`symbol$(); qty:`long$())")),
                QList.of(q("`a`b!1.5 2.5"), q("(`symbol$())!`float$()"))));
        List<Order> orders = MAPPER.toList(t, Order.class);
        assertThat(orders).containsExactly(
                new Order("o1", new Leg("x", 100), List.of(new Leg("x", 60), new Leg("y", 40)),
                        Map.of("a", 1.5, "b", 2.5)),
                new Order("o2", new Leg("y", 200), List.of(), Map.of()));
        assertThat(MAPPER.toList(MAPPER.toTable(orders, Order.class), Order.class)).isEqualTo(orders);
    }

    private static QValue q(String text) {
        return QText.parse(text);
    }

    record Tree(String name, List<Tree> children) {
    }

    @Test
    void recursiveRecordsNest() {
        Tree tree = new Tree("root", List.of(new Tree("a", List.of()), new Tree("b", List.of(new Tree("c",
                List.of())))));
        QTable t = MAPPER.toTable(List.of(tree), Tree.class);
        assertThat(MAPPER.toList(t, Tree.class)).containsExactly(tree);
    }

    @Test
    void aNestedFailureNamesTheOuterAndInnerPlaces() {
        QTable t = QTable.of(List.of("id", "main", "legs", "fees"), List.of(q(",`o1"),
                QList.of(q("`venue`qty!(`x;0N)")), QList.of(q("([] venue:`x`y; qty:60 40)")),
                QList.of(q("`a`b!1.5 2.5"))));
        assertThatThrownBy(() -> MAPPER.toList(t, Order.class)).isInstanceOf(RecordMappingException.class)
                .hasMessage("Order.main (Leg) <-> column `main (list), row 0: in the nested Leg: Leg.qty (long) <->"
                        + " column `qty (long): 0Nj (null) cannot go into a primitive long; use Long or OptionalLong");
        QTable items = (QTable) QText.parse("([] sym:,`a; sizes:,(1;`x); raw:,1 2; prices:,1.5 2.5; venues:,`x`y;"
                + " notes:,,\"a\"; grid:,enlist 1 2i)");
        assertThatThrownBy(() -> MAPPER.toList(items, Series.class)).isInstanceOf(RecordMappingException.class)
                .hasMessage("Series.sizes (List<Long>) <-> column `sizes (list), row 0: item 1: a symbol atom cannot"
                        + " go into Long, which reads short, int, long, timestamp, timespan");
    }
}
