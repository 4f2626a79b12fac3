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
