package dev.q4j.codec;

import dev.q4j.QProtocolException;
import dev.q4j.value.QValue;
import java.util.Objects;

/**
 * Encodes {@link QValue}s as little-endian kdb+ IPC messages, byte for byte as kdb+ does, with kdb+'s compression
 * when asked. Thread-safe and stateless.
 *
 * <pre>{@code
 * Encoder encoder = new Encoder();
 * byte[] request = encoder.encode(MessageType.SYNC, QCharVector.of("til 10"));
 * byte[] big = encoder.encode(MessageType.ASYNC, table, Compression.KDB);
 * }</pre>
 */
public final class Encoder {

    /** Creates an encoder. */
    public Encoder() {
        // stateless: one instance serves every thread
    }

    /**
     * {@return the complete message, uncompressed}
     *
     * @param type the message type
     * @param value the value
     * @throws QProtocolException when the message would be over 2 GiB, more than a Java array holds
     */
    public byte[] encode(MessageType type, QValue value) {
        return encode(type, value, Compression.NEVER);
    }

    /**
     * {@return the complete message}
     *
     * @param type the message type
     * @param value the value
     * @param compression whether to compress
     * @throws QProtocolException when the message would be over 2 GiB, more than a Java array holds
     */
    public byte[] encode(MessageType type, QValue value, Compression compression) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(compression, "compression");
        SymbolEncoder symbols = new SymbolEncoder();
        long size = MessageHeader.SIZE + ValueWriter.sizeOf(value, symbols);
        if (size > DecodeLimits.JVM_MAX_MESSAGE) {
            throw new QProtocolException("message of " + size + " bytes is over the " + DecodeLimits.JVM_MAX_MESSAGE
                    + " bytes a Java array can hold; send it in parts");
        }
        byte[] out = new byte[(int) size];
        MessageHeader.writeLittleEndian(out, 0, type, false, out.length);
        int written = new ValueWriter(out, MessageHeader.SIZE, symbols).write(value);
        if (written != out.length) {
            throw new IllegalStateException("encoder wrote " + written + " bytes of " + out.length);
        }
        return compress(out, compression);
    }

    /**
     * {@return the size of its encoding in bytes, header excluded}
     *
     * @param value a value
     */
    public static long sizeOf(QValue value) {
        return ValueWriter.sizeOf(value);
    }

    /**
     * Applies {@code compression} to a complete uncompressed message.
     *
     * @param message a complete uncompressed message
     * @param compression the rule
     * @return the compressed message, or {@code message} itself when the rule says not to compress
     */
    public static byte[] compress(byte[] message, Compression compression) {
        switch (compression) {
            case NEVER:
                return message;
            case KDB:
                if (!IpcCompression.shouldCompress(message.length)) {
                    return message;
                }
                break;
            default:
                break;
        }
        byte[] compressed = IpcCompression.compress(message);
        return compressed == null ? message : compressed;
    }
}
