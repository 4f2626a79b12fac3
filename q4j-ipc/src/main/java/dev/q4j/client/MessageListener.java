package dev.q4j.client;

import dev.q4j.codec.QMessage;

/**
 * Receives the messages a server pushes (a tickerplant's {@code upd} after {@code .u.sub}), on the connection's
 * delivery thread, never on the thread that reads the socket. An exception it throws goes to the connection's error
 * handler; delivery goes on.
 *
 * <pre>{@code
 * ConnectionOptions options = ConnectionOptions.builder("localhost", 5010)
 *         .listener(m -> System.out.println(m.value()))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface MessageListener {

    /**
     * Called with each async message the server sends.
     *
     * @param message an async message from the server
     */
    void onMessage(QMessage message);
}
