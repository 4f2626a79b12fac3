package dev.q4j.server;

import dev.q4j.value.QValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Answers a client's sync requests (q's {@code .z.pg}). The reply may come later, from any thread (like kdb+'s
 * {@code -30!} deferred response): replies still go back in request order. Throwing, or completing the stage
 * exceptionally, replies with a q error: a {@link dev.q4j.QErrorException}'s text as is, any other exception's
 * message.
 *
 * <pre>{@code
 * RequestHandler echo = RequestHandler.sync((client, request) -> request);
 * RequestHandler later = (client, request) -> CompletableFuture.supplyAsync(() -> compute(request));
 * }</pre>
 */
@FunctionalInterface
public interface RequestHandler {

    /**
     * {@return the reply, now or later}
     *
     * @param client who asked
     * @param request the value sent (a string of q code, or a list {@code (f;x;y)}, ...)
     * @throws Exception to reply with a q error
     */
    CompletionStage<QValue> handle(ClientConnection client, QValue request) throws Exception;

    /**
     * {@return a handler replying at once}
     *
     * @param f computes the reply on the connection's reader thread
     */
    static RequestHandler sync(BiFunction<ClientConnection, QValue, QValue> f) {
        return (client, request) -> CompletableFuture.completedFuture(f.apply(client, request));
    }
}
