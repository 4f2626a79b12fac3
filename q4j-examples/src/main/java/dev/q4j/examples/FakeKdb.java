package dev.q4j.examples;

import dev.q4j.QErrorException;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for a kdb+ process, so that the examples run without one: a q4j {@link QServer} on a free port of
 * {@code localhost} that answers the sync requests it is given, each named by its q text ({@link QText#print}: a
 * query {@code "til 10"} is {@code "\"til 10\""}, a call {@code ("{x+y}";1;2)}), with the answer kdb+ would give;
 * it answers {@code h""} (an empty string) with {@code ::}, anything else with {@code 'nyi}, and keeps every async
 * message it receives. It accepts any user and password.
 *
 * <pre>{@code
 * try (FakeKdb kdb = FakeKdb.start(Map.of("\"til 3\"", QLongVector.of(0, 1, 2)));
 *      QConnection q = QConnection.connect("localhost:" + kdb.port())) {
 *     q.query("til 3");   // 0 1 2
 * }
 * }</pre>
 */
public final class FakeKdb implements AutoCloseable {
    private final Map<String, QValue> answers;
    private final List<QValue> received = new CopyOnWriteArrayList<>();
    private final QServer server;

    private FakeKdb(Map<String, QValue> answers) throws IOException {
        this.answers = Map.copyOf(answers);
        server = QServer.start(ServerOptions.builder(0).bind("localhost")
                .requestHandler(RequestHandler.sync((client, request) -> answer(request)))
                .asyncHandler((client, message) -> received.add(message))
                .build());
    }

    /**
     * Starts one.
     *
     * @param answers the q text of each request it answers, and its answer
     * @return the running server
     * @throws IOException when it cannot listen
     */
    public static FakeKdb start(Map<String, QValue> answers) throws IOException {
        return new FakeKdb(answers);
    }

    /** {@return the port it listens on, on {@code localhost}} */
    public int port() {
        return server.port();
    }

    /** {@return the async messages received so far, oldest first} */
    public List<QValue> received() {
        return List.copyOf(received);
    }

    private QValue answer(QValue request) {
        if (request instanceof QCharVector text && text.count() == 0) {
            return Q.NIL;
        }
        String q = QText.print(request);
        QValue answer = answers.get(q);
        if (answer == null) {
            throw new QErrorException("nyi: this stand-in for kdb+ answers only " + answers.keySet());
        }
        return answer;
    }

    /** Stops it, closing its connections. */
    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(1));
    }
}
