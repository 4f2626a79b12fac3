package dev.q4j.ipc;

import dev.q4j.QProtocolException;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.MessageHeader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads whole kdb+ messages from a blocking stream: the 8-byte header, then exactly the length it gives, checked
 * against the limits before anything is allocated (and allocated as the bytes arrive, so a lying header costs
 * nothing). Shared by clients and servers.
 *
 * <pre>{@code
 * byte[] message = Frames.read(transport.input(), DecodeLimits.DEFAULT);   // null at a clean end of stream
 * QMessage m = new Decoder().decode(message);
 * }</pre>
 */
public final class Frames {
    private static final int CHUNK = 1 << 20;

    private Frames() {
    }

    /**
     * {@return one complete message, header included, or {@code null} when the stream ended between messages}
     *
     * @param in the stream
     * @param limits the largest message to accept
     * @throws EOFException when it ended inside a message
     * @throws QProtocolException when the header is invalid, a {@link dev.q4j.QLimitException} when the message is
     *     over the limit
     * @throws IOException when reading fails
     */
    public static byte[] read(InputStream in, DecodeLimits limits) throws IOException {
        return read(in, limits, null);
    }

    /**
     * {@return one complete message, header included, or {@code null} when the stream ended between messages}
     *
     * @param in the stream
     * @param limits the largest message to accept
     * @param onFirstByte run when the first byte of the message has arrived (a server times the rest from then),
     *     or {@code null}
     * @throws EOFException when it ended inside a message
     * @throws QProtocolException when the header is invalid, a {@link dev.q4j.QLimitException} when the message is
     *     over the limit
     * @throws IOException when reading fails
     */
    public static byte[] read(InputStream in, DecodeLimits limits, Runnable onFirstByte) throws IOException {
        byte[] header = new byte[MessageHeader.SIZE];
        int first = in.read(header, 0, 1);
        while (first == 0) {
            first = in.read(header, 0, 1);
        }
        if (first < 0) {
            return null;
        }
        if (onFirstByte != null) {
            onFirstByte.run();
        }
        readFully(in, header, 1, MessageHeader.SIZE - 1, "a message header");
        MessageHeader h = MessageHeader.read(header, 0);
        limits.checkMessageSize(h.length(), 4);
        int length = (int) h.length();
        byte[] message = Arrays.copyOf(header, Math.min(length, CHUNK));
        int filled = MessageHeader.SIZE;
        while (filled < length) {
            if (filled == message.length) {
                message = Arrays.copyOf(message, (int) Math.min(length, 2L * message.length));
            }
            int n = in.read(message, filled, message.length - filled);
            if (n < 0) {
                throw new EOFException("the stream ended after " + filled + " of the " + length
                        + " bytes of a message");
            }
            filled += n;
        }
        return message;
    }

    private static void readFully(InputStream in, byte[] b, int off, int len, String what) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("the stream ended inside " + what);
            }
            off += n;
            len -= n;
        }
    }
}
