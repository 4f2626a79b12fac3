package dev.q4j.codec;

import dev.q4j.QProtocolException;
import dev.q4j.value.QValue;
import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Decodes kdb+ IPC messages, little- or big-endian, compressed or not, into {@link QValue}s. Thread-safe and
 * stateless: one instance can serve every connection.
 *
 * <p>Every length and count is checked against the bytes that remain and against the {@link DecodeLimits} before
 * anything is allocated; malformed input throws a {@link QProtocolException} naming the problem and its offset,
 * and a message over a limit its subclass {@link dev.q4j.QLimitException} naming the limit (a malformed compressed
 * stream is the subclass {@link IpcCompressionException}).
 *
 * <pre>{@code
 * Decoder decoder = new Decoder();
 * QMessage m = decoder.decode(bytes);          // a complete message, header included
 * QValue v = m.valueOrThrow();                 // QErrorException for a q error reply
 * }</pre>
 */
public final class Decoder {
    private final DecodeLimits limits;

    /** A decoder with {@link DecodeLimits#DEFAULT}. */
    public Decoder() {
        this(DecodeLimits.DEFAULT);
    }

    /**
     * Creates a decoder that enforces the given limits.
     *
     * @param limits the limits to enforce
     */
    public Decoder(DecodeLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** {@return the limits this decoder enforces} */
    public DecodeLimits limits() {
        return limits;
    }

    /**
     * {@return the decoded message}
     *
     * @param message one complete message, header included
     * @throws QProtocolException when the bytes are not exactly one valid message, or break a limit
     */
    public QMessage decode(byte[] message) {
        return decode(message, 0, message.length);
    }

    /**
     * {@return the decoded message}
     *
     * @param bytes a buffer
     * @param offset where the message starts
     * @param length the message's length in the buffer
     * @throws QProtocolException when the bytes are not exactly one valid message, or break a limit
     */
    public QMessage decode(byte[] bytes, int offset, int length) {
        return decode(bytes, offset, length, false);
    }

    /**
     * Decodes without copying the items of vectors of 4- and 8-byte types (int, long, float and the temporal types
     * stored as such): those vectors read their items from {@code message} itself, so decoding a large table costs
     * little more than reading its symbols. The caller hands the array over: it must not modify it afterwards, and
     * it stays in memory as long as any of those vectors does. A compressed message is decompressed into a new
     * array, which the vectors then read.
     *
     * <pre>{@code
     * byte[] message = receive();   // a new array for each message, kept by no one else
     * QTable trades = (QTable) decoder.decodeInPlace(message).valueOrThrow();
     * }</pre>
     *
     * @param message one complete message, header included; not to be modified afterwards
     * @return the decoded message, equal to what {@link #decode(byte[])} gives
     * @throws QProtocolException when the bytes are not exactly one valid message, or break a limit
     */
    public QMessage decodeInPlace(byte[] message) {
        return decode(message, 0, message.length, true);
    }

    private QMessage decode(byte[] bytes, int offset, int length, boolean inPlace) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length < MessageHeader.SIZE) {
            throw new QProtocolException("truncated message: " + length + " bytes is less than the 8-byte header", 0);
        }
        MessageHeader header = MessageHeader.read(bytes, offset);
        if (header.length() > length) {
            throw new QProtocolException("truncated message: the header says " + header.length() + " bytes but only "
                    + length + " are there", length);
        }
        if (header.length() < length) {
            throw new QProtocolException("the header says " + header.length() + " bytes but " + length
                    + " were given: trailing bytes after the message", header.length());
        }
        limits.checkMessageSize(header.length(), 4);
        if (!header.compressed()) {
            return new QMessage(header.type(), header.order(), false,
                    body(bytes, offset + MessageHeader.SIZE, offset + length, header.order(), inPlace));
        }
        byte[] plain = decompress(bytes, offset, length, header);
        return new QMessage(header.type(), header.order(), true,
                body(plain, MessageHeader.SIZE, plain.length, header.order(), inPlace));
    }

    /**
     * Decodes a message body: the bytes after the 8-byte header of an uncompressed message.
     *
     * @param bytes a buffer
     * @param offset where the body starts
     * @param length the body's length
     * @param order the byte order the sender used
     * @return the value
     * @throws QProtocolException when the bytes are not exactly one valid value, or break a limit
     */
    public QValue decodeBody(byte[] bytes, int offset, int length, ByteOrder order) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        limits.checkMessageSize(length + (long) MessageHeader.SIZE, -1);
        return body(bytes, offset, offset + length, order, false);
    }

    private QValue body(byte[] bytes, int start, int end, ByteOrder order, boolean inPlace) {
        if (start >= end) {
            throw new QProtocolException("empty message: no value after the header", start);
        }
        ValueReader reader = new ValueReader(bytes, start, end, order, start - MessageHeader.SIZE, limits, inPlace);
        try {
            QValue value = reader.readValue(0);
            reader.expectEnd();
            return value;
        } catch (StackOverflowError e) {
            // only on a thread with a very small stack: maxDepth is bounded so that normal threads never get here
            throw new QProtocolException(
                    "value nested too deeply for this thread's stack; lower DecodeLimits.maxDepth");
        }
    }

    private byte[] decompress(byte[] bytes, int offset, int length, MessageHeader header) {
        if (header.compression() == MessageHeader.COMPRESSED_LARGE) {
            throw new QProtocolException("compressed message with an 8-byte uncompressed size (flag 2): over 2 GiB "
                    + "uncompressed, which a Java array cannot hold", 2);
        }
        if (length < MessageHeader.SIZE + 4) {
            throw new QProtocolException("truncated compressed message: no uncompressed size", length);
        }
        long uncompressed = Bytes.getInt(bytes, offset + MessageHeader.SIZE, header.order()) & 0xFFFF_FFFFL;
        limits.checkMessageSize(uncompressed, MessageHeader.SIZE);
        // a malformed stream is an IpcCompressionException, a QProtocolException with the offset where it was found
        return IpcCompression.decompress(bytes, offset, length, limits.maxMessageSize());
    }
}
