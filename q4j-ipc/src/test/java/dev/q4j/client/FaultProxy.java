package dev.q4j.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback proxy between a kdb+ client and server that injects faults into what passes: it follows the protocol
 * (the handshake up to its NUL, the one-byte answer, then whole messages by their header's length) so that each
 * fault hits a message, and it stays in step whatever it does to the bytes it forwards.
 *
 * <p>The fault of each direction can be changed at any time and applies from the next message on. Every connection
 * runs two daemon threads named {@code fault-proxy-...}; {@link #cutAll()} and {@link #close()} end them.
 */
final class FaultProxy implements Closeable {
    /** What happens to each message passing in one direction. */
    enum Fault {
        /** forwarded as it is */
        NONE,
        /** forwarded after a pause ({@link FaultProxy#delayMillis}) */
        DELAY,
        /** forwarded one byte per write, each flushed on its own, with a short pause now and then */
        SPLIT,
        /** forwarded twice */
        DUPLICATE,
        /** one byte of the message (header or body, chosen at random) replaced with another value */
        CORRUPT,
        /**
         * the connection cut (every connection through the proxy closed) halfway through the message; once: the
         * direction's fault is then {@link #NONE} again, so that a client can reconnect
         */
        CUT
    }

    private final ServerSocket listener;
    private final InetSocketAddress upstream;
    private final Thread acceptor;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger faulted = new AtomicInteger();
    private final Random random = new Random(13);
    private volatile Fault toServer = Fault.NONE;
    private volatile Fault toClient = Fault.NONE;
    volatile long delayMillis = 50;
    private volatile boolean closed;

    /** @param upstreamPort the server's port on 127.0.0.1 */
    FaultProxy(int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "fault-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** @return how many client connections the proxy has accepted */
    int connections() {
        return connections.get();
    }

    /** @return how many messages a fault other than {@link Fault#NONE} has hit */
    int faulted() {
        return faulted.get();
    }

    /** @param fault what to do to the client's messages from now on */
    void toServer(Fault fault) {
        toServer = fault;
    }

    /** @param fault what to do to the server's messages from now on */
    void toClient(Fault fault) {
        toClient = fault;
    }

    /** Closes every connection passing through now (clients may connect again). */
    void cutAll() {
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        cutAll();
        join(acceptor);
        for (Thread t : pumps) {
            join(t);
        }
    }

    private static void join(Thread t) {
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            throw new AssertionError("fault proxy thread " + t.getName() + " did not stop");
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            Socket server = new Socket();
            try {
                server.connect(upstream, 5000);
            } catch (IOException e) {
                closeQuietly(client);
                closeQuietly(server);
                continue;
            }
            sockets.add(client);
            sockets.add(server);
            int id = connections.incrementAndGet();
            start("fault-proxy-" + id + "-to-server", () -> pump(client, server, true));
            start("fault-proxy-" + id + "-to-client", () -> pump(server, client, false));
        }
    }

    private void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    /** Forwards one direction: the handshake part as it is, then message by message with the current fault. */
    private void pump(Socket from, Socket to, boolean toServerSide) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            if (toServerSide) {
                // the handshake in one write, as clients send it: javakdb's server reads it with a single read()
                java.io.ByteArrayOutputStream hello = new java.io.ByteArrayOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    hello.write(b);
                    if (b == 0) {
                        break;
                    }
                }
                out.write(hello.toByteArray());
            } else {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                out.write(b);
            }
            out.flush();
            byte[] header = new byte[8];
            while (readFully(in, header, 0, 8)) {
                long length = (header[0] == 1
                        ? (header[4] & 0xFFL) | (header[5] & 0xFFL) << 8 | (header[6] & 0xFFL) << 16
                                | (header[7] & 0xFFL) << 24
                        : (header[7] & 0xFFL) | (header[6] & 0xFFL) << 8 | (header[5] & 0xFFL) << 16
                                | (header[4] & 0xFFL) << 24) | (header[3] & 0xFFL) << 32;
                if (length < 8 || length > (64 << 20)) {
                    throw new IOException("not a kdb+ message: length " + length);
                }
                byte[] message = new byte[(int) length];
                System.arraycopy(header, 0, message, 0, 8);
                if (!readFully(in, message, 8, message.length - 8)) {
                    return;
                }
                forward(message, out, toServerSide);
            }
        } catch (IOException e) {
            // a side went away, or the proxy cut it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private void forward(byte[] message, OutputStream out, boolean toServerSide)
            throws IOException, InterruptedException {
        Fault fault = toServerSide ? toServer : toClient;
        if (fault != Fault.NONE) {
            faulted.incrementAndGet();
        }
        switch (fault) {
            case NONE -> out.write(message);
            case DELAY -> {
                Thread.sleep(delayMillis);
                out.write(message);
            }
            case SPLIT -> {
                for (int i = 0; i < message.length; i++) {
                    out.write(message[i]);
                    out.flush();
                    if (i % 64 == 63) {
                        Thread.sleep(1);
                    }
                }
            }
            case DUPLICATE -> {
                out.write(message);
                out.write(message);
            }
            case CORRUPT -> {
                byte[] bad = message.clone();
                int at;
                synchronized (random) {
                    at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 + random.nextInt(255));
                }
                out.write(bad);
            }
            case CUT -> {
                if (toServerSide) {
                    toServer = Fault.NONE;
                } else {
                    toClient = Fault.NONE;
                }
                out.write(message, 0, message.length / 2);
                out.flush();
                cutAll();
                throw new IOException("cut");
            }
        }
        out.flush();
    }

    private static boolean readFully(InputStream in, byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                return false;
            }
            off += n;
            len -= n;
        }
        return true;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
