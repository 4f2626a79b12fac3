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
     * {@return how many bytes {@link #input()} holds that it has read from the connection and not handed out yet,
     * known without a system call; 0 only when the last read from the connection also drained what had arrived by
     * then; -1 when the transport cannot tell (then {@code input().available()} asks)} For the reader, deciding once
     * per message whether its peer has sent more: a peer that waits for each answer is told apart without asking the
     * kernel, one that writes faster than it is read is not (its last read filled the buffer).
     *
     * <pre>{@code
     * boolean more = transport.bufferedInput() > 0;   // the next message (or part of it) is here already
     * }</pre>
     */
    default int bufferedInput() {
        return -1;
    }

    /**
     * Starts or ends watching the peer, for {@link #waitsForPeer()}. A server watches a client in its handshake, when
     * it may have to close the connection that waits longest for its client to make room for others. A transport that
     * can answer precisely may read differently while watched (see {@code TcpChannelTransport}: its reads poll
     * instead of blocking); writes are best left until the watch ends. By default nothing changes.
     *
     * <pre>{@code
     * transport.watchPeer(true);    // before the first read: a client in its handshake
     * ...                           // read the handshake
     * transport.watchPeer(false);   // it is in: reads block again
     * }</pre>
     *
     * @param watched true from now on, false to end it
     * @throws IOException if the transport cannot change how it reads (it is closed)
     */
    default void watchPeer(boolean watched) throws IOException {
        // nothing to change: waitsForPeer() cannot tell
    }

    /**
     * {@return true when the reader of a watched peer waits for bytes the peer has not sent (it never began, or it
     * stopped halfway); false when bytes have arrived that the reader has not taken, when a read is taking them, when
     * the reader is busy with what it took, or when the watch has ended} Asked from another thread while the reader
     * may be waiting. The answer has no gap between a read taking bytes from the kernel and the reader holding them:
     * a client whose bytes are being read never looks silent. True by default, where a transport cannot tell.
     *
     * <pre>{@code
     * boolean silent = transport.waitsForPeer();   // the client, not the server, is what this connection waits for
     * }</pre>
     */
    default boolean waitsForPeer() {
        return true;
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
