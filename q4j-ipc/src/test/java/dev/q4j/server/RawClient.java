package dev.q4j.server;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Frames;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * A client made of a bare socket on 127.0.0.1, to send whatever bytes a test wants (well-formed or hostile) and to
 * watch for the server closing the connection.
 */
final class RawClient implements Closeable {
    final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Connects to 127.0.0.1:{@code port}. */
    static RawClient connect(int port) throws IOException {
        return connect(port, 0);
    }

    /**
     * Connects to 127.0.0.1:{@code port}.
     *
     * @param receiveBuffer the socket's receive buffer in bytes (set before connecting, so it bounds the TCP
     *     window), or 0 for the system's default
     */
    static RawClient connect(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        try {
            if (receiveBuffer > 0) {
                s.setReceiveBufferSize(receiveBuffer);
            }
            s.setSoTimeout(5000);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
            return new RawClient(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Sends a handshake and reads the answer.
     *
     * @return the capability the server agreed to, or -1 when it closed the connection instead
     */
    int handshake(String credentials, int capability) throws IOException {
        write(Handshake.request(credentials, capability));
        return in.read();
    }

    /** Writes and flushes. */
    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /**
     * Writes what a hostile client sends; the server may hang up before it has read it all.
     *
     * @return false when writing failed because the server had closed the connection already
     */
    boolean writeMaybeRefused(byte[] bytes) {
        try {
            write(bytes);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@return the next byte (the capability byte after a handshake), or -1 at the end of the stream} */
    int readByte() throws IOException {
        return in.read();
    }

    /** Reads one whole message (waiting at most the socket's timeout). */
    QMessage read() throws IOException {
        byte[] bytes = Frames.read(in, DecodeLimits.DEFAULT);
        if (bytes == null) {
            throw new java.io.EOFException("the server closed the connection");
        }
        return new Decoder().decode(bytes);
    }

    /**
     * Waits for the server to close the connection, discarding whatever it sent before.
     *
     * @throws AssertionError when the connection is still open after {@code within}
     */
    void assertClosedByServer(Duration within) throws IOException {
        long deadline = System.nanoTime() + within.toNanos();
        byte[] sink = new byte[1 << 16];
        socket.setSoTimeout(50);
        while (true) {
            try {
                if (in.read(sink) < 0) {
                    return;
                }
            } catch (SocketTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the server did not close the connection within " + within.toMillis()
                            + " ms");
                }
            } catch (IOException e) {
                // "Connection reset": the server closed with bytes of ours unread
                return;
            }
        }
    }

    /** @return true when the connection is still open: nothing to read yet, and no end of stream */
    boolean isStillOpen(Duration look) throws IOException {
        socket.setSoTimeout((int) Math.max(1, look.toMillis()));
        try {
            int b = in.read();
            if (b >= 0) {
                throw new AssertionError("the server sent an unexpected byte " + b);
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
