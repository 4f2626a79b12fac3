package dev.q4j.codec;

/**
 * The message type in byte 1 of the header.
 *
 * <pre>{@code
 * byte[] bytes = new Encoder().encode(MessageType.SYNC, Q.of("1+1"));
 * }</pre>
 */
public enum MessageType {
    /** fire-and-forget: no reply expected */
    ASYNC,
    /** a request: the peer must reply */
    SYNC,
    /** the reply to a sync request */
    RESPONSE;

    /**
     * {@return the type, or {@code null} when the byte is not 0, 1 or 2}
     *
     * @param code header byte 1
     */
    public static MessageType ofCode(int code) {
        return code >= 0 && code <= 2 ? BY_CODE[code] : null;
    }

    private static final MessageType[] BY_CODE = values();

    /** {@return header byte 1} */
    public byte code() {
        return (byte) ordinal();
    }
}
