package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: the infinities of every temporal type fail their java.time conversions alike (a {@code 0Wp} used to become
 * 2292-04-10 while {@code 0Wz} failed), and a java.time value beyond what q holds fails with the range named, not a
 * bare {@code ArithmeticException}.
 */
class TemporalRangeTest {

    @Test
    void infinitiesOfEveryTemporalTypeFailTheirJavaTimeConversionsAlike() {
        assertInfinity(() -> QTimestamp.INFINITY.toInstant(), "0Wp", "Instant");
        assertInfinity(() -> QTimestamp.NEGATIVE_INFINITY.toInstant(), "-0Wp", "Instant");
        assertInfinity(() -> QTimestamp.INFINITY.toLocalDateTime(), "0Wp", "LocalDateTime");
        assertInfinity(() -> QDatetime.INFINITY.toInstant(), "0wz", "Instant");
        assertInfinity(() -> QDatetime.NEGATIVE_INFINITY.toLocalDateTime(), "-0wz", "Instant");
        assertInfinity(() -> QDate.INFINITY.toLocalDate(), "0Wd", "LocalDate");
        assertInfinity(() -> QDate.NEGATIVE_INFINITY.toLocalDate(), "-0Wd", "LocalDate");
        assertInfinity(() -> QMonth.INFINITY.toYearMonth(), "0Wm", "YearMonth");
        assertInfinity(() -> QTimespan.INFINITY.toDuration(), "0Wn", "Duration");
        assertInfinity(() -> QMinute.INFINITY.toDuration(), "0Wu", "Duration");
        assertInfinity(() -> QMinute.INFINITY.toLocalTime(), "0Wu", "LocalTime");
        assertInfinity(() -> QSecond.NEGATIVE_INFINITY.toDuration(), "-0Wv", "Duration");
        assertInfinity(() -> QSecond.INFINITY.toLocalTime(), "0Wv", "LocalTime");
        assertInfinity(() -> QTime.INFINITY.toDuration(), "0Wt", "Duration");
        assertInfinity(() -> QTime.INFINITY.toLocalTime(), "0Wt", "LocalTime");
        // the vectors' accessors too
        assertInfinity(() -> QTimestampVector.of(Long.MAX_VALUE).instant(0), "0Wp", "Instant");
        assertInfinity(() -> QDateVector.of(-Integer.MAX_VALUE).localDate(0), "-0Wd", "LocalDate");
        assertInfinity(() -> QTimespanVector.of(Long.MAX_VALUE).duration(0), "0Wn", "Duration");
        // nulls stay null, finite values convert
        assertThat(QTimestamp.NULL.toInstant()).isNull();
        assertThat(QTimestamp.of(Long.MAX_VALUE - 1).toInstant())
                .isEqualTo(Instant.parse("2292-04-10T23:47:16.854775806Z"));
        assertThat(QMinute.of(90).toDuration()).isEqualTo(Duration.ofMinutes(90));
    }

    private static void assertInfinity(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String literal,
            String javaType) {
        assertThatThrownBy(call).isInstanceOf(DateTimeException.class).hasMessageContaining(literal)
                .hasMessageContaining(javaType);
    }

    @Test
    void javaTimeValuesBeyondQsRangeFailNamingTheRange() {
        assertThatThrownBy(() -> QTimestamp.of(LocalDateTime.of(1600, 1, 1, 0, 0)))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("1600-01-01")
                .hasMessageContaining("1707-09-22T00:12:43.145224194Z")
                        .hasMessageContaining("2292-04-10T23:47:16.854775806Z");
        assertThatThrownBy(() -> QTimestamp.of(Instant.parse("2292-04-10T23:47:16.854775807Z")))
                .as("the instant whose count is 0Wp's is not silently the infinity")
                .isInstanceOf(DateTimeException.class).hasMessageContaining("range of a q timestamp");
        assertThatThrownBy(() -> QTimestamp.of(Instant.MAX)).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> QDate.of(LocalDate.MAX)).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("+999999999-12-31").hasMessageContaining("q dates run from");
        assertThatThrownBy(() -> QMonth.of(YearMonth.of(999_999_999, 12))).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("q months run from");
        assertThatThrownBy(() -> QTimestampVector.ofInstants(Instant.EPOCH, Instant.MIN))
                .isInstanceOf(DateTimeException.class);
        // the ends of the range still convert, both ways
        Instant first = Instant.parse("1707-09-22T00:12:43.145224194Z");
        assertThat(QTimestamp.of(first).nanos()).isEqualTo(-Long.MAX_VALUE + 1);
        assertThat(QTimestamp.of(first).toInstant()).isEqualTo(first);
        assertThat(QDate.of(LocalDate.of(2000, 1, 2)).days()).isEqualTo(1);
    }

    @Test
    void datetimeInfinitiesHaveNoInstantRatherThanAWrongOne() {
        assertThatThrownBy(QDatetime.INFINITY::toInstant).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("infinity");
        assertThatThrownBy(QDatetime.NEGATIVE_INFINITY::toLocalDateTime).isInstanceOf(DateTimeException.class);
        assertThatThrownBy(() -> QDatetime.of(1e300).toInstant()).isInstanceOf(DateTimeException.class);
        assertThat(QDatetime.of(-3.234).toInstant()).isEqualTo(Instant.parse("1999-12-28T18:23:02.400Z"));
    }
    @Test
    void timestampsNearTheLowerBoundConvertBothWays() {
        // the ends of the finite range (0Wp and -0Wp have no instant since issue 13: see TemporalRangeTest)
        for (long nanos : new long[] {-Long.MAX_VALUE + 1, Long.MIN_VALUE + 5, -1, 0, Long.MAX_VALUE - 1}) {
            assertThat(QTimestamp.of(QTemporal.instantOfTimestamp(nanos)).nanos()).isEqualTo(nanos);
        }
    }
}
