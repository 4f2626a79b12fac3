package dev.q4j.ipc;

import java.io.IOException;
import java.time.Duration;

/**
 * Supplies transports for endpoints the JDK cannot reach on its own (Linux's abstract Unix sockets, through the
 * q4j-unix module). Found with {@link java.util.ServiceLoader}.
 *
 * <pre>{@code
 * public final class MyProvider implements TransportProvider {
 *     public boolean supports(Endpoint e) { return e instanceof Endpoint.AbstractUnix; }
 *     public Transport connect(Endpoint e, Duration timeout) throws IOException { ... }
 * }
 * }</pre>
 */
public interface TransportProvider {

    /**
     * {@return true when this provider can connect to it}
     *
     * @param endpoint an endpoint
     */
    boolean supports(Endpoint endpoint);

    /**
     * {@return the open transport}
     *
     * @param endpoint an endpoint {@link #supports(Endpoint)} accepted
     * @param timeout how long to wait for the connection
     * @throws IOException when the connection fails
     */
    Transport connect(Endpoint endpoint, Duration timeout) throws IOException;

    /**
     * {@return a listener on it, for servers}
     *
     * @param endpoint an endpoint {@link #supports(Endpoint)} accepted
     * @throws IOException when it cannot listen there
     */
    default Listener listen(Endpoint endpoint) throws IOException {
        throw new IOException(getClass().getName() + " cannot listen on " + endpoint);
    }
}
