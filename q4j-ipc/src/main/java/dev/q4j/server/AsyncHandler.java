package dev.q4j.server;

import dev.q4j.value.QValue;

/**
 * Receives a client's async messages (q's {@code .z.ps}), such as a publisher's {@code .u.upd}. Runs on the
 * connection's reader thread; an exception is logged and the connection goes on.
 *
 * <pre>{@code
 * AsyncHandler log = (client, message) -> System.out.println(client.user() + ": " + message);
 * }</pre>
 */
@FunctionalInterface
public interface AsyncHandler {

    /**
     * Handles one async message.
     *
     * @param client who sent it
     * @param message the value sent
     * @throws Exception to have it logged
     */
    void handle(ClientConnection client, QValue message) throws Exception;
}
