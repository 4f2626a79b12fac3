package dev.q4j.client;

import com.kx.c;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * KX's own Java interface (javakdb 2.0, {@code com.kx.c}) as the server a q4j client talks to: it does the
 * handshake on its side ({@code new c(serverSocket, authenticator)}), reads with {@code readMsg()} and answers with
 * {@code kr} / {@code ke} / {@code ks}, in big-endian. Serves one connection at a time on 127.0.0.1, each with a
 * {@link Script}. Anything a script throws, other than the client going away, fails {@link #close()}.
 */
final class JavakdbServer implements Closeable {
    /** What the server does with one accepted, authenticated connection. */
    @FunctionalInterface
    interface Script {
        void serve(c k) throws Exception;
    }

    private final ServerSocket socket;
    private final c.IAuthenticate authenticator;
    private final Script script;
    private final Thread thread;
    /** the credentials every handshake presented ({@code user:password}, as javakdb reads them) */
    final List<String> credentialsSeen = new CopyOnWriteArrayList<>();
    /** handshakes that failed on the server side (rejected credentials, TLS failures) */
    final List<Throwable> handshakeFailures = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private volatile c current;
    private volatile boolean closed;

    /** A server on 127.0.0.1 that accepts any credentials. */
    JavakdbServer(Script script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), null, script);
    }

    /**
     * @param socket any bound server socket (an SSLServerSocket works: javakdb only calls accept())
     * @param authenticator decides on the credentials, or null to accept all
     * @param script what to do with each connection
     */
    JavakdbServer(ServerSocket socket, c.IAuthenticate authenticator, Script script) {
        this.socket = socket;
        this.authenticator = authenticator;
        this.script = script;
        this.thread = new Thread(this::run, "test-javakdb-server");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void run() {
        while (!closed) {
            c k;
            try {
                k = new c(socket, credentials -> {
                    credentialsSeen.add(credentials);
                    return authenticator == null || authenticator.authenticate(credentials);
                });
            } catch (IOException e) {
                if (closed || socket.isClosed()) {
                    return;
                }
                handshakeFailures.add(e);
                continue;
            }
            current = k;
            try {
                script.serve(k);
            } catch (Throwable t) {
                if (!closed && !clientWentAway(t)) {
                    failures.add(t);
                }
            } finally {
                clientGone.countDown();
                try {
                    k.close();
                } catch (IOException ignored) {
                    // closing is all that is left
                }
            }
        }
    }

    private static boolean clientWentAway(Throwable t) {
        return t instanceof java.io.EOFException || t instanceof java.net.SocketException;
    }

    /**
     * @param millis how long to wait
     * @return true when the script of the first connection ended because the client closed (or the script returned)
     */
    boolean awaitClientGone(long millis) throws InterruptedException {
        return clientGone.await(millis, TimeUnit.MILLISECONDS);
    }

    /** Stops the server, closes its connection, waits for its thread, and rethrows any script failure. */
    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        c k = current;
        if (k != null) {
            k.close();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            throw new AssertionError("javakdb test server thread did not stop");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("javakdb test server failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }
}
