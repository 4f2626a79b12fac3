package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.Q4jException;
import dev.q4j.text.QText;
import dev.q4j.value.QDict;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Every way a mapping fails, each with one exception whose message names what was wrong and where. */
class RecordsErrorsTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    private static QTable table(String q) {
        return (QTable) QText.parse(q);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Supplier<?> call) {
        return assertThatThrownBy(call::get).isInstanceOf(RecordMappingException.class)
                .isInstanceOf(Q4jException.class);
    }

    record Sizes(long j, int i, short h) {
    }

    @Test
    void aNullIntoAPrimitiveNamesRecordComponentColumnTypeAndRow() {
        fails(() -> MAPPER.toList(table("([] j:1 2 0N; i:1 2 3i; h:1 2 3h)"), Sizes.class))
                .hasMessage("Sizes.j (long) <-> column `j (long), row 2: 0Nj (null) cannot go into a primitive long;"
                        + " use Long or OptionalLong")
                .satisfies(e -> {
                    RecordMappingException r = (RecordMappingException) e;
                    assertThat(r.recordClass()).contains(Sizes.class);
                    assertThat(r.component()).contains("j (long)");
                    assertThat(r.column()).contains("j");
                    assertThat(r.qType()).contains(QType.LONG);
                    assertThat(r.row()).hasValue(2);
                });
        fails(() -> MAPPER.toList(table("([] j:1 2; i:1 0Ni; h:1 2h)"), Sizes.class))
                .hasMessageContaining("Sizes.i (int) <-> column `i (int), row 1: 0Ni (null) cannot go into a primitive"
                        + " int; use Integer or OptionalInt");
        fails(() -> MAPPER.toList(table("([] j:1 2; i:1 2i; h:0Nh 2h)"), Sizes.class))
                .hasMessageContaining("Sizes.h (short) <-> column `h (short), row 0: 0Nh (null)");
    }

    record When(Instant p, LocalDate d, YearMonth m, Duration n, LocalTime t, @QColumn(type = QType.DATETIME)
            LocalDateTime z) {
    }

    @Test
    void anInfiniteTemporalIntoAJavaTimeTypeIsAnError() {
        String ok = "p:2000.01.01D00:00 2000.01.01D00:00; d:2000.01.01 2000.01.01; m:2000.01m 2000.01m;"
                + " n:0D00:00 0D00:00; t:00:00:00.000 00:00:00.000; z:2000.01.01T00:00 2000.01.01T00:00";
        String[][] cases = {
            {"p", "0Wp", "When.p (Instant) <-> column `p (timestamp), row 1: 0Wp (infinity) has no Instant"},
            {"d", "-0Wd", "When.d (LocalDate) <-> column `d (date), row 1: -0Wd (infinity) has no LocalDate"},
            {"m", "0Wm", "When.m (YearMonth) <-> column `m (month), row 1: 0Wm (infinity) has no YearMonth"},
            {"n", "0Wn", "When.n (Duration) <-> column `n (timespan), row 1: 0Wn (infinity) has no Duration"},
            {"t", "0Wt", "When.t (LocalTime) <-> column `t (time), row 1: 0Wt (infinity) has no LocalTime"},
            {"z", "0wz", "When.z (LocalDateTime) <-> column `z (datetime), row 1: 0wz (infinity) has no LocalDateTime"},
        };
        for (String[] c : cases) {
            String q = ok.replaceFirst(c[0] + ":(\\S+) \\S+;?", c[0] + ":$1 " + c[1] + ";");
            fails(() -> MAPPER.toList(table("([] " + q.replaceAll(";$", "") + ")"), When.class))
                    .hasMessageStartingWith(c[2]);
        }
    }

    record Later(java.util.Optional<Instant> p, java.util.List<LocalDate> ds) {
    }

    @Test
    void aFailureInsideAnOptionalOrAListNamesTheComponentsDeclaredType() {
        // the item type alone ("Later.p (Instant)") would describe a component that does not exist
        fails(() -> MAPPER.toList(table("([] p:2000.01.01D00:00 0Wp; ds:(2000.01.01 2000.01.02;enlist 2000.01.03))"),
                Later.class))
                .hasMessageStartingWith("Later.p (Optional<Instant>) <-> column `p (timestamp), row 1: 0Wp (infinity)"
                        + " has no Instant");
        fails(() -> MAPPER.toList(table("([] p:2000.01.01D00:00 0Np; ds:(2000.01.01 2000.01.02;enlist 0Wd))"),
                Later.class))
                .hasMessageStartingWith("Later.ds (List<LocalDate>) <-> column `ds");
    }

    record Clock(LocalTime at) {
    }

    @Test
    void aTimespanPast24HoursIsNoTimeOfDay() {
        fails(() -> MAPPER.toList(table("([] at:0D01:00 1D01:00)"), Clock.class))
                .hasMessageContaining("Clock.at (LocalTime) <-> column `at (timespan), row 1: timespan")
                .hasMessageContaining("is not a time of day");
    }

    record Price(double price, String sym) {
    }

    @Test
    void aComponentWithoutAColumnNamesBothSides() {
        fails(() -> MAPPER.toList(table("([] px:1.5 2.5; sym:`a`b)"), Price.class))
                .hasMessage("Price.price (double): no column for this component (looked for `price; there are `px"
                        + " `sym)");
    }

    @Test
    void aColumnWithoutAComponentIsAnErrorUnlessIgnored() {
        QTable t = table("([] price:1.5 2.5; sym:`a`b; extra:1 2)");
        fails(() -> MAPPER.toList(t, Price.class)).hasMessageStartingWith("Price <-> column `extra: the column has no"
                + " component in Price [price, sym] (skip such columns with");
        RecordMapper lenient = RecordMapper.builder().unmatchedColumns(UnmatchedColumns.IGNORE).build();
        assertThat(lenient.toList(t, Price.class)).containsExactly(new Price(1.5, "a"), new Price(2.5, "b"));
    }

    @Test
    void aColumnOfATypeTheComponentCannotHoldFailsBeforeAnyRow() {
        fails(() -> MAPPER.toList(table("([] price:`a`b; sym:`a`b)"), Price.class))
                .hasMessage("Price.price (double) <-> column `price (symbol): a symbol column cannot go into double,"
                        + " which reads real, float, datetime")
                .satisfies(e -> assertThat(((RecordMappingException) e).row()).isEmpty());
    }

    enum Side { BUY, SELL }

    record Order(Side side) {
    }

    @Test
    void aSymbolThatIsNoEnumConstantIsNamed() {
        fails(() -> MAPPER.toList(table("([] side:`BUY`HOLD)"), Order.class))
                .hasMessage("Order.side (Side) <-> column `side (symbol), row 1: `HOLD is no constant of Side"
                        + " [BUY, SELL]");
    }

    record Stamp(Instant p) {
    }

    record TimeOfDay(LocalTime t, @QColumn(type = QType.MINUTE) Duration u) {
    }

    record Flags(Boolean b, Byte x) {
    }

    record Text(String s, char c) {
    }

    @Test
    void writingAValueThatDoesNotFitItsColumnNamesTheRow() {
        fails(() -> MAPPER.toTable(List.of(new Stamp(Instant.EPOCH), new Stamp(Instant.parse("2300-01-01T00:00:00Z"))),
                Stamp.class))
                .hasMessage("Stamp.p (Instant) <-> column `p (timestamp), row 1: 2300-01-01T00:00:00Z is beyond the"
                        + " range of a q timestamp: q timestamps run from 1707-09-22T00:12:43.145224194Z to"
                        + " 2292-04-10T23:47:16.854775806Z");
        fails(() -> MAPPER.toTable(List.of(new TimeOfDay(LocalTime.of(1, 2, 3, 4), Duration.ZERO)), TimeOfDay.class))
                .hasMessageContaining("TimeOfDay.t (LocalTime) <-> column `t (time), row 0: 01:02:03.000000004 has a"
                        + " finer precision than a q time");
        fails(() -> MAPPER.toTable(List.of(new TimeOfDay(LocalTime.NOON, Duration.ofSeconds(61))), TimeOfDay.class))
                .hasMessageContaining("TimeOfDay.u (Duration) <-> column `u (minute), row 0: PT1M1S has a finer"
                        + " precision than a q minute");
        fails(() -> MAPPER.toTable(List.of(new Flags(null, (byte) 1)), Flags.class))
                .hasMessageContaining("Flags.b (Boolean) <-> column `b (boolean), row 0: null, but q booleans have no"
                        + " null");
        fails(() -> MAPPER.toTable(List.of(new Flags(true, null)), Flags.class))
                .hasMessageContaining("Flags.x (Byte) <-> column `x (byte), row 0: null, but q bytes have no null");
        fails(() -> MAPPER.toTable(List.of(new Text("a", 'b'), new Text("a\0b", 'c')), Text.class))
                .hasMessage("Text.s (String) <-> column `s (symbol), row 1: a symbol cannot hold a NUL character:"
                        + " a\\0b");
        fails(() -> MAPPER.toTable(List.of(new Text("a", '\u20ac')), Text.class))
                .hasMessageContaining("Text.c (char) <-> column `c (char), row 0: '\u20ac' (U+20ac) does not fit a q"
                        + " char");
        List<Text> withNull = new ArrayList<>(Arrays.asList(new Text("a", 'b'), null));
        fails(() -> MAPPER.toTable(withNull, Text.class)).hasMessage("Text, row 1: the record is null");
    }

    record Mistyped(@QColumn(type = QType.MINUTE) Instant p) {
    }

    record Unsupported(StringBuilder text) {
    }

    record Generic<T>(T value) {
    }

    @Test
    void aComponentWhoseTypeHasNoMappingFailsNamingIt() {
        fails(() -> MAPPER.toTable(List.of(), Mistyped.class))
                .hasMessage("Mistyped.p (Instant) <-> column `p (minute): @QColumn(type = MINUTE) does not fit Instant,"
                        + " which is written as timestamp, datetime");
        fails(() -> MAPPER.toTable(List.of(), Unsupported.class))
                .hasMessageContaining("Unsupported.text (StringBuilder) <-> column `text: no q mapping for the Java"
                        + " type java.lang.StringBuilder (register a ColumnConverter)");
        fails(() -> MAPPER.toList(table("([] value:1 2)"), Generic.class))
                .hasMessageContaining("Generic.value (T) <-> column `value (long): no q mapping for the Java type T");
    }

    record Config(String host, int port) {
    }

    @Test
    void dictionariesFailNamingTheKey() {
        fails(() -> MAPPER.toRecord((QDict) QText.parse("`host`port!(`db;0Ni)"), Config.class))
                .hasMessage("Config.port (int) <-> column `port (int): 0Ni (null) cannot go into a primitive int; use"
                        + " Integer or OptionalInt");
        fails(() -> MAPPER.toRecord((QDict) QText.parse("`host`port`user!(`db;1i;`me)"), Config.class))
                .hasMessageStartingWith("Config <-> column `user: the key has no component in Config [host, port]");
        fails(() -> MAPPER.toRecord((QDict) QText.parse("(,`host)!,`db"), Config.class))
                .hasMessage("Config.port (int): no key for this component (looked for `port; there are `host)");
        fails(() -> MAPPER.toRecord((QDict) QText.parse("1 2!3 4"), Config.class))
                .hasMessageContaining("a dictionary with long vector keys and long vector values cannot go into a"
                        + " record");
    }

    record Key(String sym) {
    }

    record Value(double px) {
    }

    @Test
    void keyedTablesFailOnRepeatedKeysAndSidesOfSeveralColumns() {
        QKeyedTable kt = (QKeyedTable) QText.parse("([sym:`a`b`a] px:1 2 3f)");
        fails(() -> MAPPER.toMap(kt, Key.class, Value.class))
                .hasMessage("Key, row 2: the key Key[sym=a] repeats (first at row 0): a map cannot hold both rows;"
                        + " read the keyed table with toList instead");
        QKeyedTable two = (QKeyedTable) QText.parse("([sym:`a`b; venue:`x`y] px:1 2f)");
        fails(() -> MAPPER.toMap(two, String.class, Value.class))
                .hasMessageContaining("the key table has 2 columns [sym, venue]: read it into a record");
        QKeyedTable clash = QKeyedTable.of(table("([] px:1 2f)"), table("([] px:1 2f)"));
        fails(() -> MAPPER.toList(clash, Value.class))
                .hasMessageContaining("column `px: both a key and a value column");
        fails(() -> MAPPER.toKeyedTable(List.of(new Value(1)), Value.class, "sym"))
                .hasMessage("Value.sym: no such component or column to key on");
    }

    record Venue(String sym, String venue) {
    }

    record Quote(String venue, double px) {
    }

    @Test
    void aKeyAndAValueRecordWritingTheSameColumnIsAnErrorNamingIt() {
        fails(() -> MAPPER.toKeyedTable(Map.of(new Venue("a", "x"), new Quote("y", 1)), Venue.class,
                Quote.class))
                .hasMessage("Quote.venue (String) <-> column `venue: both the key (Venue.venue) and the value write"
                        + " this column, and a keyed table's key and value columns need distinct names; rename one"
                        + " with @QColumn")
                .satisfies(e -> assertThat(((RecordMappingException) e).column()).contains("venue"));
        fails(() -> MAPPER.toKeyedTable(Map.<Venue, Quote>of(), Venue.class, Quote.class))
                .hasMessageContaining("column `venue: both the key (Venue.venue) and the value write this column");
        QKeyedTable ok = MAPPER.toKeyedTable(Map.of(new Key("a"), new Value(1)), Key.class, Value.class);
        assertThat(MAPPER.toMap(ok, Key.class, Value.class)).containsExactly(Map.entry(new Key("a"),
                new Value(1)));
    }

    record Positive(String sym, long qty) {
        Positive {
            if (qty <= 0) {
                throw new IllegalArgumentException("qty must be positive: " + qty);
            }
        }
    }

    @Test
    void theRecordsOwnConstructorRejectingARowNamesRecordAndRowAndKeepsTheCause() {
        QTable t = table("([] sym:`a`b`c; qty:1 0 2)");
        String message = "Positive, row 1: the constructor rejected the row: java.lang.IllegalArgumentException: qty"
                + " must be positive: 0";
        fails(() -> MAPPER.toList(t, Positive.class)).hasMessage(message)
                .hasCauseInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    RecordMappingException r = (RecordMappingException) e;
                    assertThat(r.recordClass()).contains(Positive.class);
                    assertThat(r.row()).hasValue(1);
                });
        fails(() -> MAPPER.stream(t, Positive.class).toList()).hasMessage(message);
        fails(() -> MAPPER.toMap(QKeyedTable.of(table("([] k:1 2 3)"), t), Long.class, Positive.class))
                .hasMessage(message);
        fails(() -> MAPPER.toRecord((QDict) QText.parse("`sym`qty!(`a;-1)"), Positive.class))
                .hasMessage("Positive: the constructor rejected the row: java.lang.IllegalArgumentException: qty must"
                        + " be positive: -1")
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLookupFromTheRecordsModuleIsAccepted() {
        RecordMapper mapper = RecordMapper.builder().lookup(MethodHandles.lookup()).build();
        assertThat(mapper.toList(table("([] sym:`a`b)"), Key.class)).containsExactly(new Key("a"), new Key("b"));
    }
}
