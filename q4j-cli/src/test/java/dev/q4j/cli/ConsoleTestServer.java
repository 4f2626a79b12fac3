package dev.q4j.cli;

import dev.q4j.QErrorException;
import dev.q4j.server.Authenticator;
import dev.q4j.server.QServer;
import dev.q4j.server.ServerOptions;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A q4j server on a loopback port standing in for q, for the console tests. It records the text of each request and
 * answers:
 *
 * <ul>
 *   <li>{@code trade}: {@code ([] sym:`IBM`MSFT; px:1.5 2.25)}; {@code ktrade}: the same keyed on sym;
 *   <li>{@code sleep MS}: {@code `done}, after MS milliseconds;
 *   <li>{@code lose}: no answer: the server drops the connection;
 *   <li>{@code 'TEXT}: the q error {@code 'TEXT};
 *   <li>{@code quote TEXT}: TEXT as a string; {@code NAME:TEXT}: what TEXT gets;
 *   <li>anything else: the value of its q text if q4j reads it ({@code 1 2 3}, {@code `a`b!1 2}), else
 *       {@code 'parse}.
 * </ul>
 *
 * <p>{@code main} runs one on a given port, for trying the console by hand.
 */
final class ConsoleTestServer implements AutoCloseable {
    final QServer server;
    /** the text of each request, in order */
    final List<String> queries = new CopyOnWriteArrayList<>();
    /** connections opened so far */
    final AtomicInteger connections = new AtomicInteger();

    private ConsoleTestServer(int port, Authenticator authenticator) throws IOException {
        server = QServer.start(ServerOptions.builder(port).bind("127.0.0.1")
                .authenticator(authenticator)
                .onOpen(c -> connections.incrementAndGet())
                .requestHandler((client, request) -> {
                    String text = request instanceof QCharVector s ? s.asString() : QText.print(request);
                    queries.add(text);
                    if (text.equals("lose")) {
                        client.close();
                        return new CompletableFuture<>();
                    }
                    if (text.startsWith("sleep ")) {
                        long ms = Long.parseLong(text.substring(6).strip());
                        return CompletableFuture.supplyAsync(() -> (QValue) QSymbol.of("done"),
                                CompletableFuture.delayedExecutor(ms, TimeUnit.MILLISECONDS));
                    }
                    return CompletableFuture.completedFuture(answer(text));
                })
                .build());
    }

    static ConsoleTestServer start() throws IOException {
        return new ConsoleTestServer(0, Authenticator.ALLOW_ALL);
    }

    static ConsoleTestServer start(Authenticator authenticator) throws IOException {
        return new ConsoleTestServer(0, authenticator);
    }

    private static QValue answer(String text) {
        if (text.startsWith("'")) {
            throw new QErrorException(text.substring(1));
        }
        if (text.startsWith("quote ")) {
            return QCharVector.of(text.substring(6));
        }
        java.util.regex.Matcher assignment = java.util.regex.Pattern.compile("[a-z]+:(.*)").matcher(text);
        if (assignment.matches()) {
            return answer(assignment.group(1));
        }
        switch (text.strip()) {
            case "trade":
                return trades();
            case "ktrade":
                return QKeyedTable.of(QTable.of(List.of("sym"), List.of(QSymbolVector.of("IBM", "MSFT"))),
                        QTable.of(List.of("px"), List.of(QFloatVector.of(1.5, 2.25))));
            default:
                try {
                    return QText.parse(text);
                } catch (QTextException e) {
                    throw new QErrorException("parse");
                }
        }
    }

    static QTable trades() {
        return QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("IBM", "MSFT"), QFloatVector.of(1.5, 2.25)));
    }

    /** @return {@code 127.0.0.1:PORT} */
    String address() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.shutdown(Duration.ZERO);
    }

    /**
     * Runs a server until killed.
     *
     * @param args the port
     */
    public static void main(String[] args) throws Exception {
        ConsoleTestServer s = new ConsoleTestServer(Integer.parseInt(args[0]), Authenticator.ALLOW_ALL);
        System.out.println("listening on " + s.address());
        s.server.awaitShutdown();
    }
}
