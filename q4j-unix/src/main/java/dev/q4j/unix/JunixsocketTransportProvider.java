package dev.q4j.unix;

import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.Listener;
import dev.q4j.ipc.Transport;
import dev.q4j.ipc.TransportProvider;
import dev.q4j.ipc.Transports;
import java.io.IOException;
import java.time.Duration;
import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * Connects to, and listens on, Unix domain sockets in Linux's abstract namespace, where kdb+ 3.5+ listens as
 * {@code @/tmp/kx.PORT} and which the JDK's own {@code UnixDomainSocketAddress} cannot reach, through junixsocket.
 * Found by {@link java.util.ServiceLoader}: with this module on the class or module path,
 * {@link dev.q4j.ipc.Transports} (and so every q4j connection and server) reaches {@link Endpoint.AbstractUnix}
 * endpoints. Socket files ({@link Endpoint.UnixPath}) stay with the JDK.
 *
 * <pre>{@code
 * // q -p 5000 on the same Linux machine
 * try (QConnection q = QConnection.connect(ConnectionOptions.builder(Endpoint.kdbUnix(5000)).build())) {
 *     System.out.println(q.query("til 3"));
 * }
 * }</pre>
 *
 * <p>The transports report {@link Transport#isLocal()} true: kdb+ never compresses for Unix socket peers, and
 * neither does q4j by default.
 */
public final class JunixsocketTransportProvider implements TransportProvider {

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public JunixsocketTransportProvider() {
        // stateless
    }

    /**
     * {@return true for {@link Endpoint.AbstractUnix}}
     *
     * @param endpoint an endpoint
     */
    @Override
    public boolean supports(Endpoint endpoint) {
        return endpoint instanceof Endpoint.AbstractUnix;
    }

    /**
     * {@return the open transport}
     *
     * @param endpoint an {@link Endpoint.AbstractUnix}
     * @param timeout how long to wait for the connection
     * @throws IOException when the connection fails, or when this platform has no abstract namespace (only Linux
     *     has one)
     */
    @Override
    public Transport connect(Endpoint endpoint, Duration timeout) throws IOException {
        if (!(endpoint instanceof Endpoint.AbstractUnix abstractUnix)) {
            throw new IOException("q4j-unix connects only to abstract Unix sockets, not to " + endpoint);
        }
        checkSupported(endpoint);
        AFUNIXSocketAddress address = AFUNIXSocketAddress.inAbstractNamespace(abstractUnix.name());
        AFUNIXSocket socket = AFUNIXSocket.newInstance();
        try {
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis())));
            return Transports.of(socket, endpoint.toString(), true);
        } catch (IOException | RuntimeException e) {
            // the caller says where it was connecting to
            socket.close();
            throw e;
        }
    }

    /**
     * {@return a listener on it; the name is free again once the listener closes (the abstract namespace has no file to
     * remove)}
     *
     * @param endpoint an {@link Endpoint.AbstractUnix}
     * @throws IOException when the name is taken, or this platform has no abstract namespace
     */
    @Override
    public Listener listen(Endpoint endpoint) throws IOException {
        if (!(endpoint instanceof Endpoint.AbstractUnix abstractUnix)) {
            throw new IOException("q4j-unix listens only on abstract Unix sockets, not on " + endpoint);
        }
        checkSupported(endpoint);
        AFUNIXServerSocket server;
        try {
            server = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.inAbstractNamespace(abstractUnix.name()));
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot listen on " + endpoint + ": " + e.getMessage(), e);
        }
        return new Listener() {
            @Override
            public Transport accept() throws IOException {
                return Transports.of(server.accept(), endpoint.toString(), true);
            }

            @Override
            public Endpoint endpoint() {
                return endpoint;
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    private static void checkSupported(Endpoint endpoint) throws IOException {
        if (!AFSocket.isSupported()) {
            throw new IOException("cannot use " + endpoint + ": junixsocket has no native library for this "
                    + "platform (" + System.getProperty("os.name") + ", " + System.getProperty("os.arch") + ")");
        }
        if (!AFSocket.supports(AFSocketCapability.CAPABILITY_ABSTRACT_NAMESPACE)) {
            throw new IOException("cannot use " + endpoint + ": this platform (" + System.getProperty("os.name")
                    + ") has no abstract Unix socket namespace; only Linux has");
        }
    }
}
