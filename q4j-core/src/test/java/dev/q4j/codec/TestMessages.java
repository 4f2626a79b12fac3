package dev.q4j.codec;

import dev.q4j.corpus.Hex;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Whole IPC messages around hand-written bodies, for the codec's tests. */
final class TestMessages {
    private TestMessages() {
    }

    /**
     * @param bodyHex the body after the header, as hex
     * @return a little-endian, uncompressed response message carrying it
     */
    static byte[] message(String bodyHex) {
        byte[] body = Hex.hex(bodyHex);
        byte[] m = new byte[8 + body.length];
        m[0] = 1;
        m[1] = 2;
        ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN).putInt(4, m.length);
        System.arraycopy(body, 0, m, 8, body.length);
        return m;
    }
}
