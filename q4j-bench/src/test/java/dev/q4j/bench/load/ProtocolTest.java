package dev.q4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The load generator's hand-written bytes against KX's javakdb (an independent codec): its requests decode there to
 * the vector it meant, javakdb's big-endian replies check as answered, and a reply for another request, a garbled
 * one or a missing one is caught, not counted as answered.
 */
class ProtocolTest {

    @Test
    void requestDecodesInJavakdbAsTheClientAndSequenceVector() throws Exception {
        byte[] request = Protocol.request(7, 123_456_789_012L);
        assertThat(request).hasSize(Protocol.REQUEST_BYTES);
        Object v = new c().deserialize(request);
        assertThat(v).isEqualTo(new long[] {7, 123_456_789_012L});
    }

    @Test
    void javakdbBigEndianReplyChecksAsAnswered() throws Exception {
        c k = new c();
        // javakdb writes big-endian, as its server side does
        byte[] reply = k.serialize(2, new long[] {7, 42}, false);
        assertThat(reply[0]).isZero();
        assertThat(check(reply, true, 7, 42)).isEqualTo(Protocol.Check.OK);
        assertThat(check(reply, true, 7, 43)).isEqualTo(Protocol.Check.WRONG);
        assertThat(check(reply, true, 8, 42)).isEqualTo(Protocol.Check.WRONG);
    }

    @Test
    void echoOfTheRequestAsResponseChecksAsAnsweredAndNeutralReplyOnlyAsShape() throws Exception {
        byte[] echo = Protocol.request(3, 9);
        echo[1] = 2;
        assertThat(check(echo, true, 3, 9)).isEqualTo(Protocol.Check.OK);
        assertThat(check(Protocol.neutralReply(), true, 3, 9)).isEqualTo(Protocol.Check.WRONG);
        assertThat(check(Protocol.neutralReply(), false, 3, 9)).isEqualTo(Protocol.Check.OK);
    }

    @Test
    void syncMessageOrOtherValueOrCompressedReplyIsMalformed() throws Exception {
        assertThat(check(Protocol.request(3, 9), true, 3, 9)).as("type 1, not a response")
                .isEqualTo(Protocol.Check.MALFORMED);
        byte[] ints = new c().serialize(2, new int[] {3, 9, 0, 0}, false);
        assertThat(check(ints, false, 3, 9)).as("an int vector of the same length")
                .isEqualTo(Protocol.Check.MALFORMED);
        byte[] compressed = Protocol.neutralReply();
        compressed[2] = 1;
        assertThat(check(compressed, false, 3, 9)).isEqualTo(Protocol.Check.MALFORMED);
    }

    @Test
    void truncatedReplyIsAnEndOfStreamNotAnAnswer() {
        byte[] reply = Arrays.copyOf(Protocol.neutralReply(), 20);
        assertThatThrownBy(() -> check(reply, false, -1, -1)).isInstanceOf(EOFException.class);
    }

    private static Protocol.Check check(byte[] reply, boolean echoes, long client, long sequence) throws Exception {
        return Protocol.readReply(new ByteArrayInputStream(reply), new byte[Protocol.REQUEST_BYTES], echoes, client,
                sequence);
    }
}
