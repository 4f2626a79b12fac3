package dev.q4j.testing.servers;

import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
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

/**
 * A kdb+-speaking test server built on q4j's own codec, for the cases a real peer cannot stage: a handshake answered
 * with any byte, a reply cut in half, a reply held back, raw bytes captured. It listens on 127.0.0.1, on a Unix
 * socket file, or on any {@link ServerSocket} the test binds (junixsocket's abstract-namespace sockets are one), and
 * serves one connection at a time, each with a {@link Script}; failures inside a script are kept and rethrown by
 * {@link #close()}.
 *
 * <pre>{@code
 * try (RawServer server = RawServer.tcp(peer -> {
 *         peer.handshake(3);
 *         peer.reply(peer.read().value());   // echo one request
 *     })) {
 *     // connect to 127.0.0.1:server.port()
 * }
 * }</pre>
 */
public final class RawServer extends ScriptedServer<RawServer.Peer> {
    /** What the server does with one accepted connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * Serves one connection.
         *
         * @param peer the connection, before its handshake
         * @throws Exception anything: it fails {@link RawServer#close()} unless the peer tolerates it
         */
        void serve(Peer peer) throws Exception;
    }

    /** Accepts one connection on the listener. */
    @FunctionalInterface
    private interface Acceptor {
        Peer accept() throws IOException;
    }

    private final Closeable listener;
    private final Acceptor acceptor;
    private final Script script;
    private final int port;
    private final Path path;

    private RawServer(Closeable listener, Acceptor acceptor, int port, Path path, Script script) {
        super("test-raw-server");
        this.listener = listener;
        this.acceptor = acceptor;
        this.port = port;
        this.path = path;
        this.script = script;
        start();
    }

    /**
     * A server on 127.0.0.1.
     *
     * @param script what to do with each connection
     * @return the running server, on a free port
     * @throws IOException if no loopback port can be bound
     */
    public static RawServer tcp(Script script) throws IOException {
        return on(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    /**
     * A server on a socket the caller bound: any {@link ServerSocket}, junixsocket's {@code AFUNIXServerSocket} in
     * Linux's abstract namespace among them.
     *
     * @param socket the bound socket; the server closes it
     * @param script what to do with each connection
     * @return the running server
     */
    public static RawServer on(ServerSocket socket, Script script) {
        return new RawServer(socket, () -> new Peer(socket.accept()), socket.getLocalPort(), null, script);
    }

    /**
     * A server on a Unix socket file (the JDK's own Unix domain sockets).
     *
     * @param socketFile where to bind; the server deletes it when closed
     * @param script what to do with each connection
     * @return the running server
     * @throws IOException if it cannot bind there
     */
    public static RawServer unix(Path socketFile, Script script) throws IOException {
        ServerSocketChannel ssc = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        ssc.bind(UnixDomainSocketAddress.of(socketFile));
        return new RawServer(ssc, () -> new Peer(ssc.accept()), -1, socketFile, script);
    }

    /** {@return the TCP port it listens on, -1 on a Unix socket file} */
    public int port() {
        return port;
    }

    @Override
    protected Peer accept() throws IOException {
        return acceptor.accept();
    }

    @Override
    protected void serve(Peer peer) throws Exception {
        script.serve(peer);
    }

    @Override
    protected boolean expected(Peer peer, Throwable failure) {
        return peer.expectedFailure(failure);
    }

    @Override
    protected void closeConnection(Peer peer) {
        peer.close();
    }

    @Override
    protected void closeListener() throws IOException {
        listener.close();
    }

    @Override
    protected void closedAndStopped() throws IOException {
        if (path != null) {
            Files.deleteIfExists(path);
        }
    }

    /** One accepted connection, seen from the server. */
    public static final class Peer implements Closeable {
        private final Closeable socket;
        private final Socket tcp;
        private final InputStream in;
        private final OutputStream out;
        private final Decoder decoder = new Decoder(DecodeLimits.DEFAULT);
        private final Encoder encoder = new Encoder();
        private volatile boolean tolerateDisconnect;
        /** Every message read, raw,, for tests that check the client's bytes. */
        public final List<byte[]> rawMessages = new CopyOnWriteArrayList<>();

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

        /**
         * From now on, the client going away (any I/O failure of the script) is part of the test, not a failure.
         *
         * @return this peer
         */
        public Peer tolerateDisconnect() {
            tolerateDisconnect = true;
            return this;
        }

        boolean expectedFailure(Throwable t) {
            return tolerateDisconnect && t instanceof IOException;
        }

        /**
         * Reads the client's hello up to its NUL, without answering.
         *
         * @return the raw bytes the client sent before its NUL (credentials and capability byte)
         * @throws IOException if the client closes first or sends more than a handshake may hold
         */
        public byte[] readHello() throws IOException {
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

        /**
         * Reads the client's handshake and answers it.
         *
         * @param capability the byte to answer
         * @return what the client asked for
         * @throws IOException if the client closes first
         */
        public Handshake.Request handshake(int capability) throws IOException {
            byte[] hello = readHello();
            out.write(capability);
            out.flush();
            return Handshake.parseRequest(hello, hello.length);
        }

        /**
         * Reads the client's hello up to its NUL and returns without answering, so that the server hangs up; a client
         * that closes first ends it too.
         *
         * @throws IOException if reading fails
         */
        public void endOfStreamAfterHello() throws IOException {
            for (int b; (b = in.read()) != 0; ) {
                if (b < 0) {
                    return;
                }
            }
        }

        /**
         * Reads the next message, which {@link #rawMessages} keeps as bytes too.
         *
         * @return the next message
         * @throws IOException at the end of the stream ({@link EOFException}) or if it is malformed
         */
        public QMessage read() throws IOException {
            byte[] m = frame();
            rawMessages.add(m);
            return decoder.decode(m);
        }

        /** One whole message: its header, then as many bytes as the header says (q4j-core's framing, no more). */
        private byte[] frame() throws IOException {
            byte[] header = new byte[MessageHeader.SIZE];
            int first = in.read(header, 0, 1);
            if (first < 0) {
                throw new EOFException("client closed the connection");
            }
            DataInputStream data = new DataInputStream(in);
            data.readFully(header, 1, header.length - 1);
            long length = MessageHeader.read(header, 0).length();
            if (length < MessageHeader.SIZE || length > DecodeLimits.DEFAULT.maxMessageSize()) {
                throw new IOException("a message of " + length + " bytes: more than the test server takes");
            }
            byte[] m = java.util.Arrays.copyOf(header, (int) length);
            data.readFully(m, MessageHeader.SIZE, m.length - MessageHeader.SIZE);
            return m;
        }

        /**
         * Reads one byte.
         *
         * @return true when the client closed the connection instead of sending anything more
         * @throws IOException if reading fails
         */
        public boolean endOfStream() throws IOException {
            return in.read() < 0;
        }

        /**
         * Reads and drops whatever comes until the client closes.
         *
         * @param timeout how long to wait
         * @return true when the client closed the connection within {@code timeout}; false (and this connection
         *     closed) otherwise
         * @throws Exception if waiting fails
         */
        public boolean awaitEndOfStream(Duration timeout) throws Exception {
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

        /**
         * Sends a response.
         *
         * @param value what to answer
         * @throws IOException if writing fails
         */
        public void reply(QValue value) throws IOException {
            write(MessageType.RESPONSE, value);
        }

        /**
         * Sends a message of any type.
         *
         * @param type the message type
         * @param value the value
         * @throws IOException if writing fails
         */
        public void write(MessageType type, QValue value) throws IOException {
            writeRaw(encoder.encode(type, value));
        }

        /**
         * Sends bytes as they are.
         *
         * @param bytes anything, a message or not
         * @throws IOException if writing fails
         */
        public void writeRaw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        /**
         * Closes a TCP connection with a reset (RST) rather than a FIN, as a server that refuses abruptly does.
         *
         * @throws IOException if closing fails
         */
        public void reset() throws IOException {
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
