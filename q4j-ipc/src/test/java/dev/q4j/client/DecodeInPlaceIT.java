package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QValue;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A connection built with {@code decodeInPlace(true)} gives the same values as one without, for replies little-
 * and big-endian, compressed or not, read by the reader thread or by the calling thread; only its vectors still
 * read the received bytes.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DecodeInPlaceIT {
    private static final QTable TABLE = QTable.of(List.of("time", "sym", "price", "size", "date"), List.of(
            QTimestampVector.of(LongStream.range(0, 3000).map(i -> 1_000_000_000L * i).toArray()),
            QSymbolVector.of(LongStream.range(0, 3000).mapToObj(i -> i % 3 == 0 ? "IBM" : "MSFT")
                    .toArray(String[]::new)),
            QFloatVector.of(LongStream.range(0, 3000).mapToDouble(i -> i / 4.0).toArray()),
            QLongVector.of(LongStream.range(0, 3000).map(i -> i % 7 == 0 ? Long.MIN_VALUE : i).toArray()),
            QDateVector.of(LongStream.range(0, 3000).mapToInt(i -> (int) (i % 400)).toArray())));

    @Test
    void repliesDecodedInPlaceEqualRepliesDecodedIntoArrays() throws Exception {
        Encoder encoder = new Encoder();
        byte[] plain = encoder.encode(MessageType.RESPONSE, TABLE);
        byte[] compressed = encoder.encode(MessageType.RESPONSE, TABLE, Compression.ALWAYS);
        assertThat(compressed[2]).as("the table compresses").isEqualTo((byte) 1);
        byte[] bigEndian = new c().serialize(2, new c.Flip(new c.Dict(new String[] {"a", "b"},
                new Object[] {new long[] {1, 2, Long.MIN_VALUE}, new double[] {0.5, Double.NaN, 3}})), false);
        assertThat(bigEndian[0]).as("javakdb writes big-endian").isZero();
        QValue bigEndianTable = QTable.of(List.of("a", "b"),
                List.of(QLongVector.of(1, 2, Long.MIN_VALUE), QFloatVector.of(0.5, Double.NaN, 3)));
        for (boolean readerThread : new boolean[] {true, false}) {
            for (boolean inPlace : new boolean[] {true, false}) {
                check(plain, compressed, bigEndian, bigEndianTable, readerThread, inPlace);
            }
        }
    }

    private static void check(byte[] plain, byte[] compressed, byte[] bigEndian, QValue bigEndianTable,
            boolean readerThread, boolean inPlace) throws Exception {
        try (RawServer server = RawServer.tcp(peer -> {
            peer.handshake(3);
            for (byte[] reply : List.of(plain, compressed, bigEndian)) {
                peer.read();
                peer.writeRaw(reply);
            }
            peer.tolerateDisconnect().read();
        }); QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                .decodeInPlace(inPlace).readerThread(readerThread).build())) {
            assertThat(q.options().decodeInPlace()).isEqualTo(inPlace);
            QTable first = (QTable) q.query("plain");
            assertThat(first).isEqualTo(TABLE);
            assertThat(((QLongVector) first.column("size")).isNull(7)).isTrue();
            assertThat(((QDateVector) first.column("date")).get(401)).isEqualTo(1);
            assertThat(q.query("compressed")).isEqualTo(TABLE);
            QTable fromBig = (QTable) q.query("big-endian");
            assertThat(fromBig).isEqualTo(bigEndianTable);
            // decoded in place, the column still reads the message's big-endian bytes; copied, it is an array
            assertThat(((QLongVector) fromBig.column("a")).buffer().order())
                    .isEqualTo(inPlace ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder());
        }
    }

}
