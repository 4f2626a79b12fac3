package dev.q4j.testing.servers;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every test server here shares: one daemon thread accepting connections one at a time and serving each with
 * the test's script; whatever a script throws (other than what the subclass says is the client going away) is kept
 * and rethrown by {@link #close()}, so that no test passes over a broken server.
 *
 * <p>A subclass says how to accept a connection, how to close one and the listener, and which failures are expected;
 * it calls {@link #start()} at the end of its constructor. For example, with {@link RawServer}:
 *
 * <pre>{@code
 * try (RawServer server = RawServer.tcp(peer -> { peer.handshake(3); peer.reply(peer.read().value()); })) {
 *     // connect to 127.0.0.1:server.port()
 * }   // stops the server and rethrows what its script threw
 * }</pre>
 *
 * @param <C> one accepted connection, as the script sees it
 */
public abstract class ScriptedServer<C> implements AutoCloseable {
    private final Thread thread;
    private final List<C> connections = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    /**
     * A server whose thread is not started yet.
     *
     * @param threadName the name of the serving thread
     */
    protected ScriptedServer(String threadName) {
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts serving: the last thing a subclass's constructor does. */
    protected final void start() {
        thread.start();
    }

    /**
     * Waits for the next connection.
     *
     * @return the connection, or null to go on waiting (a handshake the server refused)
     * @throws IOException when accepting fails; once the server is closed, this ends the serving thread
     */
    protected abstract C accept() throws IOException;

    /**
     * Runs the test's script over one connection.
     *
     * @param connection the accepted connection
     * @throws Exception whatever the script throws
     */
    protected abstract void serve(C connection) throws Exception;

    /**
     * Closes one connection, quietly.
     *
     * @param connection the connection
     */
    protected abstract void closeConnection(C connection);

    /**
     * Closes the listening socket, which ends a pending {@link #accept()}.
     *
     * @throws IOException if closing fails
     */
    protected abstract void closeListener() throws IOException;

    /**
     * Says whether a script's failure is part of the test (the client went away), not a failure of the server.
     *
     * @param connection the connection the script served
     * @param failure what the script threw
     * @return true to drop it
     */
    protected abstract boolean expected(C connection, Throwable failure);

    /**
     * Called when a connection's script ended, however it ended; nothing by default.
     *
     * @param connection the connection
     */
    protected void served(C connection) {
    }

    /**
     * Keeps a failure for {@link #close()} to rethrow.
     *
     * @param failure what went wrong on the serving thread
     */
    protected final void fail(Throwable failure) {
        failures.add(failure);
    }

    /** {@return true once {@link #close()} began} */
    protected final boolean closed() {
        return closed;
    }

    /** {@return how many connections were accepted so far} */
    public int accepted() {
        return accepted.get();
    }

    private void run() {
        while (!closed) {
            C connection;
            try {
                connection = accept();
            } catch (IOException e) {
                if (!closed) {
                    failures.add(e);
                }
                return;
            }
            if (connection == null) {
                continue;
            }
            accepted.incrementAndGet();
            connections.add(connection);
            try {
                serve(connection);
            } catch (Throwable t) {
                if (!closed && !expected(connection, t)) {
                    failures.add(t);
                }
            } finally {
                served(connection);
                closeConnection(connection);
            }
        }
    }

    /**
     * Stops the server: closes the listener and every connection, waits for the serving thread, and rethrows the
     * first failure of a script (the others suppressed by it).
     *
     * @throws IOException if closing the listener fails
     * @throws AssertionError if a script failed or the serving thread did not stop within 5 seconds
     */
    @Override
    public void close() throws IOException {
        closed = true;
        closeListener();
        for (C c : connections) {
            closeConnection(c);
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closedAndStopped();
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " thread did not stop");
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(thread.getName() + " failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /**
     * Called by {@link #close()} after the serving thread ended (or did not within its time), before failures are
     * reported: where a subclass removes what it left behind; nothing by default.
     *
     * @throws IOException if that fails
     */
    protected void closedAndStopped() throws IOException {
    }
}
