package dev.q4j.codec;

import dev.q4j.QProtocolException;
import java.nio.ByteOrder;

/**
 * The 8-byte header that starts every kdb+ IPC message: byte order, message type, compressed flag and total length.
 *
 * <pre>{@code
 * MessageHeader h = MessageHeader.read(bytes, 0);
 * long bodyLength = h.length() - MessageHeader.SIZE;
 * }</pre>
 *
 * @param order byte order of the whole message (byte 0: 1 little-endian, 0 big-endian)
 * @param type the message type
 * @param compression header byte 2: 0 plain, 1 compressed, 2 compressed with an 8-byte uncompressed size
 * @param length total length of the message in bytes, header included (byte 3 extends it to 40 bits for messages
 *     over 4 GB)
 */
public record MessageHeader(ByteOrder order, MessageType type, int compression, long length) {
    /** header size in bytes */
    public static final int SIZE = 8;

    /** byte 0 of a big-endian message */
    public static final byte BIG_ENDIAN = 0;
    /** byte 0 of a little-endian message */
    public static final byte LITTLE_ENDIAN = 1;
    /** byte 2 of an uncompressed message */
    public static final byte PLAIN = 0;
    /** byte 2 of a compressed message: bytes 8..11 hold the uncompressed length */
    public static final byte COMPRESSED = 1;
    /**
     * byte 2 of a compressed message over 2 GB uncompressed, with an 8-byte uncompressed length (capability 6; as the
     * finos qPython fork reads it, not in KX's documentation)
     */
    public static final byte COMPRESSED_LARGE = 2;

    /** {@return true when the body is compressed} */
    public boolean compressed() {
        return compression != PLAIN;
    }

    /**
     * Reads and validates a header.
     *
     * @param bytes buffer holding at least 8 bytes from {@code offset}
     * @param offset where the header starts
     * @return the header
     * @throws QProtocolException when a byte is not valid for a header
     */
    public static MessageHeader read(byte[] bytes, int offset) {
        java.util.Objects.checkIndex(offset, bytes.length + 1);
        if (bytes.length - offset < SIZE) {
            throw new QProtocolException("truncated message: " + (bytes.length - offset)
                    + " bytes is less than the 8-byte header", 0);
        }
        int orderByte = bytes[offset];
        if (orderByte != BIG_ENDIAN && orderByte != LITTLE_ENDIAN) {
            throw new QProtocolException("bad byte-order byte " + (orderByte & 0xFF) + " in header (expected 0 or 1)",
                    0);
        }
        ByteOrder order = orderByte == LITTLE_ENDIAN ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        MessageType type = MessageType.ofCode(bytes[offset + 1]);
        if (type == null) {
            throw new QProtocolException("bad message type " + (bytes[offset + 1] & 0xFF)
                    + " in header (expected 0 async, 1 sync or 2 response)", 1);
        }
        int compression = bytes[offset + 2];
        if (compression < PLAIN || compression > COMPRESSED_LARGE) {
            throw new QProtocolException(
                    "bad compressed flag " + (compression & 0xFF) + " in header (expected 0, 1 or 2)", 2);
        }
        long length = Bytes.getInt(bytes, offset + 4, order) & 0xFFFF_FFFFL;
        length |= (long) (bytes[offset + 3] & 0xFF) << 32;
        if (length < SIZE + 1) {
            throw new QProtocolException("impossible message length " + length + " in header (at least 9 bytes)", 4);
        }
        return new MessageHeader(order, type, compression, length);
    }

    /**
     * Writes a little-endian header.
     *
     * @param bytes target
     * @param offset where to write
     * @param type message type
     * @param compressed whether the body is compressed
     * @param length total length, header included, at most {@code Integer.MAX_VALUE}
     */
    static void writeLittleEndian(byte[] bytes, int offset, MessageType type, boolean compressed, int length) {
        bytes[offset] = LITTLE_ENDIAN;
        bytes[offset + 1] = type.code();
        bytes[offset + 2] = compressed ? COMPRESSED : PLAIN;
        bytes[offset + 3] = 0;   // reserved (the length's fifth byte, which messages q4j writes never need)
        Bytes.putInt(bytes, offset + 4, length, ByteOrder.LITTLE_ENDIAN);
    }
}
