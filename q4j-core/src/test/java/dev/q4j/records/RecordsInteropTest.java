package dev.q4j.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.interop.JavakdbUtf8;
import dev.q4j.value.QTable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mapper against another implementation: tables written from records are read by KX's own Java interface
 * (javakdb) from q4j's bytes, and tables javakdb writes are read into records. javakdb's model: symbols as
 * {@code String[]}, strings as {@code char[]}, timestamps as {@code Instant} ({@code Instant.MIN} for null), dates
 * as {@code LocalDate}, times as {@code LocalTime}, guids as {@code UUID}.
 */
@ExtendWith(JavakdbUtf8.class)
class RecordsInteropTest {
    private static final RecordMapper MAPPER = RecordMapper.defaults();

    enum Side { BUY, SELL }

    record Trade(Instant time, String sym, double price, long size, char side, LocalDate date, LocalTime at,
            UUID id, Side way, Long lots) {
    }

    private static final UUID ID = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");

    private static final List<Trade> TRADES = List.of(
            new Trade(Instant.parse("2024-01-02T09:30:00.000000001Z"), "IBM", 101.5, 100, 'B',
                    LocalDate.of(2024, 1, 2), LocalTime.of(9, 30, 0, 5_000_000), ID, Side.BUY, 3L),
            new Trade(null, "MSFT", Double.NaN, 200, 'S', null, null, null, null, null));

    @Test
    void javakdbReadsTheTableWrittenFromRecords() throws Exception {
        QTable table = MAPPER.toTable(TRADES, Trade.class);
        byte[] message = new Encoder().encode(MessageType.RESPONSE, table);
        c.Flip flip = (c.Flip) new c().deserialize(message);
        assertThat(flip.x).containsExactly("time", "sym", "price", "size", "side", "date", "at", "id", "way",
                "lots");
        assertThat((Instant[]) flip.y[0]).containsExactly(Instant.parse("2024-01-02T09:30:00.000000001Z"),
                Instant.MIN);
        assertThat((String[]) flip.y[1]).containsExactly("IBM", "MSFT");
        assertThat((double[]) flip.y[2]).containsExactly(101.5, Double.NaN);
        assertThat((long[]) flip.y[3]).containsExactly(100, 200);
        assertThat((char[]) flip.y[4]).containsExactly('B', 'S');
        assertThat((LocalDate[]) flip.y[5]).containsExactly(LocalDate.of(2024, 1, 2), LocalDate.MIN);
        assertThat((LocalTime[]) flip.y[6]).containsExactly(LocalTime.of(9, 30, 0, 5_000_000), c.LOCAL_TIME_NULL);
        assertThat((UUID[]) flip.y[7]).containsExactly(ID, new UUID(0, 0));
        assertThat((String[]) flip.y[8]).containsExactly("BUY", "");
        assertThat((long[]) flip.y[9]).containsExactly(3, Long.MIN_VALUE);
    }

    @Test
    void recordsReadTheTableJavakdbWrites() throws Exception {
        c.Flip flip = new c.Flip(new c.Dict(
                new String[] {"time", "sym", "price", "size", "side", "date", "at", "id", "way", "lots"},
                new Object[] {
                    new Instant[] {Instant.parse("2024-01-02T09:30:00.000000001Z"), Instant.MIN},
                    new String[] {"IBM", "MSFT"},
                    new double[] {101.5, Double.NaN},
                    new long[] {100, 200},
                    new char[] {'B', 'S'},
                    new LocalDate[] {LocalDate.of(2024, 1, 2), LocalDate.MIN},
                    new LocalTime[] {LocalTime.of(9, 30, 0, 5_000_000), c.LOCAL_TIME_NULL},
                    new UUID[] {ID, new UUID(0, 0)},
                    new String[] {"BUY", ""},
                    new long[] {3, Long.MIN_VALUE}}));
        byte[] message = new c().serialize(2, flip, false);
        QTable table = (QTable) new Decoder().decode(message).value();
        assertThat(MAPPER.toList(table, Trade.class)).containsExactlyElementsOf(TRADES);
    }
}
