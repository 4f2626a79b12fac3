package dev.q4j.codec;

import dev.q4j.QProtocolException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * Assembles messages from input that arrives in pieces of any size, as a non-blocking transport reads it, and
 * decodes each one as soon as its last byte arrives. Not thread-safe: one instance per connection.
 *
 * <p>The buffer for a message grows with the bytes that actually arrive, so a header that promises a huge message
 * costs nothing until the bytes come; a length over {@link DecodeLimits#maxMessageSize()} fails at once with a
 * {@link dev.q4j.QLimitException}. After a {@link QProtocolException} the stream cannot be resynchronised: the
 * decoder stays failed.
 *
 * <pre>{@code
 * IncrementalDecoder in = new IncrementalDecoder(new Decoder());
 * while (channel.read(buffer) > 0) {
 *     buffer.flip();
 *     in.feed(buffer);
 *     buffer.clear();
 *     for (QMessage m; (m = in.poll()) != null; ) {
 *         handle(m);
 *     }
 * }
 * }</pre>
 */
public final class IncrementalDecoder {
    private static final int FIRST_CHUNK = 64 * 1024;

    private final Decoder decoder;
    private final ArrayDeque<QMessage> ready = new ArrayDeque<>();
    private final byte[] header = new byte[MessageHeader.SIZE];
    private int headerFilled;
    private byte[] message;
    private int messageLength;
    private int messageFilled;
    private long messagesDecoded;
    private QProtocolException failure;

    /**
     * Creates a decoder of a byte stream that holds no message yet.
     *
     * @param decoder decodes each complete message and supplies the limits
     */
    public IncrementalDecoder(Decoder decoder) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
    }

    /**
     * Consumes every remaining byte of {@code input}; complete messages become available through {@link #poll()}.
     *
     * @param input bytes from the peer; its position advances to its limit
     * @throws QProtocolException when the bytes are not valid IPC (and for every call after that)
     */
    public void feed(ByteBuffer input) {
        checkNotFailed();
        try {
            while (input.hasRemaining()) {
                if (message == null) {
                    int n = Math.min(input.remaining(), MessageHeader.SIZE - headerFilled);
                    input.get(header, headerFilled, n);
                    headerFilled += n;
                    if (headerFilled == MessageHeader.SIZE) {
                        startMessage();
                    }
                } else {
                    int n = Math.min(input.remaining(), messageLength - messageFilled);
                    ensureCapacity(messageFilled + n);
                    input.get(message, messageFilled, n);
                    messageFilled += n;
                }
                if (message != null && messageFilled == messageLength) {
                    finishMessage();
                }
            }
        } catch (QProtocolException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Takes the next bytes from the peer and decodes every message they complete.
     *
     * @param bytes bytes from the peer
     * @param offset first byte
     * @param length how many
     * @throws QProtocolException when the bytes are not valid IPC
     */
    public void feed(byte[] bytes, int offset, int length) {
        feed(ByteBuffer.wrap(bytes, offset, length));
    }

    /** {@return the next complete message, or {@code null} when none is ready} */
    public QMessage poll() {
        return ready.poll();
    }

    /** {@return true when part of a message has arrived and the rest has not} */
    public boolean isMidMessage() {
        return headerFilled > 0;
    }

    /** {@return how many more bytes the current message needs, or 8 (a header) between messages} */
    public long bytesNeeded() {
        return message == null ? MessageHeader.SIZE - headerFilled : messageLength - messageFilled;
    }

    /** {@return how many messages have been decoded so far} */
    public long messagesDecoded() {
        return messagesDecoded;
    }

    private void startMessage() {
        MessageHeader h = MessageHeader.read(header, 0);
        decoder.limits().checkMessageSize(h.length(), 4);
        messageLength = (int) h.length();
        message = new byte[Math.min(messageLength, FIRST_CHUNK)];
        System.arraycopy(header, 0, message, 0, MessageHeader.SIZE);
        messageFilled = MessageHeader.SIZE;
    }

    private void ensureCapacity(int needed) {
        if (needed > message.length) {
            int grown = (int) Math.min(messageLength, Math.max(needed, 2L * message.length));
            message = Arrays.copyOf(message, grown);
        }
    }

    private void finishMessage() {
        byte[] complete = message;
        message = null;
        headerFilled = 0;
        ready.add(decoder.decode(complete, 0, messageLength));
        messagesDecoded++;
    }

    private void checkNotFailed() {
        if (failure != null) {
            throw new QProtocolException("the stream failed earlier and cannot be resynchronised: "
                    + failure.getMessage());
        }
    }
}
