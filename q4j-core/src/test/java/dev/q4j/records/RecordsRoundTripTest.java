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
}
