package dev.q4j.bench.load;

import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Attribute;
import dev.q4j.value.QType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The bytes the load generator sends and checks, written by hand from the kdb+ IPC format (so that the generator
 * costs the same against every server and does not depend on q4j's codec, only on the names q4j gives the bytes):
 * each request is a sync message holding
 * the long vector {@code (client; sequence)}; an echo server answers with a response message holding the same vector,
 * in its own byte order (javakdb answers big-endian).
 */
final class Protocol {
    /** header (8) + type, attribute, count (6) + two longs (16) */
    static final int REQUEST_BYTES = 30;
    /** the handshake: credentials, capability 3, NUL */
    static final byte[] HANDSHAKE = "load:load\3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Protocol() {
    }

    /** {@return a sync request for {@code (client; sequence)}} */
    static byte[] request(long client, long sequence) {
        return message(MessageType.SYNC, client, sequence);
    }

    /** {@return what {@link dev.q4j.bench.NeutralServer} answers with: a response holding {@code (-1; -1)}} */
    static byte[] neutralReply() {
        return message(MessageType.RESPONSE, -1, -1);
    }

    private static byte[] message(MessageType type, long client, long sequence) {
        ByteBuffer b = ByteBuffer.allocate(REQUEST_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MessageHeader.LITTLE_ENDIAN).put(type.code()).put(MessageHeader.PLAIN).put((byte) 0)
                .putInt(REQUEST_BYTES);
        b.put(QType.Code.LONG).put(Attribute.Code.NONE).putInt(2).putLong(client).putLong(sequence);
        return b.array();
    }

    /** What one reply held. */
    enum Check {
        /** the expected client and sequence */
        OK,
        /** a well-formed reply for another request: misordered (or misrouted) */
        WRONG,
        /** not a response holding a 2-long vector */
        MALFORMED
    }

    /**
     * Reads one message and checks it.
     *
     * @param in the connection, buffered
     * @param buffer at least {@link #REQUEST_BYTES} long, for the body
     * @param echoes true to check client and sequence; false (a neutral server) to check the shape only
     * @return what it held
     * @throws IOException when the connection fails or ends (a lost reply)
     */
    static Check readReply(InputStream in, byte[] buffer, boolean echoes, long client, long sequence)
            throws IOException {
        readFully(in, buffer, 8);
        ByteOrder order = buffer[0] == MessageHeader.LITTLE_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        ByteBuffer h = ByteBuffer.wrap(buffer, 0, 8).order(order);
        int type = buffer[1];
        int length = h.getInt(4);
        if (length != REQUEST_BYTES || buffer[2] != MessageHeader.PLAIN) {
            // skip what we can: the reply is wrong either way
            if (length > 8 && length <= 1 << 20) {
                in.skipNBytes(length - 8L);
            }
            return Check.MALFORMED;
        }
        readFully(in, buffer, REQUEST_BYTES - 8);
        ByteBuffer v = ByteBuffer.wrap(buffer, 0, REQUEST_BYTES - 8).order(order);
        if (type != MessageType.RESPONSE.code() || v.get(0) != QType.Code.LONG || v.getInt(2) != 2) {
            return Check.MALFORMED;
        }
        if (!echoes) {
            return Check.OK;
        }
        return v.getLong(6) == client && v.getLong(14) == sequence ? Check.OK : Check.WRONG;
    }

    private static void readFully(InputStream in, byte[] b, int n) throws IOException {
        int got = 0;
        while (got < n) {
            int r = in.read(b, got, n - got);
            if (r < 0) {
                throw new java.io.EOFException("the server closed the connection");
            }
            got += r;
        }
    }
}
