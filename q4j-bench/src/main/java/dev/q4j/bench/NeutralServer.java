package dev.q4j.bench;

import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;

/**
 * A server that costs (almost) nothing, neutral between the two clients: it answers the handshake with capability
 * 3, then answers every sync request with the same precomputed response bytes, without decoding the request. Async
 * messages get no answer. Replies are flushed when no further request is already waiting in the buffer, so that
 * pipelined requests are answered in batches as a real server's would be.
 */
public final class NeutralServer implements AutoCloseable {
    private final LoopbackServer server;
    private final byte[] reply;

    /**
     * Starts listening on a free loopback port.
     *
     * @param reply a complete response message (message type 2)
     * @throws IOException when it cannot listen
     */
    public NeutralServer(byte[] reply) throws IOException {
        if (reply[1] != MessageType.RESPONSE.code()) {
            throw new IllegalArgumentException("the reply must be a response message (type 2)");
        }
        this.reply = reply.clone();
        this.server = new LoopbackServer("neutral-server", 50, this::serve);
    }

    /** {@return the port it listens on} */
    public int port() {
        return server.port();
    }

    private void serve(Socket s) {
        try (s) {
            s.setTcpNoDelay(true);
            InputStream raw = s.getInputStream();
            OutputStream out = new BufferedOutputStream(s.getOutputStream(), 1 << 16);
            // handshake: credentials, capability byte, NUL
            int capability = 0;
            for (int b; (b = raw.read()) != 0; ) {
                if (b < 0) {
                    return;
                }
                capability = b;
            }
            out.write(Math.min(capability, 3));
            out.flush();
            DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16));
            byte[] header = new byte[8];
            byte[] body = new byte[1 << 16];
            while (true) {
                try {
                    in.readFully(header);
                } catch (EOFException e) {
                    return;
                }
                int length = header[0] == MessageHeader.LITTLE_ENDIAN
                        ? (header[4] & 0xFF) | (header[5] & 0xFF) << 8 | (header[6] & 0xFF) << 16 | header[7] << 24
                        : header[7] & 0xFF | (header[6] & 0xFF) << 8 | (header[5] & 0xFF) << 16 | header[4] << 24;
                int remaining = length - 8;
                while (remaining > 0) {
                    int n = Math.min(remaining, body.length);
                    in.readFully(body, 0, n);
                    remaining -= n;
                }
                if (header[1] == MessageType.SYNC.code()) {
                    out.write(reply);
                    if (in.available() == 0) {
                        out.flush();
                    }
                }
            }
        } catch (SocketException e) {
            // the client went away
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
