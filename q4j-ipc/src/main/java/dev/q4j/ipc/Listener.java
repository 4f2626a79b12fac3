package dev.q4j.ipc;

import java.io.Closeable;
import java.io.IOException;

/**
 * A listening socket that hands out a {@link Transport} per accepted connection: what servers accept clients on.
 *
 * <pre>{@code
 * try (Listener l = Transports.listen(Endpoint.tcp("127.0.0.1", 0), null)) {
 *     Transport client = l.accept();
 * }
 * }</pre>
 */
public interface Listener extends Closeable {

    /**
     * Waits for the next connection.
     *
     * @return its transport
     * @throws IOException when the listener is closed or accepting fails
     */
    Transport accept() throws IOException;

    /** {@return where it listens; for TCP the actual port, even when 0 was asked for} */
    Endpoint endpoint();

    /** Stops listening; a blocked {@link #accept()} fails. Idempotent. */
    @Override
    void close() throws IOException;
}
