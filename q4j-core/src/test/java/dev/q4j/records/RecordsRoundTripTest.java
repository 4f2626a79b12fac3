package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.text.QText;
import dev.q4j.value.QTable;
import dev.q4j.value.QTemporal;
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
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/**
 * Nothing is lost silently on the way Java -> q -> Java: a value comes back equal, or writing it is an error naming
 * record, component, column, q type, row and value; the few values that q cannot tell apart from its nulls are the
 * documented exceptions, checked here as documented.
 */
class RecordsRoundTripTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    private static AbstractThrowableAssert<?, ? extends Throwable> fails(Supplier<?> call) {
        return assertThatThrownBy(call::get).isInstanceOf(RecordMappingException.class);
    }

    private static <R extends Record> List<R> roundTrip(List<R> records, Class<R> type) {
        return MAPPER.toList(MAPPER.toTable(records, type), type);
    }

    // ------------------------------------------------------------------ q's nulls in Java numbers

    record Sizes(long j, int i, short h) {
    }

    @Test
    void aPrimitiveHoldingTheValueThatIsQsNullIsAnErrorWhenWritten() {
        fails(() -> MAPPER.toTable(List.of(new Sizes(1, 1, (short) 1), new Sizes(Long.MIN_VALUE, 1, (short) 1)),
                Sizes.class))
                .hasMessage("Sizes.j (long) <-> column `j (long), row 1: Long.MIN_VALUE is 0Nj (null) in q and would"
                        + " read back as null; hold nulls in a Long or OptionalLong")
                .satisfies(e -> assertThat(((RecordMappingException) e).row()).hasValue(1));
        fails(() -> MAPPER.toTable(List.of(new Sizes(1, Integer.MIN_VALUE, (short) 1)), Sizes.class))
                .hasMessage("Sizes.i (int) <-> column `i (int), row 0: Integer.MIN_VALUE is 0Ni (null) in q and would"
                        + " read back as null; hold nulls in an Integer or OptionalInt");
        fails(() -> MAPPER.toTable(List.of(new Sizes(1, 1, Short.MIN_VALUE)), Sizes.class))
                .hasMessage("Sizes.h (short) <-> column `h (short), row 0: Short.MIN_VALUE is 0Nh (null) in q and would"
                        + " read back as null; hold nulls in a Short or OptionalInt");
        fails(() -> MAPPER.toDict(new Sizes(Long.MIN_VALUE, 1, (short) 1)))
                .hasMessageStartingWith("Sizes.j (long) <-> column `j (long): Long.MIN_VALUE is 0Nj (null) in q");
        // the values next to the null, the infinities included, come back
        List<Sizes> edges = List.of(new Sizes(Long.MIN_VALUE + 1, Integer.MIN_VALUE + 1, (short) (Short.MIN_VALUE + 1)),
                new Sizes(Long.MAX_VALUE, Integer.MAX_VALUE, Short.MAX_VALUE), new Sizes(0, 0, (short) 0));
        assertThat(roundTrip(edges, Sizes.class)).isEqualTo(edges);
    }

    record Boxed(Long j, Integer i, Short h, OptionalLong oj, OptionalInt oi) {
    }

    record RawTemporals(@QColumn(type = QType.TIMESTAMP) long p, @QColumn(type = QType.DATE) int d) {
    }

    @Test
    void aBoxOrOptionalOrRawTemporalHoldingQsNullIsAnErrorToo() {
        fails(() -> MAPPER.toTable(List.of(new Boxed(Long.MIN_VALUE, 1, (short) 1, OptionalLong.of(1),
                OptionalInt.of(1))), Boxed.class))
                .hasMessage("Boxed.j (Long) <-> column `j (long), row 0: Long.MIN_VALUE is 0Nj (null) in q and would"
                        + " read back as null; write null for a null");
        fails(() -> MAPPER.toTable(List.of(new Boxed(1L, Integer.MIN_VALUE, (short) 1, OptionalLong.of(1),
                OptionalInt.of(1))), Boxed.class))
                .hasMessageStartingWith("Boxed.i (Integer) <-> column `i (int), row 0: Integer.MIN_VALUE is 0Ni");
        fails(() -> MAPPER.toTable(List.of(new Boxed(1L, 1, Short.MIN_VALUE, OptionalLong.of(1),
                OptionalInt.of(1))), Boxed.class))
                .hasMessageStartingWith("Boxed.h (Short) <-> column `h (short), row 0: Short.MIN_VALUE is 0Nh");
        fails(() -> MAPPER.toTable(List.of(new Boxed(1L, 1, (short) 1, OptionalLong.of(Long.MIN_VALUE),
                OptionalInt.of(1))), Boxed.class))
                .hasMessage("Boxed.oj (OptionalLong) <-> column `oj (long), row 0: Long.MIN_VALUE is 0Nj (null) in q"
                        + " and would read back as null; write an empty OptionalLong for a null");
        fails(() -> MAPPER.toTable(List.of(new Boxed(1L, 1, (short) 1, OptionalLong.of(1),
                OptionalInt.of(Integer.MIN_VALUE))), Boxed.class))
                .hasMessageStartingWith("Boxed.oi (OptionalInt) <-> column `oi (int), row 0: Integer.MIN_VALUE is 0Ni");
        fails(() -> MAPPER.toTable(List.of(new RawTemporals(Long.MIN_VALUE, 0)), RawTemporals.class))
                .hasMessageStartingWith("RawTemporals.p (long) <-> column `p (timestamp), row 0: Long.MIN_VALUE is"
                        + " 0Np (null) in q");
        fails(() -> MAPPER.toTable(List.of(new RawTemporals(0, Integer.MIN_VALUE)), RawTemporals.class))
                .hasMessageStartingWith("RawTemporals.d (int) <-> column `d (date), row 0: Integer.MIN_VALUE is"
                        + " 0Nd (null) in q");
        List<Boxed> nulls = List.of(new Boxed(null, null, null, OptionalLong.empty(), OptionalInt.empty()));
        assertThat(roundTrip(nulls, Boxed.class)).isEqualTo(nulls);
    }

    // ------------------------------------------------------------------ java.time into coarser q types

    record Datetimes(@QColumn(type = QType.DATETIME) Instant z, @QColumn(type = QType.DATETIME) LocalDateTime l,
            @QColumn(type = QType.DATETIME) OffsetDateTime o) {
    }

    private static final Instant MS = Instant.parse("2024-01-02T09:30:00.123Z");

    private static Datetimes datetimes(Instant z, Instant l, Instant o) {
        return new Datetimes(z, LocalDateTime.ofInstant(l, ZoneOffset.UTC), OffsetDateTime.ofInstant(o,
                ZoneOffset.UTC));
    }

    @Test
    void aDatetimeFinerThanMillisecondsIsAnErrorNamingTheValue() {
        Instant micros = Instant.parse("2024-01-02T09:30:00.123456Z");
        fails(() -> MAPPER.toTable(List.of(datetimes(MS, MS, MS), datetimes(micros, MS, MS)), Datetimes.class))
                .hasMessage("Datetimes.z (Instant) <-> column `z (datetime), row 1: 2024-01-02T09:30:00.123456Z has a"
                        + " finer precision than a q datetime (milliseconds); truncate it or choose a finer type with"
                        + " @QColumn(type = ...)");
        fails(() -> MAPPER.toTable(List.of(datetimes(MS, Instant.parse("2024-01-02T09:30:00.000000001Z"), MS)),
                Datetimes.class))
                .hasMessageStartingWith("Datetimes.l (LocalDateTime) <-> column `l (datetime), row 0:"
                        + " 2024-01-02T09:30:00.000000001 has a finer precision than a q datetime");
        fails(() -> MAPPER.toDict(datetimes(MS, MS, micros)))
                .hasMessageStartingWith("Datetimes.o (OffsetDateTime) <-> column `o (datetime):"
                        + " 2024-01-02T09:30:00.123456Z has a finer precision than a q datetime");
        // a millisecond too far out for a q datetime's double to hold it exactly
        Instant far = Instant.parse("+300000-01-01T00:00:00.001Z");
        fails(() -> MAPPER.toTable(List.of(datetimes(far, MS, MS)), Datetimes.class))
                .hasMessage("Datetimes.z (Instant) <-> column `z (datetime), row 0: +300000-01-01T00:00:00.001Z is"
                        + " beyond the range in which a q datetime holds milliseconds exactly");
        List<Datetimes> exact = List.of(datetimes(MS, Instant.parse("1900-02-03T04:05:06.789Z"),
                Instant.parse("9999-12-31T23:59:59.999Z")), new Datetimes(null, null, null));
        assertThat(roundTrip(exact, Datetimes.class)).isEqualTo(exact);
    }

    record Coarse(@QColumn(type = QType.MINUTE) LocalTime lu, @QColumn(type = QType.SECOND) LocalTime lv,
            LocalTime lt, @QColumn(type = QType.MINUTE) Duration du, @QColumn(type = QType.SECOND) Duration dv,
            @QColumn(type = QType.TIME) Duration dt) {
    }

    @Test
    void everyOtherJavaTimeIntoACoarserQTypeRejectsFinerPrecisionToo() {
        LocalTime t = LocalTime.of(9, 30);
        Duration d = Duration.ofMinutes(3);
        Coarse ok = new Coarse(t, t, t, d, d, d);
        String[][] cases = {
            {"lu", "09:30:01", "Coarse.lu (LocalTime) <-> column `lu (minute), row 0: 09:30:01 has a finer precision"
                    + " than a q minute"},
            {"lv", "09:30:00.500", "Coarse.lv (LocalTime) <-> column `lv (second), row 0: 09:30:00.500 has a finer"
                    + " precision than a q second"},
            {"lt", "09:30:00.000001", "Coarse.lt (LocalTime) <-> column `lt (time), row 0: 09:30:00.000001 has a"
                    + " finer precision than a q time"},
            {"du", "PT3M1S", "Coarse.du (Duration) <-> column `du (minute), row 0: PT3M1S has a finer precision than"
                    + " a q minute"},
            {"dv", "PT3M0.5S", "Coarse.dv (Duration) <-> column `dv (second), row 0: PT3M0.5S has a finer precision"
                    + " than a q second"},
            {"dt", "PT3M0.0000001S", "Coarse.dt (Duration) <-> column `dt (time), row 0: PT3M0.0000001S has a finer"
                    + " precision than a q time"},
        };
        for (String[] c : cases) {
            LocalTime lt = c[0].startsWith("l") ? LocalTime.parse(c[1]) : t;
            Duration dd = c[0].startsWith("d") ? Duration.parse(c[1]) : d;
            Coarse bad = new Coarse(c[0].equals("lu") ? lt : t, c[0].equals("lv") ? lt : t, c[0].equals("lt") ? lt : t,
                    c[0].equals("du") ? dd : d, c[0].equals("dv") ? dd : d, c[0].equals("dt") ? dd : d);
            fails(() -> MAPPER.toTable(List.of(bad), Coarse.class)).hasMessageStartingWith(c[2]);
        }
        assertThat(roundTrip(List.of(ok), Coarse.class)).containsExactly(ok);
    }

    // ------------------------------------------------------------------ java.time beyond q's ranges and sentinels

    record Month(YearMonth m) {
    }

    record Day(LocalDate d) {
    }

    record Stamp(Instant p) {
    }

    record Span(@QColumn(type = QType.MINUTE) Duration u) {
    }

    record Nanos(Duration n) {
    }

    @Test
    void aTemporalBeyondItsQTypeOrOnItsNullOrInfinityIsAnErrorNotAnOverflow() {
        fails(() -> MAPPER.toTable(List.of(new Month(YearMonth.of(300_000_000, 1))), Month.class))
                .hasMessage("Month.m (YearMonth) <-> column `m (month), row 0: 300000000-01 is beyond the range of a"
                        + " q month");
        YearMonth onNull = QTemporal.yearMonthOfMonth(Integer.MIN_VALUE);
        fails(() -> MAPPER.toTable(List.of(new Month(YearMonth.of(2000, 1)), new Month(onNull)), Month.class))
                .hasMessage("Month.m (YearMonth) <-> column `m (month), row 1: " + onNull + " is beyond the range of"
                        + " a q month: it would be 0Nm, q's null");
        YearMonth onInfinity = QTemporal.yearMonthOfMonth(Integer.MAX_VALUE);
        fails(() -> MAPPER.toTable(List.of(new Month(onInfinity)), Month.class))
                .hasMessage("Month.m (YearMonth) <-> column `m (month), row 0: " + onInfinity + " is beyond the range"
                        + " of a q month: it would be 0Wm, q's infinity");
        fails(() -> MAPPER.toTable(List.of(new Month(QTemporal.yearMonthOfMonth(-Integer.MAX_VALUE))), Month.class))
                .hasMessageEndingWith("it would be -0Wm, q's infinity");
        LocalDate dayOnNull = QTemporal.localDateOfDate(Integer.MIN_VALUE);
        fails(() -> MAPPER.toTable(List.of(new Day(dayOnNull)), Day.class))
                .hasMessage("Day.d (LocalDate) <-> column `d (date), row 0: " + dayOnNull + " is beyond the range of a"
                        + " q date: it would be 0Nd, q's null");
        Instant stampOnNull = QTemporal.instantOfTimestamp(Long.MIN_VALUE);
        fails(() -> MAPPER.toTable(List.of(new Stamp(stampOnNull)), Stamp.class))
                .hasMessage("Stamp.p (Instant) <-> column `p (timestamp), row 0: " + stampOnNull + " is beyond the"
                        + " range of a q timestamp (years 1707 to 2292): it would be 0Np, q's null");
        Instant stampOnInfinity = QTemporal.instantOfTimestamp(Long.MAX_VALUE);
        fails(() -> MAPPER.toTable(List.of(new Stamp(stampOnInfinity)), Stamp.class))
                .hasMessageEndingWith("it would be 0Wp, q's infinity");
        fails(() -> MAPPER.toTable(List.of(new Nanos(Duration.ofNanos(Long.MIN_VALUE))), Nanos.class))
                .hasMessage("Nanos.n (Duration) <-> column `n (timespan), row 0: " + Duration.ofNanos(Long.MIN_VALUE)
                        + " is beyond the range of a q timespan (about 292 years): it would be 0Nn, q's null");
        fails(() -> MAPPER.toTable(List.of(new Nanos(Duration.ofNanos(-Long.MAX_VALUE))), Nanos.class))
                .hasMessageEndingWith("it would be -0Wn, q's infinity");
        fails(() -> MAPPER.toTable(List.of(new Nanos(Duration.ofDays(300 * 366))), Nanos.class))
                .hasMessage("Nanos.n (Duration) <-> column `n (timespan), row 0: PT2635200H is beyond the range of a q"
                        + " timespan (about 292 years)");
        fails(() -> MAPPER.toTable(List.of(new Span(Duration.ofMinutes(Integer.MIN_VALUE))), Span.class))
                .hasMessageEndingWith("is beyond the range of a q minute: it would be 0Nu, q's null");
        // the last values before the sentinels come back
        List<Month> months = List.of(new Month(QTemporal.yearMonthOfMonth(Integer.MAX_VALUE - 1)),
                new Month(QTemporal.yearMonthOfMonth(-Integer.MAX_VALUE + 1)));
        assertThat(roundTrip(months, Month.class)).isEqualTo(months);
        List<Stamp> stamps = List.of(new Stamp(QTemporal.instantOfTimestamp(Long.MAX_VALUE - 1)),
                new Stamp(QTemporal.instantOfTimestamp(-Long.MAX_VALUE + 1)));
        assertThat(roundTrip(stamps, Stamp.class)).isEqualTo(stamps);
    }

    // ------------------------------------------------------------------ null symbols

    record Symbols(String s, String[] array, List<String> list) {
    }

    @Test
    void aNullSymbolIsNullInAStringAStringArrayAndAList() {
        QTable t = (QTable) QText.parse("([] s:`a`; array:(`a`;``b); list:(`a`;``b))");
        List<Symbols> rows = MAPPER.toList(t, Symbols.class);
        assertThat(rows.get(0).s()).isEqualTo("a");
        assertThat(rows.get(0).array()).containsExactly("a", null);
        assertThat(rows.get(0).list()).containsExactly("a", null);
        assertThat(rows.get(1).s()).isNull();
        assertThat(rows.get(1).array()).containsExactly(null, "b");
        assertThat(rows.get(1).list()).containsExactly(null, "b");
        assertThat(MAPPER.toTable(rows, Symbols.class)).isEqualTo(t);
    }

    // ------------------------------------------------------------------ the documented exceptions

    record Lossy(Character c, char kept, String s, @QColumn(type = QType.CHAR) String text, Float e, Double f,
            OptionalDouble o, double nan, UUID g, OffsetDateTime p) {
    }

    @Test
    void theValuesQCannotTellFromItsNullsComeBackAsDocumented() {
        OffsetDateTime paris = OffsetDateTime.parse("2024-01-02T10:30:00+01:00");
        List<Lossy> back = roundTrip(List.of(new Lossy(' ', ' ', "", null, Float.NaN, Double.NaN,
                OptionalDouble.of(Double.NaN), Double.NaN, new UUID(0, 0), paris)), Lossy.class);
        assertThat(back).containsExactly(new Lossy(null, ' ', null, "", null, null, OptionalDouble.empty(), Double.NaN,
                null, OffsetDateTime.parse("2024-01-02T09:30:00Z")));
        // the same instant at another offset: isEqual, not equals
        assertThat(back.get(0).p().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(back.get(0).p().isEqual(paris)).isTrue();
        assertThat(back.get(0).p().equals(paris)).isFalse();
    }
}
