package dev.q4j.ipc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * An open, blocking byte stream to a peer: what connections and servers read and write kdb+ messages over. One
 * thread reads, writes are serialised by the caller.
 *
 * <pre>{@code
 * Transport t = Transports.connect(Endpoint.parse("localhost:5000"), Duration.ofSeconds(5), null);
 * t.output().write(bytes);
 * }</pre>
 */
public interface Transport extends Closeable {

    /** {@return the stream to read from} */
    InputStream input();

    /** {@return the stream to write to} */
    OutputStream output();

    /**
     * {@return true when the peer is on this machine (loopback or a Unix socket): kdb+ does not compress messages for
     * such peers}
     */
    boolean isLocal();

    /**
     * Whether {@code input().available()} counts the bytes that have arrived and are not read yet, so that a reader
     * may watch it instead of blocking at once. {@code InputStream}'s own {@code available()} always says 0, and
     * over TLS it counts only what a read has already decrypted: false unless the transport knows better.
     *
     * @return true when {@code available()} sees arriving bytes
     */
    default boolean seesArrivingBytes() {
        return false;
    }

    /**
     * {@return how many bytes have arrived that the reader has not taken yet, asked from another thread while the
     * reader may be blocked in a read (so without waiting for it); -1 when the transport cannot tell} A server uses
     * it to tell a connection whose client sends nothing (it stalls its handshake) from one whose client has sent
     * everything and waits for the server.
     *
     * <pre>{@code
     * boolean stalled = transport.unreadBytes() == 0;   // the peer has sent nothing more
     * }</pre>
     */
    default int unreadBytes() {
        return -1;
    }

    /** {@return the peer, for messages ({@code localhost:5000}, {@code unix:///tmp/q.sock})} */
    String peer();

    /** Closes the stream; a blocked read fails. Idempotent. */
    @Override
    void close() throws IOException;

    /**
     * Closes the stream at once, giving up on what is being written: a blocked read or write fails, and the call
     * never waits for the peer (nothing more is sent: over TLS, no {@code close_notify}, which would wait for a
     * write blocked on a peer that does not read). What a server does to a client it cuts off. Idempotent; after
     * {@link #close()} too. By default, {@link #close()}: enough for transports whose close never waits for a write.
     *
     * <pre>{@code
     * transport.abort();   // from another thread: the write blocked on a peer that never reads fails now
     * }</pre>
     *
     * @throws IOException when closing fails (the transport is closed anyway)
     */
    default void abort() throws IOException {
        close();
    }
}
