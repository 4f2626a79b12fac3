package dev.q4j.client;

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
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A kdb+-speaking test server built on q4j's own codec, for the cases a real peer cannot stage: a handshake answered
 * with any byte, a reply cut in half, a reply held back, raw bytes captured. It listens on 127.0.0.1 (or on a Unix
 * socket file) and serves one connection at a time, each with a {@link Script}; failures inside a script are kept
 * and rethrown by {@link #close()} so that no test passes over a broken server.
 */
final class RawServer implements Closeable {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    interface Script {
        void serve(Peer peer) throws Exception;
    }

    private final Closeable listener;
    private final Acceptor acceptor;
    private final Script script;
    private final Thread thread;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final int port;
    private final Path path;
    private volatile boolean closed;

    private interface Acceptor {
        Peer accept() throws IOException;
    }

    private RawServer(Closeable listener, Acceptor acceptor, int port, Path path, Script script) {
        this.listener = listener;
        this.acceptor = acceptor;
        this.port = port;
        this.path = path;
        this.script = script;
        this.thread = new Thread(this::run, "test-raw-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** @return a server on 127.0.0.1, a free port, running {@code script} for every connection */
    static RawServer tcp(Script script) throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return new RawServer(ss, () -> new Peer(ss.accept()), ss.getLocalPort(), null, script);
    }

    /** @return a server on a Unix socket file, running {@code script} for every connection */
    static RawServer unix(Path socketFile, Script script) throws IOException {
        ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ssc.bind(UnixDomainSocketAddress.of(socketFile));
        return new RawServer(ssc, () -> new Peer(ssc.accept()), -1, socketFile, script);
    }

    int port() {
        return port;
    }

    /** @return how many connections were accepted so far */
    int accepted() {
        return accepted.get();
    }

    private void run() {
        while (!closed) {
            Peer peer;
            try {
                peer = acceptor.accept();
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
                return;
            }
            accepted.incrementAndGet();
            peers.add(peer);
            try {
                script.serve(peer);
            } catch (Throwable t) {
                if (!closed && !peer.expectedFailure(t)) {
                    failures.add(t);
                }
            } finally {
                peer.close();
            }
        }
    }

    /** Stops the server, closes every connection, waits for its thread, and rethrows any script failure. */
    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Peer p : peers) {
            p.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (path != null) {
            Files.deleteIfExists(path);
        }
        if (thread.isAlive()) {
            throw new AssertionError("test server thread did not stop");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("test server failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** One accepted connection, seen from the server. */
    static final class Peer implements Closeable {
        private final Closeable socket;
        private final Socket tcp;
        private final InputStream in;
        private final OutputStream out;
        private final Decoder decoder = new Decoder(DecodeLimits.DEFAULT);
        private final Encoder encoder = new Encoder();
        private volatile boolean tolerateDisconnect;
        /** every message read, raw, for tests that check the client's bytes */
        final List<byte[]> rawMessages = new CopyOnWriteArrayList<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.tcp = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        Peer(SocketChannel channel) {
            this.socket = channel;
            this.tcp = null;
            this.in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return len == 0 ? 0 : channel.read(ByteBuffer.wrap(b, off, len));
                }
            };
            this.out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                }
            };
        }

        /** From now on, the client going away is part of the test, not a failure. */
        Peer tolerateDisconnect() {
            tolerateDisconnect = true;
            return this;
        }

        boolean expectedFailure(Throwable t) {
            return tolerateDisconnect && t instanceof IOException;
        }

        /** @return the raw bytes the client sent before its NUL (credentials and capability byte) */
        byte[] readHello() throws IOException {
            ByteArrayOutputStream hello = new ByteArrayOutputStream();
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("client closed during the handshake");
                }
                if (b == 0) {
                    return hello.toByteArray();
                }
                hello.write(b);
                if (hello.size() > Handshake.MAX_REQUEST) {
                    throw new IOException("handshake too long");
                }
            }
        }

        /** Reads the client's handshake and answers {@code capability}. */
        Handshake.Request handshake(int capability) throws IOException {
            byte[] hello = readHello();
            out.write(capability);
            out.flush();
            return Handshake.parseRequest(hello, hello.length);
        }

        /** @return the next message; fails at the end of the stream */
        QMessage read() throws IOException {
            byte[] m = Frames.read(in, DecodeLimits.DEFAULT);
            if (m == null) {
                throw new EOFException("client closed the connection");
            }
            rawMessages.add(m);
            return decoder.decode(m);
        }

        /** @return true when the client closed the connection within {@code timeout} (any data is read and dropped) */
        boolean awaitEndOfStream(Duration timeout) throws Exception {
            CompletableFuture<Boolean> ended = CompletableFuture.supplyAsync(() -> {
                byte[] buffer = new byte[8192];
                try {
                    while (in.read(buffer) >= 0) {
                        // drain
                    }
                    return true;
                } catch (IOException e) {
                    return false;
                }
            });
            try {
                return ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                close();
                return false;
            }
        }

        void reply(QValue value) throws IOException {
            write(MessageType.RESPONSE, value);
        }

        void write(MessageType type, QValue value) throws IOException {
            writeRaw(encoder.encode(type, value));
        }

        void writeRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /** Closes a TCP connection with a reset (RST) rather than a FIN, as a server that refuses abruptly does. */
        void reset() throws IOException {
            tcp.setSoLinger(true, 0);
            tcp.close();
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
