package dev.q4j.bench.load;

import com.kx.c;
import dev.q4j.bench.LoopbackServer;
import dev.q4j.bench.NeutralServer;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The server side of {@code bench/load}, run in its own JVM so that its threads, descriptors and resident memory can
 * be measured apart from the load generator's: {@code java -cp ... dev.q4j.bench.load.LoadServer q4j|javakdb|neutral}.
 * It listens on a free loopback port, prints {@code port N} on standard output, and serves until its standard
 * input closes (so it never outlives the generator that started it).
 *
 * <ul>
 *   <li>{@code q4j}: q4j's {@link QServer} with default options and an echo handler (replies with the request);</li>
 *   <li>{@code javakdb}: an echo server on KX's javakdb 2.0 ({@code new c(ServerSocket)}: handshake, then
 *       {@code readMsg()} and {@code kr(value)}), one thread per client;</li>
 *   <li>{@code neutral}: {@link NeutralServer}, answering every sync request with the same precomputed bytes
 *       without decoding it (one thread per client): the ceiling of the load generator.</li>
 * </ul>
 */
public final class LoadServer {
    /** The server kinds, in the order bench/load runs them. */
    public enum Kind {
        /** q4j's QServer, echoing */
        Q4J,
        /** javakdb's c(ServerSocket), echoing, a thread per client */
        JAVAKDB,
        /** precomputed replies, a thread per client */
        NEUTRAL;

        /** {@return the name on the command line} */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@return true when the server echoes the request (so that replies can be checked one by one)} */
        public boolean echoes() {
            return this != NEUTRAL;
        }
    }

    private LoadServer() {
    }

    /**
     * @param args the server kind
     * @throws Exception when it cannot listen
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: LoadServer q4j|javakdb|neutral");
        }
        Kind kind = Kind.valueOf(args[0].toUpperCase(Locale.ROOT));
        AutoCloseable server;
        int port;
        switch (kind) {
            case Q4J: {
                QServer s = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                        .requestHandler(RequestHandler.sync((client, request) -> request))
                        .build());
                server = s;
                port = s.port();
                break;
            }
            case JAVAKDB: {
                JavakdbEcho s = new JavakdbEcho();
                server = s;
                port = s.port();
                break;
            }
            default: {
                NeutralServer s = new NeutralServer(Protocol.neutralReply());
                server = s;
                port = s.port();
                break;
            }
        }
        System.out.println("port " + port);
        System.out.flush();
        // serve until the generator closes our standard input (or dies)
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
        while (in.readLine() != null) {
            // nothing to read: the line protocol is only "stop by closing"
        }
        server.close();
        System.exit(0);
    }

    /**
     * An echo server on javakdb 2.0: an acceptor thread hands each accepted socket to a thread of its own, which
     * runs KX's {@code c(ServerSocket)} constructor (the handshake) on it and then echoes every sync request. The
     * constructor accepts by itself, so each client thread gets a server socket whose {@code accept()} returns its
     * socket: a client that never completes the handshake then holds only its own thread, not the acceptor.
     */
    static final class JavakdbEcho implements AutoCloseable {
        private final LoopbackServer listener;

        JavakdbEcho() throws IOException {
            listener = new LoopbackServer("javakdb", 256, JavakdbEcho::serve);
        }

        int port() {
            return listener.port();
        }

        private static void serve(Socket socket) {
            c k = null;
            try (ServerSocket handOver = new HandOver(socket)) {
                k = new c(handOver);
                while (true) {
                    Object[] m = k.readMsg();
                    if (((Number) m[0]).intValue() == 1) {
                        k.kr(m[1]);
                    }
                }
            } catch (Throwable e) {
                // the client went away or sent what javakdb cannot read (garbage, a lying length): drop it
            } finally {
                try {
                    if (k != null) {
                        k.close();
                    }
                    socket.close();
                } catch (IOException ignored) {
                    // closed either way
                }
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    /** A server socket that "accepts" one socket accepted elsewhere: what javakdb's constructor needs. */
    private static final class HandOver extends ServerSocket {
        private Socket socket;

        HandOver(Socket socket) throws IOException {
            this.socket = socket;
        }

        @Override
        public Socket accept() throws IOException {
            Socket s = socket;
            if (s == null) {
                throw new IOException("already accepted");
            }
            socket = null;
            return s;
        }

        @Override
        public void close() {
            // the socket it handed over is closed by its own owner
        }
    }
}
