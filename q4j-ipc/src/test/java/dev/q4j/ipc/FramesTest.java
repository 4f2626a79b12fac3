package dev.q4j.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QLimitException;
import dev.q4j.QProtocolException;
import dev.q4j.codec.DecodeLimits;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The blocking framing clients and servers share: the same limit check, and exception, as the codec's decoders. */
class FramesTest {
    /** a 17-byte message: the long atom 1 */
    private static final byte[] LONG_ATOM = HexFormat.of().parseHex("0100000011000000f90100000000000000");

    @Test
    void messageOverTheLimitIsALimitExceptionCarryingTheLimitAndTheSize() {
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(LONG_ATOM),
                DecodeLimits.DEFAULT.withMaxMessageSize(16)))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.limit()).isEqualTo(QLimitException.Limit.MESSAGE_SIZE);
                    assertThat(e.maximum()).isEqualTo(16);
                    assertThat(e.actual()).isEqualTo(17);
                    assertThat(e.offset()).isEqualTo(4);
                })
                .hasMessage("message of 17 bytes is over the limit of 16 bytes (raise DecodeLimits.maxMessageSize "
                        + "to accept it) (at offset 4)");
    }

    @Test
    void fortyBitLengthIsALimitExceptionNamingWhatAJavaArrayHolds() {
        // header byte 3 = 1: a length of 2^32 + 17, refused at the header whatever the setting
        byte[] header = HexFormat.of().parseHex("0100000111000000");
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(header), DecodeLimits.UNLIMITED))
                .isInstanceOfSatisfying(QLimitException.class, e -> {
                    assertThat(e.maximum()).isEqualTo(DecodeLimits.JVM_MAX_MESSAGE);
                    assertThat(e.actual()).isEqualTo((1L << 32) + 17);
                })
                .hasMessageContaining("the most a Java array can hold");
    }

    @Test
    void messageAtTheLimitIsReadWholeAndABadHeaderIsNoLimitException() throws Exception {
        assertThat(Frames.read(new ByteArrayInputStream(LONG_ATOM), DecodeLimits.DEFAULT.withMaxMessageSize(17)))
                .isEqualTo(LONG_ATOM);
        byte[] badType = LONG_ATOM.clone();
        badType[1] = 9;
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(badType), DecodeLimits.DEFAULT))
                .isInstanceOf(QProtocolException.class).isNotInstanceOf(QLimitException.class)
                .hasMessageContaining("bad message type 9");
        assertThatThrownBy(() -> Frames.read(new ByteArrayInputStream(LONG_ATOM, 0, 12), DecodeLimits.DEFAULT))
                .isInstanceOf(EOFException.class);
    }
}
