package dev.q4j.codec;

/**
 * The capabilities a kdb+ client asks for and a server agrees to in the {@link Handshake}: each names the byte the
 * handshake carries for it. The handshake agrees on the lower of the two sides' bytes, so what a connection ends up
 * with may be any byte up to the one asked for: the agreed byte stays a plain {@code int} where q4j reports it
 * ({@code QConnection.capability()}, {@code ClientConnection.capability()}).
 *
 * <pre>{@code
 * ConnectionOptions options = ConnectionOptions.builder("localhost", 5000)
 *         .capability(Capability.LARGE_MESSAGES)          // ask for messages over 2 GB
 *         .build();
 * byte[] hello = Handshake.request("user:password", Capability.V3.code());   // "user:password\3\0"
 * }</pre>
 */
public enum Capability {
    /** Byte 0, kdb+ 2.5: no compression, no timestamps or timespans, no guids. */
    V2_5(0),
    /** Byte 1, kdb+ 2.6 .. 2.8: compression, timestamps and timespans. */
    COMPRESSION(1),
    /** Byte 3, kdb+ 3.0: guids too; what a client asks for and a server agrees to by default. */
    V3(3),
    /** Byte 6: messages over 2 GB (kdb+ 3.4 and later). */
    LARGE_MESSAGES(6);

    private final int code;

    Capability(int code) {
        this.code = code;
    }

    /** {@return the byte the handshake carries for this capability} */
    public int code() {
        return code;
    }
}
