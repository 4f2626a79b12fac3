package dev.q4j.ipc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ServiceLoader;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens transports: TCP (optionally TLS) and Unix socket files with the JDK alone; other endpoints (Linux's
 * abstract namespace) through a {@link TransportProvider} on the class or module path, such as q4j-unix's.
 *
 * <pre>{@code
 * Transport t = Transports.connect(Endpoint.parse("localhost:5000"), Duration.ofSeconds(5), null);
 * Transport s = Transports.connect(Endpoint.parse("db:5001"), Duration.ofSeconds(5), TlsOptions.defaults());
 * }</pre>
 */
public final class Transports {
    /**
     * The most one read or write of a heap array hands a channel: the channel copies it through a temporary direct
     * buffer of that size, which stays cached on the thread (a socket's streams cap theirs at 128 KiB too), not one
     * as large as the message.
     */
    static final int MAX_CHANNEL_IO = 1 << 17;

    private Transports() {
    }

    /**
     * A transport over an already connected socket: for {@link TransportProvider}s whose sockets are
     * {@link Socket}s (junixsocket's are).
     *
     * <pre>{@code
     * Transport t = Transports.of(unixSocket, "unix:///tmp/q.sock", true);
     * }</pre>
     *
     * @param socket a connected socket; the transport closes it
     * @param peer the peer, for messages
     * @param local whether the peer is on this machine (see {@link Transport#isLocal()})
     * @return the transport
     * @throws IOException when the socket's streams cannot be had
     */
    public static Transport of(Socket socket, String peer, boolean local) throws IOException {
        return new SocketTransport(socket, peer, local);
    }

    /**
     * {@return the open transport}
     *
     * @param endpoint where to connect
     * @param timeout how long connecting (and the TLS handshake) may take
     * @param tls TLS settings, or {@code null} for a plain connection (TCP only)
     * @throws IOException when the connection fails
     */
    public static Transport connect(Endpoint endpoint, Duration timeout, TlsOptions tls) throws IOException {
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, Transports.class.getClassLoader())) {
            if (p.supports(endpoint)) {
                if (tls != null) {
                    throw new IOException("TLS is only supported over TCP, not to " + endpoint);
                }
                return p.connect(endpoint, timeout);
            }
        }
        if (endpoint instanceof Endpoint.Tcp tcp) {
            return tcp(tcp, timeout, tls);
        }
        if (tls != null) {
            throw new IOException("TLS is only supported over TCP, not to " + endpoint);
        }
        if (endpoint instanceof Endpoint.UnixPath unix) {
            SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                ch.connect(UnixDomainSocketAddress.of(unix.path()));
            } catch (IOException e) {
                ch.close();
                throw e;   // as for TCP, the caller names the endpoint
            }
            return new ChannelTransport(ch, endpoint.toString());
        }
        throw new IOException("the JDK cannot reach Linux's abstract Unix sockets; add the q4j-unix module "
                + "(junixsocket) to the class or module path");
    }

    /**
     * Listens for connections: on TCP (TLS when {@code tls} is given; port 0 picks a free port), on a Unix socket
     * file (replaced if it exists), or through a {@link TransportProvider} (the abstract namespace).
     *
     * @param endpoint where to listen; a TCP host of {@code 0.0.0.0} or {@code ::} means every interface
     * @param tls the server's key and certificate, or {@code null}
     * @return the listener
     * @throws IOException when it cannot listen there
     */
    public static Listener listen(Endpoint endpoint, javax.net.ssl.SSLContext tls) throws IOException {
        for (TransportProvider p : ServiceLoader.load(TransportProvider.class, Transports.class.getClassLoader())) {
            if (p.supports(endpoint)) {
                return p.listen(endpoint);
            }
        }
        if (endpoint instanceof Endpoint.Tcp tcp && tls == null) {
            return listenTcp(tcp);
        }
        if (endpoint instanceof Endpoint.Tcp tcp) {
            // TLS: plain accepts, and each connection's first byte is looked at before TLS takes over (see
            // TlsServerTransport), so that a plain kdb+ client is told at once instead of left waiting
            java.net.ServerSocket server = new java.net.ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(tcp.host(), tcp.port()), 256);
            } catch (IOException e) {
                server.close();
                throw new IOException("cannot listen on " + endpoint + ": " + e.getMessage(), e);
            }
            Endpoint actual = Endpoint.tcp(tcp.host(), server.getLocalPort());
            return new Listener() {
                @Override
                public Transport accept() throws IOException {
                    Socket s = server.accept();
                    s.setTcpNoDelay(true);
                    String peer = s.getRemoteSocketAddress().toString();
                    boolean local = s.getInetAddress().isLoopbackAddress();
                    return new TlsServerTransport(s, tls, peer, local);
                }

                @Override
                public Endpoint endpoint() {
                    return actual;
                }

                @Override
                public void close() throws IOException {
                    server.close();
                }
            };
        }
        if (tls != null) {
            throw new IOException("TLS is only supported over TCP, not on " + endpoint);
        }
        if (endpoint instanceof Endpoint.UnixPath unix) {
            java.nio.file.Files.deleteIfExists(unix.path());
            java.nio.channels.ServerSocketChannel server =
                    java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                server.bind(UnixDomainSocketAddress.of(unix.path()), 256);
            } catch (IOException e) {
                server.close();
                throw new IOException("cannot listen on " + endpoint + ": " + e.getMessage(), e);
            }
            return new Listener() {
                @Override
                public Transport accept() throws IOException {
                    return new ChannelTransport(server.accept(), endpoint.toString());
                }

                @Override
                public Endpoint endpoint() {
                    return endpoint;
                }

                @Override
                public void close() throws IOException {
                    server.close();
                    java.nio.file.Files.deleteIfExists(unix.path());
                }
            };
        }
        throw new IOException("cannot listen on " + endpoint + ": the JDK cannot reach Linux's abstract Unix "
                + "sockets; add the q4j-unix module (junixsocket) to the class or module path");
    }

    private static Transport tcp(Endpoint.Tcp tcp, Duration timeout, TlsOptions tls) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            InetSocketAddress address = new InetSocketAddress(tcp.host(), tcp.port());
            if (address.isUnresolved()) {
                throw new IOException("unknown host " + tcp.host());
            }
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            boolean local = address.getAddress().isLoopbackAddress();
            if (tls == null) {
                return new SocketTransport(socket, tcp.toString(), local);
            }
            SSLSocket ssl = (SSLSocket) tls.context().getSocketFactory()
                    .createSocket(socket, tcp.host(), tcp.port(), true);
            if (tls.verifyHostname()) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
            }
            ssl.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            ssl.startHandshake();
            ssl.setSoTimeout(0);
            return new SocketTransport(ssl, tcp.toString(), local);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Plain TCP: a channel per client, read and written through buffers of its own ({@link TcpChannelTransport}).
     * Only the server's side takes this path; TLS keeps plain sockets, whose first byte it looks at.
     */
    private static Listener listenTcp(Endpoint.Tcp tcp) throws IOException {
        java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open();
        try {
            server.setOption(java.net.StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(tcp.host(), tcp.port()), 256);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + tcp + ": " + e.getMessage(), e);
        }
        Endpoint actual = Endpoint.tcp(tcp.host(), ((InetSocketAddress) server.getLocalAddress()).getPort());
        return new Listener() {
            @Override
            public Transport accept() throws IOException {
                SocketChannel c = server.accept();
                try {
                    c.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
                    InetSocketAddress remote = (InetSocketAddress) c.getRemoteAddress();
                    return new TcpChannelTransport(c, remote.toString(), remote.getAddress().isLoopbackAddress());
                } catch (IOException | RuntimeException e) {
                    c.close();
                    throw e;
                }
            }

            @Override
            public Endpoint endpoint() {
                return actual;
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    /** A socket: TCP or TLS. */
    private static final class SocketTransport implements Transport {
        private final Socket socket;
        private final String peer;
        private final boolean local;
        private final InputStream in;
        private final OutputStream out;

        SocketTransport(Socket socket, String peer, boolean local) throws IOException {
            this.socket = socket;
            this.peer = peer;
            this.local = local;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public boolean isLocal() {
            return local;
        }

        @Override
        public boolean seesArrivingBytes() {
            // a plain socket's available() asks the kernel; TLS counts only what it has decrypted
            return !(socket instanceof SSLSocket);
        }

        @Override
        public String peer() {
            return peer;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /**
     * The server's side of a TLS connection, accepted as plain TCP. The first read or write looks at the client's
     * first byte: a TLS ClientHello begins with 0x16 (a handshake record) and goes on as TLS; anything else is a
     * plain client (a kdb+ hello begins with the user name, or with the capability byte when there is none). That
     * one gets a TLS alert record (0x15 0x03 0x03: what a client that reads one answer byte can recognise as a TLS
     * port) and the connection fails with an {@link IOException} saying so, instead of the TLS layer waiting for the
     * rest of a record header that a 2-byte kdb+ hello never sends.
     */
    static final class TlsServerTransport implements Transport {
        /** a TLS 1.2 fatal alert record, unexpected_message */
        private static final byte[] ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0A};

        private final Socket plain;
        private final javax.net.ssl.SSLContext context;
        private final String peer;
        private final boolean local;
        private final Object layering = new Object();
        private volatile Socket socket;
        /** the TLS streams, once the first byte has been seen */
        private volatile InputStream in;
        private volatile OutputStream out;
        private final InputStream input = new InputStream() {
            @Override
            public int read() throws IOException {
                layer();
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                layer();
                return in.read(b, off, len);
            }

            @Override
            public int available() throws IOException {
                InputStream i = in;
                return i == null ? 0 : i.available();
            }
        };
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                layer();
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                layer();
                out.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                OutputStream o = out;
                if (o != null) {
                    o.flush();
                }
            }
        };

        TlsServerTransport(Socket plain, javax.net.ssl.SSLContext context, String peer, boolean local) {
            this.plain = plain;
            this.context = context;
            this.peer = peer;
            this.local = local;
            this.socket = plain;
        }

        /** Looks at the first byte, on the first read or write, and either goes on as TLS or turns it away. */
        private void layer() throws IOException {
            if (in != null) {
                return;
            }
            synchronized (layering) {
                if (in != null) {
                    return;
                }
                int first = plain.getInputStream().read();
                if (first < 0) {
                    throw new java.io.EOFException("closed before the TLS handshake");
                }
                if (first != 0x16) {
                    try {
                        plain.getOutputStream().write(ALERT);
                        plain.getOutputStream().flush();
                    } catch (IOException ignored) {
                        // it is being turned away anyway
                    }
                    throw new IOException(String.format("not TLS: a plain client on a TLS port (its first byte is "
                            + "0x%02x, where a TLS ClientHello begins with 0x16)", first));
                }
                SSLSocket ssl = (SSLSocket) context.getSocketFactory().createSocket(plain,
                        new java.io.ByteArrayInputStream(new byte[] {(byte) first}), true);
                ssl.setUseClientMode(false);
                socket = ssl;
                out = ssl.getOutputStream();
                in = ssl.getInputStream();
            }
        }

        @Override
        public InputStream input() {
            return input;
        }

        @Override
        public OutputStream output() {
            return output;
        }

        @Override
        public boolean isLocal() {
            return local;
        }

        @Override
        public boolean seesArrivingBytes() {
            return false;   // TLS counts only what a read has already decrypted
        }

        @Override
        public String peer() {
            return peer;
        }

        @Override
        public void close() throws IOException {
            try {
                socket.close();
            } finally {
                plain.close();
            }
        }

        /**
         * Closes the plain socket under the TLS layer: a write blocked on a peer that does not read holds the TLS
         * layer's record lock, which its own close waits for (to send {@code close_notify}); closing the socket
         * beneath fails that write instead, and no {@code close_notify} is sent.
         */
        @Override
        public void abort() throws IOException {
            plain.close();
        }
    }

    /**
     * A socket channel in blocking mode. Its streams call the channel directly: the JDK's {@code Channels}
     * streams share one lock between reading and writing, so a blocked read would stall every write.
     */
    static final class ChannelTransport implements Transport {
        private final SocketChannel channel;
        private final String peer;
        private final InputStream in;
        private final OutputStream out;

        ChannelTransport(SocketChannel channel, String peer) {
            this.channel = channel;
            this.peer = peer;
            this.in = new InputStream() {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (len == 0) {
                        return 0;
                    }
                    return channel.read(ByteBuffer.wrap(b, off, Math.min(len, MAX_CHANNEL_IO)));
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
                    int end = off + len;
                    while (buffer.position() < end) {
                        // a slice at a time: the channel copies a heap buffer through a temporary direct one of
                        // the slice's size, cached on the thread
                        buffer.limit(Math.min(end, buffer.position() + MAX_CHANNEL_IO));
                        channel.write(buffer);
                    }
                }
            };
        }

        @Override
        public InputStream input() {
            return in;
        }

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public boolean isLocal() {
            return true;
        }

        @Override
        public String peer() {
            return peer;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
