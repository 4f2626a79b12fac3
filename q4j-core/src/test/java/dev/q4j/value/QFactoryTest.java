package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class QFactoryTest {

    @Test
    void atomsFromBoxedJavaValues() {
        assertThat(Q.of(42L)).isEqualTo(QLong.of(42));
        assertThat(Q.of(42)).isEqualTo(QInt.of(42));
        assertThat(Q.of((short) 4)).isEqualTo(QShort.of((short) 4));
        assertThat(Q.of((byte) 4)).isEqualTo(QByte.of((byte) 4));
        assertThat(Q.of(1.5)).isEqualTo(QFloat.of(1.5));
        assertThat(Q.of(1.5f)).isEqualTo(QReal.of(1.5f));
        assertThat(Q.of(true)).isEqualTo(QBoolean.TRUE);
        assertThat(Q.of('x')).isEqualTo(QChar.of('x'));
        assertThat(Q.of("IBM")).isEqualTo(QSymbol.of("IBM"));
        UUID u = UUID.randomUUID();
        assertThat(Q.of(u)).isEqualTo(QGuid.of(u));
        assertThat(Q.of(null)).isEqualTo(QUnaryPrimitive.IDENTITY);
        assertThat(Q.of(null).isGenericNull()).isTrue();
    }

    @Test
    void temporalsFromJavaTime() {
        assertThat(Q.of(Instant.parse("2000-01-04T05:36:57.600Z"))).isEqualTo(QTimestamp.of(279_417_600_000_000L));
        assertThat(Q.of(LocalDateTime.parse("2000-01-04T05:36:57.600"))).isEqualTo(QTimestamp.of(279_417_600_000_000L));
        assertThat(Q.of(LocalDate.of(2001, 1, 1))).isEqualTo(QDate.of(366));
        assertThat(Q.of(YearMonth.of(2001, 1))).isEqualTo(QMonth.of(12));
        assertThat(Q.of(LocalTime.parse("12:04:59.123"))).isEqualTo(QTime.of(43_499_123));
        assertThat(Q.of(Duration.parse("PT5H36M57.6S"))).isEqualTo(QTimespan.of(20_217_600_000_000L));
        assertThatThrownBy(() -> Q.of(LocalTime.of(1, 2, 3, 4))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finer precision than a q time");
    }

    @Test
    void arraysAndCollectionsBecomeVectorsWhenUniform() {
        assertThat(Q.of(new long[] {1, 2, 3})).isEqualTo(QLongVector.of(1, 2, 3));
        assertThat(Q.of(new String[] {"a", "b"})).isEqualTo(QSymbolVector.of("a", "b"));
        assertThat(Q.of("abc".toCharArray())).isEqualTo(QCharVector.of("abc"));
        assertThat(Q.of(List.of(1L, 2L))).isEqualTo(QLongVector.of(1, 2));
        assertThat(Q.of(List.of(LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 2))))
                .isEqualTo(QDateVector.of(0, 1));
        assertThat(Q.of(List.of(1L, "a"))).isEqualTo(QList.of(QLong.of(1), QSymbol.of("a")));
        assertThat(Q.of(List.of(1L, 2))).isEqualTo(QList.of(QLong.of(1), QInt.of(2)));
        assertThat(Q.of(List.of())).isEqualTo(QList.EMPTY);
        assertThat(Q.of(new Object[] {new long[] {1}, "x"}))
                .isEqualTo(QList.of(QLongVector.of(1), QSymbol.of("x")));
    }

    @Test
    void mapsBecomeDictionaries() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a", 1L);
        m.put("b", 2L);
        assertThat(Q.of(m)).isEqualTo(QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)));
        assertThat(((QDict) Q.of(m)).get(QSymbol.of("b"))).isEqualTo(QLong.of(2));
    }

    @Test
    void typedFactoriesResolveAmbiguity() {
        assertThat(Q.string("abc")).isEqualTo(QCharVector.of("abc"));
        assertThat(Q.symbol("abc")).isEqualTo(QSymbol.of("abc"));
        assertThat(Q.generalList(QLong.of(1), QLong.of(2)).type()).isEqualTo(QType.LIST);
        assertThatThrownBy(() -> Q.of(new Object() { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no q type for");
    }

    @Test
    void vectorsCopyOnOfAndShareOnWrap() {
        long[] raw = {1, 2, 3};
        QLongVector copied = QLongVector.of(raw);
        QLongVector shared = QLongVector.wrap(raw);
        raw[0] = 99;
        assertThat(copied.get(0)).isEqualTo(1);
        assertThat(shared.get(0)).isEqualTo(99);
        assertThat(Arrays.equals(shared.toArray(), raw)).isTrue();
    }
}
