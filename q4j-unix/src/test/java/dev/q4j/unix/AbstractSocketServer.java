package dev.q4j.unix;

import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.ipc.Frames;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * A kdb+-speaking test server on a Unix socket in Linux's abstract namespace (junixsocket), built on q4j's codec:
 * one connection at a time, each served by a {@link Script}. Script failures, other than the client going away,
 * are rethrown by {@link #close()}.
 */
final class AbstractSocketServer implements Closeable {
    @FunctionalInterface
    interface Script {
        void serve(Peer peer) throws Exception;
    }

    /** @return a name no other test run uses: /tmp/q4j-test-RANDOM */
    static String uniqueName() {
        return "/tmp/q4j-test-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    private final AFUNIXServerSocket socket;
    private final Script script;
    private final Thread thread;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    AbstractSocketServer(String name, Script script) throws IOException {
        AFUNIXSocketAddress address = AFUNIXSocketAddress.inAbstractNamespace(name);
        this.socket = AFUNIXServerSocket.bindOn(address);
        this.script = script;
        this.thread = new Thread(this::run, "test-abstract-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int accepted() {
        return peers.size();
    }

    private void run() {
        while (!closed) {
            Peer peer;
            try {
                peer = new Peer(socket.accept());
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
                return;
            }
            peers.add(peer);
            try {
                script.serve(peer);
            } catch (Throwable t) {
                if (!closed && !(t instanceof EOFException)) {
                    failures.add(t);
                }
            } finally {
                peer.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        for (Peer p : peers) {
            p.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("test server thread did not stop");
        }
        if (!failures.isEmpty()) {
            throw new AssertionError("test server failed: " + failures.get(0), failures.get(0));
        }
    }

    /** One accepted connection. */
    static final class Peer implements Closeable {
        private final AFUNIXSocket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Decoder decoder = new Decoder();
        private final Encoder encoder = new Encoder();
        final List<byte[]> rawMessages = new CopyOnWriteArrayList<>();

        Peer(AFUNIXSocket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Reads the client's handshake (up to its NUL) and answers {@code capability}. */
        Handshake.Request handshake(int capability) throws IOException {
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != 0; ) {
                if (b < 0) {
                    throw new EOFException("client closed during the handshake");
                }
                hello.write(b);
            }
            out.write(capability);
            out.flush();
            return Handshake.parseRequest(hello.toByteArray(), hello.size());
        }

        QMessage read() throws IOException {
            byte[] m = Frames.read(in, DecodeLimits.DEFAULT);
            if (m == null) {
                throw new EOFException("client closed the connection");
            }
            rawMessages.add(m);
            return decoder.decode(m);
        }

        /** Reads the client's hello up to its NUL and returns without answering: the server hangs up. */
        void endOfStreamAfterHello() throws IOException {
            for (int b; (b = in.read()) != 0; ) {
                if (b < 0) {
                    return;
                }
            }
        }

        /** @return true when the client closes the connection before sending anything more */
        boolean endOfStream() throws IOException {
            return in.read() < 0;
        }

        void write(MessageType type, QValue value) throws IOException {
            out.write(encoder.encode(type, value));
            out.flush();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is left
            }
        }
    }
}
