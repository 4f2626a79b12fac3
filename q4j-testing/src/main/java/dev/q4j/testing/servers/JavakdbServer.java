package dev.q4j.testing.servers;

import com.kx.c;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * KX's own Java interface (javakdb 2.0, {@code com.kx.c}) as the kdb+ server a q4j client talks to, the independent
 * peer: it does the handshake on its side ({@code new c(serverSocket, authenticator)}), reads with
 * {@code readMsg()} and answers with {@code kr} / {@code ke} / {@code ks}, in big-endian. It serves one connection
 * at a time on a loopback socket of its own (or any bound server socket, an SSLServerSocket too), each with a
 * {@link Script}. Anything a script throws, other than the client going away, fails {@link #close()}.
 *
 * <pre>{@code
 * try (JavakdbServer server = JavakdbServer.replying(new long[] {1, 2, 3})) {
 *     // connect to server.address(); server.queries holds the text of each request
 * }
 * }</pre>
 */
public final class JavakdbServer extends ScriptedServer<c> {
    /** What the server does with one accepted, authenticated connection. */
    @FunctionalInterface
    public interface Script {
        /**
         * Serves one connection.
         *
         * @param k the connection, after its handshake
         * @throws Exception anything: it fails {@link JavakdbServer#close()} unless the client went away
         */
        void serve(c k) throws Exception;
    }

    private final ServerSocket socket;
    private final c.IAuthenticate authenticator;
    private final Script script;
    private final CountDownLatch clientGone = new CountDownLatch(1);
    /** The credentials every handshake presented, as javakdb reads them ({@code user:password}). */
    public final List<String> credentialsSeen = new CopyOnWriteArrayList<>();
    /** The handshakes that failed on the server's side (credentials refused, TLS failures). */
    public final List<Throwable> handshakeFailures = new CopyOnWriteArrayList<>();
    /** The text of each request, for the servers made by {@link #answering} and {@link #replying}. */
    public final List<String> queries = new CopyOnWriteArrayList<>();

    /**
     * A server on 127.0.0.1 that accepts any credentials.
     *
     * @param script what to do with each connection
     * @throws IOException if no loopback port can be bound
     */
    public JavakdbServer(Script script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, script);
    }

    /**
     * A server on a socket of the caller's.
     *
     * @param socket a bound server socket (an SSLServerSocket works: javakdb only calls accept())
     * @param authenticator decides on the credentials, or null to accept all
     * @param script what to do with each connection
     */
    public JavakdbServer(ServerSocket socket, c.IAuthenticate authenticator, Script script) {
        super("test-javakdb-server");
        this.socket = socket;
        this.authenticator = authenticator;
        this.script = script;
        start();
    }

    /**
     * A server answering every request with {@code answer}, which replies through the connection given, and
     * recording the text of each request in {@link #queries}.
     *
     * @param answer sends the reply ({@code k.kr(...)}, {@code k.ke("type")}) or none at all
     * @return the running server
     * @throws IOException if no loopback port can be bound
     */
    public static JavakdbServer answering(Script answer) throws IOException {
        JavakdbServer[] self = new JavakdbServer[1];
        self[0] = new JavakdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                self[0].queries.add(new String((char[]) m[1]));
                answer.serve(k);
            }
        });
        return self[0];
    }

    /**
     * A server answering every request with {@code reply}.
     *
     * @param reply the answer, a javakdb value ({@code long[]}, {@code c.Flip}...)
     * @return the running server
     * @throws IOException if no loopback port can be bound
     */
    public static JavakdbServer replying(Object reply) throws IOException {
        return answering(k -> k.kr(reply));
    }

    /** {@return the port it listens on} */
    public int port() {
        return socket.getLocalPort();
    }

    /** {@return {@code 127.0.0.1:PORT}} */
    public String address() {
        return "127.0.0.1:" + port();
    }

    /**
     * Waits for the first connection's script to end (because the client closed, or because it returned).
     *
     * @param millis how long to wait
     * @return true when it ended in time
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitClientGone(long millis) throws InterruptedException {
        return clientGone.await(millis, TimeUnit.MILLISECONDS);
    }

    @Override
    protected c accept() throws IOException {
        try {
            return new c(socket, credentials -> {
                credentialsSeen.add(credentials);
                return authenticator == null || authenticator.authenticate(credentials);
            });
        } catch (IOException e) {
            if (closed() || socket.isClosed()) {
                throw e;
            }
            // a refused or failed handshake: javakdb closed that connection, the next may come
            handshakeFailures.add(e);
            return null;
        }
    }

    @Override
    protected void serve(c k) throws Exception {
        script.serve(k);
    }

    @Override
    protected boolean expected(c k, Throwable failure) {
        return failure instanceof EOFException || failure instanceof SocketException;
    }

    @Override
    protected void served(c k) {
        clientGone.countDown();
    }

    @Override
    protected void closeConnection(c k) {
        try {
            k.close();
        } catch (IOException ignored) {
            // closing is all that is left
        }
    }

    @Override
    protected void closeListener() throws IOException {
        socket.close();
    }
}
