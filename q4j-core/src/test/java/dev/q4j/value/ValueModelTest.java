package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.text.QText;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueModelTest {

    @Test
    void nullsAndInfinitiesAreExplicit() {
        assertThat(QLong.NULL.isNull()).isTrue();
        assertThat(QLong.NULL.isInfinite()).isFalse();
        assertThat(QLong.INFINITY.isInfinite()).isTrue();
        assertThat(QLong.NEGATIVE_INFINITY.value()).isEqualTo(-Long.MAX_VALUE);
        assertThat(QLong.of(0).isNull()).isFalse();
        assertThat(QInt.NULL.value()).isEqualTo(Integer.MIN_VALUE);
        assertThat(QShort.INFINITY.value()).isEqualTo(Short.MAX_VALUE);
        assertThat(QFloat.NULL.isNull()).isTrue();
        assertThat(QFloat.NULL).isEqualTo(QFloat.of(Double.NaN));
        assertThat(QFloat.of(-0.0)).isNotEqualTo(QFloat.of(0.0));
        assertThat(QReal.INFINITY.isInfinite()).isTrue();
        assertThat(QSymbol.NULL.isNull()).isTrue();
        assertThat(QChar.NULL.isNull()).isTrue();
        assertThat(QGuid.NULL.isNull()).isTrue();
        assertThat(QTimestamp.NULL.toInstant()).isNull();
        assertThat(QDate.NULL.toLocalDate()).isNull();
        assertThat(QTime.NULL.toDuration()).isNull();
        assertThat(QLongVector.of(1, Long.MIN_VALUE).isNull(1)).isTrue();
        assertThat(QLongVector.of(1, Long.MAX_VALUE).isInfinite(1)).isTrue();
        assertThat(QTimestampVector.ofInstants(Instant.EPOCH, null).instant(1)).isNull();
    }

    @Test
    void temporalsConvertExactly() {
        assertThat(QTimestamp.of(279_417_600_000_000L).toInstant())
                .isEqualTo(Instant.parse("2000-01-04T05:36:57.600Z"));
        assertThat(QTimestamp.of(-1).toInstant()).isEqualTo(Instant.parse("1999-12-31T23:59:59.999999999Z"));
        // an infinity has no instant, as for every temporal type (issue 13; it used to give
        // 2292-04-10T23:47:16.854775807Z)
        org.assertj.core.api.Assertions.assertThatThrownBy(QTimestamp.INFINITY::toInstant)
                .isInstanceOf(java.time.DateTimeException.class);
        assertThat(QMonth.of(12).toYearMonth()).isEqualTo(YearMonth.of(2001, 1));
        assertThat(QMonth.of(-1).toYearMonth()).isEqualTo(YearMonth.of(1999, 12));
        assertThat(QDate.of(366).toLocalDate()).isEqualTo(LocalDate.of(2001, 1, 1));
        assertThat(QDatetime.of(3.234).toInstant()).isEqualTo(Instant.parse("2000-01-04T05:36:57.600Z"));
        assertThat(QTimespan.of(20_217_600_000_000L).toDuration()).isEqualTo(Duration.parse("PT5H36M57.6S"));
        assertThat(QMinute.of(721).toLocalTime()).isEqualTo(LocalTime.of(12, 1));
        assertThat(QSecond.of(43_500).toLocalTime()).isEqualTo(LocalTime.of(12, 5));
        assertThat(QTime.of(43_499_123).toLocalTime()).isEqualTo(LocalTime.parse("12:04:59.123"));
        assertThat(QDateVector.ofDates(LocalDate.of(2001, 1, 1)).localDate(0)).isEqualTo(LocalDate.of(2001, 1, 1));
    }

    @Test
    void outOfRangeTimesAreKeptNotWrapped() {
        QTime late = QTime.of(155_554_567);
        assertThat(late.toDuration()).isEqualTo(Duration.parse("PT43H12M34.567S"));
        assertThatThrownBy(late::toLocalTime).isInstanceOf(DateTimeException.class)
                .hasMessageContaining("not a time of day");
        QTime negative = QTime.of(-83_554_567);
        assertThat(negative.toDuration()).isEqualTo(Duration.parse("PT-23H-12M-34.567S"));
        assertThatThrownBy(negative::toLocalTime).isInstanceOf(DateTimeException.class);
    }

    @Test
    void tablesGiveColumnsByNameAndRows() {
        QTable t = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("a", "b"), QFloatVector.of(1.5, 2.5)));
        assertThat(t.count()).isEqualTo(2);
        assertThat(t.column("px")).isEqualTo(QFloatVector.of(1.5, 2.5));
        assertThat(t.row(1).get(QSymbol.of("sym"))).isEqualTo(QSymbol.of("b"));
        assertThatThrownBy(() -> t.column("nope")).hasMessageContaining("no column `nope");
        assertThatThrownBy(() -> QTable.of(List.of("a", "b"), List.of(QLongVector.of(1), QLongVector.of(1, 2))))
                .hasMessageContaining("'length");
        assertThatThrownBy(() -> QTable.of(List.of("a", "a"), List.of(QLongVector.of(1), QLongVector.of(1))))
                .hasMessageContaining("duplicate column name `a");
        assertThatThrownBy(() -> QTable.of(List.of("a"), List.of(QLong.of(1))))
                .hasMessageContaining("must be a list");
    }

    @Test
    void keyedTablesAndDictionariesCheckCounts() {
        QTable k = QTable.of(List.of("k"), List.of(QLongVector.of(1, 2)));
        QTable v = QTable.of(List.of("v"), List.of(QSymbolVector.of("a", "b")));
        QKeyedTable kt = QKeyedTable.of(k, v);
        assertThat(kt.count()).isEqualTo(2);
        assertThat(kt.type()).isEqualTo(QType.DICT);
        assertThat(new QKeyedTable(k, v, true).type()).isEqualTo(QType.SORTED_DICT);
        assertThatThrownBy(() -> QDict.of(QSymbolVector.of("a"), QLongVector.of(1, 2))).hasMessageContaining("'length");
        assertThatThrownBy(() -> QDict.of(QSymbol.of("a"), QLong.of(1))).hasMessageContaining("must be a list");
    }

    @Test
    void unkeyedIsQsZeroBang() {
        QTable k = QTable.of(List.of("k"), List.of(QLongVector.of(1, 2)));
        QTable v = QTable.of(List.of("v"), List.of(QSymbolVector.of("a", "b")));
        // 0!([k:1 2] v:`a`b) is ([] k:1 2; v:`a`b)
        assertThat(QKeyedTable.of(k, v).unkeyed()).isEqualTo(QText.parse("([] k:1 2; v:`a`b)"));
        QTable clash = QTable.of(List.of("k"), List.of(QSymbolVector.of("a", "b")));
        assertThatThrownBy(() -> QKeyedTable.of(k, clash).unkeyed()).hasMessageContaining("duplicate column name `k");
    }

    @Test
    void typeNumbersAreQs() {
        assertThat(QLong.of(1).typeNumber()).isEqualTo(-7);
        assertThat(QLongVector.of(1).typeNumber()).isEqualTo(7);
        assertThat(QList.EMPTY.typeNumber()).isZero();
        assertThat(new QError("x").typeNumber()).isEqualTo(-128);
        assertThat(QType.ofLetter('p')).isEqualTo(QType.TIMESTAMP);
        assertThat(QType.ofAtomCode(-11)).isEqualTo(QType.SYMBOL);
        assertThat(QType.ofCode(20)).isNull();
    }

    @Test
    void invalidContentIsRefused() {
        assertThatThrownBy(() -> QSymbol.of("a\0b")).hasMessageContaining("NUL");
        assertThatThrownBy(() -> QChar.of('\u20ac')).hasMessageContaining("one byte");
        assertThatThrownBy(() -> QSymbolVector.of("ok", "a\0")).hasMessageContaining("NUL");
    }

    @Test
    void nestingIsBoundedAtConstructionSoNothingOverflowsAStack() throws Exception {
        QValue v = QLong.of(1);
        for (int i = 0; i < QValue.MAX_DEPTH; i++) {
            v = QList.of(v);
        }
        QValue deepest = v;
        assertThat(deepest.depth()).isEqualTo(QValue.MAX_DEPTH);
        assertThatThrownBy(() -> QList.of(deepest)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nest at most 1000 levels");
        assertThatThrownBy(() -> QProjection.of(QLambda.of("{x}"), deepest))
                .isInstanceOf(IllegalArgumentException.class);
        // the deepest allowed value prints, hashes, compares, encodes and decodes on a 1 MiB stack (the JVM default for
        // new threads)
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                byte[] bytes = new Encoder().encode(MessageType.ASYNC, deepest);
                QValue back = new Decoder(dev.q4j.codec.DecodeLimits.UNLIMITED).decode(bytes).value();
                result[0] = back.equals(deepest) && back.hashCode() == deepest.hashCode()
                        && deepest.toString().startsWith(",,,") ? "ok" : "mismatch";
            } catch (RuntimeException | Error e) {
                result[0] = e;
            }
        }, "small-stack", 1024 * 1024);
        t.start();
        t.join();
        assertThat(result[0]).isEqualTo("ok");
    }
    @Test
    void tableNamesCannotBeChangedThroughTheApi() {
        QTable t = QTable.of(List.of("a", "b"), List.of(QLongVector.of(1), QLongVector.of(2)));
        t.namesVector().array()[1] = "a";
        assertThat(t.columnNames()).containsExactly("a", "b");
    }
    @Test
    void aDictionaryOfTwoTablesMustBeAKeyedTable() {
        QTable k = QTable.of(List.of("k"), List.of(QLongVector.of(1)));
        QTable v = QTable.of(List.of("v"), List.of(QLongVector.of(2)));
        assertThatThrownBy(() -> QDict.of(k, v)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("QKeyedTable");
    }
    @Test
    void vectorsRefuseANullArray() {
        assertThatThrownBy(() -> QRealVector.wrap(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> QLongVector.wrap(null)).isInstanceOf(NullPointerException.class);
    }
}
