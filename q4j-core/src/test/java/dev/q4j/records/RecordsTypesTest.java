package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.text.QText;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every q basic type both ways, with its null, against tables written as q text (parsed by q4j's q parser, not built
 * by the mapper): the natural Java type of each, then the alternatives.
 */
class RecordsTypesTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    /** Checks that {@code table} reads as exactly {@code rows}, and that they write back as the same table. */
    @SafeVarargs
    @SuppressWarnings("varargs")   // the items are only read
    private static <R extends Record> void assertReadsAndWritesBack(QTable table, Class<R> type, R... rows) {
        List<R> read = MAPPER.toList(table, type);
        assertThat(read).containsExactly(rows);
        assertThat(MAPPER.toTable(read, type)).isEqualTo(table);
    }
    private static final UUID G = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");

    /** every q type in its natural Java type, boxed so that the second row's nulls fit */
    record Natural(Boolean b, UUID g, Byte x, Short h, Integer i, Long j, Float e, Double f, Character c, String s,
            Instant p, YearMonth m, LocalDate d, @QColumn(type = QType.DATETIME) Instant z, Duration n,
            @QColumn(type = QType.MINUTE) LocalTime u, @QColumn(type = QType.SECOND) LocalTime v, LocalTime t) {
    }

    private static final String NATURAL = "([] b:10b; g:\"G\"$(\"0a369037-75d3-b24d-6721-5a1d44d4bed5\";"
            + "\"00000000-0000-0000-0000-000000000000\"); x:0x2aff; h:7 0Nh; i:8 0Ni; j:9 0N; e:1.5 0Ne; f:2.5 0n;"
            + " c:\"a \"; s:`ibm`; p:2024.01.02D09:30:00.123456789 0Np; m:2024.03 0Nm; d:2024.01.02 0Nd;"
            + " z:2024.01.02T09:30:00.123 0Nz; n:0D01:02:03.000000004 0Nn; u:09:31 0Nu; v:09:31:02 0Nv;"
            + " t:09:31:02.345 0Nt)";

    private static final Natural ROW0 = new Natural(true, G, (byte) 0x2a, (short) 7, 8, 9L, 1.5f, 2.5, 'a', "ibm",
            Instant.parse("2024-01-02T09:30:00.123456789Z"), YearMonth.of(2024, 3), LocalDate.of(2024, 1, 2),
            Instant.parse("2024-01-02T09:30:00.123Z"), Duration.ofHours(1).plusMinutes(2).plusSeconds(3).plusNanos(4),
            LocalTime.of(9, 31), LocalTime.of(9, 31, 2), LocalTime.of(9, 31, 2, 345_000_000));
    /** the q nulls, except boolean and byte, which have none */
    private static final Natural ROW1 = new Natural(false, null, (byte) 0xff, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    @Test
    void everyTypeReadsIntoItsNaturalJavaTypeAndNullsIntoNull() {
        QTable table = (QTable) QText.parse(NATURAL);
        assertThat(MAPPER.toList(table, Natural.class)).containsExactly(ROW0, ROW1);
    }

    @Test
    void everyTypeIsWrittenAsTheQTypeQWouldGive() {
        QTable written = MAPPER.toTable(List.of(ROW0, ROW1), Natural.class);
        assertThat(written).isEqualTo(QText.parse(NATURAL));
        assertThat(MAPPER.toList(written, Natural.class)).containsExactly(ROW0, ROW1);
    }

    record Primitives(boolean b, byte x, short h, int i, long j, float e, double f, char c) {
    }

    @Test
    void primitivesReadAndWriteTheirTypesAndFloatsTakeNaNForNull() {
        QTable table = (QTable) QText.parse("([] b:01b; x:0x0102; h:1 2h; i:3 4i; j:5 6; e:1.5 0Ne; f:0n 2.5;"
                + " c:\"xy\")");
        assertReadsAndWritesBack(table, Primitives.class,
                new Primitives(false, (byte) 1, (short) 1, 3, 5, 1.5f, Double.NaN, 'x'),
                new Primitives(true, (byte) 2, (short) 2, 4, 6, Float.NaN, 2.5, 'y'));
    }

    record Optionals(OptionalLong j, OptionalInt i, OptionalDouble f, Optional<String> s, Optional<Instant> p,
            Optional<LocalDate> d) {
    }

    @Test
    void nullsAreEmptyOptionals() {
        QTable table = (QTable) QText.parse("([] j:1 0N; i:0N 2i; f:1.5 0n; s:`a`; p:0Np 2000.01.01D00:00:00;"
                + " d:2000.01.02 0Nd)");
        assertReadsAndWritesBack(table, Optionals.class,
                new Optionals(OptionalLong.of(1), OptionalInt.empty(), OptionalDouble.of(1.5), Optional.of("a"),
                        Optional.empty(), Optional.of(LocalDate.of(2000, 1, 2))),
                new Optionals(OptionalLong.empty(), OptionalInt.of(2), OptionalDouble.empty(), Optional.empty(),
                        Optional.of(Instant.parse("2000-01-01T00:00:00Z")), Optional.empty()));
    }

    record Alternatives(LocalDateTime p1, OffsetDateTime p2, @QColumn(type = QType.TIMESTAMP) long p3,
            @QColumn(type = QType.DATETIME) LocalDateTime z1, @QColumn(type = QType.DATETIME) OffsetDateTime z2,
            @QColumn(type = QType.TIMESPAN) LocalTime n1, @QColumn(type = QType.TIMESPAN) long n2,
            @QColumn(type = QType.MINUTE) Duration u, @QColumn(type = QType.SECOND) Duration v,
            @QColumn(type = QType.TIME) Duration t) {
    }

    @Test
    void temporalsReadIntoTheOtherJavaTypesPeopleUse() {
        QTable table = (QTable) QText.parse("([] p1:,2024.01.02D09:30:00.000000001; p2:,2024.01.02D09:30:00;"
                + " p3:,2000.01.01D00:00:00.000000042; z1:,2024.01.02T09:30:00.500; z2:,2000.01.01T00:00:00.000;"
                + " n1:,0D09:30:00.000000001; n2:,0D00:00:00.000000007; u:,25:00; v:,-00:00:01; t:,00:00:00.001)");
        Alternatives expected = new Alternatives(LocalDateTime.of(2024, 1, 2, 9, 30, 0, 1),
                OffsetDateTime.of(2024, 1, 2, 9, 30, 0, 0, ZoneOffset.UTC), 42,
                LocalDateTime.of(2024, 1, 2, 9, 30, 0, 500_000_000),
                OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), LocalTime.of(9, 30, 0, 1), 7,
                Duration.ofHours(25), Duration.ofSeconds(-1), Duration.ofMillis(1));
        assertReadsAndWritesBack(table, Alternatives.class, expected);
    }

    enum Side { BUY, SELL }

    record Symbols(String sym, Side side, @QColumn(type = QType.CHAR) String text) {
    }

    @Test
    void symbolsAreStringsOrEnumsAndStringColumnsAreStrings() {
        QTable table = (QTable) QText.parse("([] sym:`ibm``msft; side:`BUY`SELL`; text:(\"hello\";\"\";,\"x\"))");
        assertReadsAndWritesBack(table, Symbols.class,
                new Symbols("ibm", Side.BUY, "hello"), new Symbols(null, Side.SELL, ""),
                new Symbols("msft", null, "x"));
    }

    record Widening(long fromInt, long fromShort, int intFromShort, double fromReal, Long boxedFromInt) {
    }

    @Test
    void narrowerNumbersReadIntoWiderJavaTypes() {
        QTable table = (QTable) QText.parse("([] fromInt:1 2i; fromShort:3 4h; intFromShort:5 6h; fromReal:1.5 0Ne;"
                + " boxedFromInt:7 0Ni)");
        assertThat(MAPPER.toList(table, Widening.class)).containsExactly(new Widening(1, 3, 5, 1.5, 7L),
                new Widening(2, 4, 6, Double.NaN, null));
    }

    record Spans(@QColumn(type = QType.MINUTE) Duration u, @QColumn(type = QType.SECOND) Duration v) {
    }

    @Test
    void minutesAndSecondsFarBeyondADayAreExactDurations() {
        // found by the property test: minutes times nanoseconds per minute overflowed a long
        QTable table = QTable.of(List.of("u", "v"), List.of(QMinuteVector.of(2147483646, -2147483646),
                QSecondVector.of(2147483646, -2147483646)));
        assertReadsAndWritesBack(table, Spans.class,
                new Spans(Duration.ofMinutes(2147483646), Duration.ofSeconds(2147483646)),
                new Spans(Duration.ofMinutes(-2147483646), Duration.ofSeconds(-2147483646)));
    }

    record Infinities(long j, Long jb, int i, short h, double f, float e, @QColumn(type = QType.TIMESTAMP) long p) {
    }

    @Test
    void infinitiesStayValuesInNumbers() {
        QTable table = (QTable) QText.parse("([] j:0W -0W; jb:-0W 0W; i:0Wi -0Wi; h:0Wh -0Wh; f:0w -0w; e:0we -0we;"
                + " p:0Wp -0Wp)");
        assertReadsAndWritesBack(table, Infinities.class,
                new Infinities(Long.MAX_VALUE, -Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE,
                        Double.POSITIVE_INFINITY, Float.POSITIVE_INFINITY, Long.MAX_VALUE),
                new Infinities(-Long.MAX_VALUE, Long.MAX_VALUE, -Integer.MAX_VALUE, (short) -Short.MAX_VALUE,
                        Double.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, -Long.MAX_VALUE));
    }

    record RawTemporals(@QColumn(type = QType.TIMESTAMP) long p, @QColumn(type = QType.MONTH) int m,
            @QColumn(type = QType.DATE) Integer d, @QColumn(type = QType.DATETIME) double z,
            @QColumn(type = QType.TIMESPAN) Long n, @QColumn(type = QType.MINUTE) int u,
            @QColumn(type = QType.SECOND) int v, @QColumn(type = QType.TIME) OptionalInt t) {
    }

    @Test
    void temporalInfinitiesAndNullsStayValuesAsRawNumbers() {
        QTable table = (QTable) QText.parse("([] p:0Wp -0Wp 2000.01.01D00:00:00.000000001;"
                + " m:0Wm -0Wm 2000.02m; d:0Wd 0Nd 2000.01.03; z:0wz -0wz 0Nz; n:0Wn 0Nn 0D00:00:00.000000005;"
                + " u:0Wu -0Wu 00:06; v:0Wv -0Wv 00:00:07; t:0Wt 0Nt 00:00:00.008)");
        assertReadsAndWritesBack(table, RawTemporals.class,
                new RawTemporals(Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, Double.POSITIVE_INFINITY,
                        Long.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE, OptionalInt.of(Integer.MAX_VALUE)),
                new RawTemporals(-Long.MAX_VALUE, -Integer.MAX_VALUE, null, Double.NEGATIVE_INFINITY, null,
                        -Integer.MAX_VALUE, -Integer.MAX_VALUE, OptionalInt.empty()),
                new RawTemporals(1, 1, 2, Double.NaN, 5L, 6, 7, OptionalInt.of(8)));
    }

    record Trade(Instant time, String sym, double price, long size, char side) {
    }

    @Test
    void aStreamMakesEachRecordWhenItIsReached() {
        QTable table = (QTable) QText.parse("([] time:2024.01.02D09:30:00 2024.01.02D09:30:01; sym:`a`b;"
                + " price:1.5 2.5; size:100 0N; side:\"BS\")");
        // the second row's size is null: reading it fails, so a stream that stops at the first never reaches it
        assertThat(MAPPER.stream(table, Trade.class).findFirst()).contains(
                new Trade(Instant.parse("2024-01-02T09:30:00Z"), "a", 1.5, 100, 'B'));
        assertThat(MAPPER.stream(table, Trade.class).limit(1).map(Trade::sym).collect(Collectors.toList()))
                .containsExactly("a");
    }

    @Test
    void oneMapperServesManyThreadsAndParallelStreams() throws Exception {
        RecordMapper fresh = RecordMapper.builder().build();   // nothing learnt yet: the threads race to learn Trade
        QTable table = fresh.toTable(java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> new Trade(
                Instant.ofEpochSecond(i), "s" + (i % 7), i / 4.0, i, i % 2 == 0 ? 'B' : 'S')).collect(
                Collectors.toList()), Trade.class);
        RecordMapper racing = RecordMapper.builder().build();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<Trade>>> results = new java.util.ArrayList<>();
            for (int k = 0; k < 8; k++) {
                results.add(pool.submit(() -> racing.toList(table, Trade.class)));
            }
            List<Trade> expected = fresh.toList(table, Trade.class);
            for (java.util.concurrent.Future<List<Trade>> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
            assertThat(racing.stream(table, Trade.class).parallel().collect(Collectors.toList())).isEqualTo(expected);
            assertThat(racing.toTable(expected, Trade.class)).isEqualTo(table);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void symbolsWrittenShareOneStringPerDistinctValue() {
        List<Symbols> rows = List.of(new Symbols(new String("ibm"), null, ""), new Symbols(new String("ibm"), null,
                ""));
        QTable t = MAPPER.toTable(rows, Symbols.class);
        String[] syms = ((dev.q4j.value.QSymbolVector) t.column("sym")).array();
        assertThat(syms[0]).isSameAs(syms[1]);
        assertThat(t.column("side")).isEqualTo(QText.parse("``"));
    }

    @Test
    void anEmptyListGivesTypedEmptyColumns() {
        QTable t = MAPPER.toTable(List.of(), Trade.class);
        assertThat(t).isEqualTo(QText.parse("([] time:`timestamp$(); sym:`symbol$(); price:`float$();"
                + " size:`long$(); side:`char$())"));
        assertThat(t.column("size")).isEqualTo(QLongVector.of());
        assertThat(MAPPER.toList(t, Trade.class)).isEmpty();
    }
}
