package dev.q4j.examples;

// readme:begin
import dev.q4j.server.*;
// readme:end
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import java.time.Duration;

/**
 * The README's server: an echo service with a login, a greeting for each client and a push to all, serving a q4j
 * client here as it would q ({@code h:hopen `::PORT:user:secret}).
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.ServeExample}
 */
public final class ServeExample {
    private ServeExample() {
    }

    /**
     * Runs it on a free port of 127.0.0.1, printing what the server and its client see.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        int port = 0;   // a free one (q -p 5000 would listen on 5000)
        // readme:begin
        QServer server = QServer.start(ServerOptions.builder(port)
                .bind("127.0.0.1")                                  // local clients only; without it, every interface
                .authenticator(Authenticator.single("user", "secret"))
                .requestHandler(RequestHandler.sync((client, request) -> request))   // echo (QErrorException: 'err)
                .onOpen(client -> System.out.println("hello " + client.user()))
                .build());
        // q)h:hopen `::5000:user:secret; h(1;`a)     / (1;`a)
        QConnection q = ask(server.port());                         // readme:hide
        server.broadcast(QList.of(QSymbol.of("upd"), QSymbol.of("news"), Q.string("...")));   // push to all
        q.sync();                                                   // readme:hide
        q.close();                                                  // readme:hide
        server.shutdown(Duration.ofSeconds(5));                     // in-flight requests finish first
        // readme:end
    }

    /** {@return a client like the q session in the comment, having asked for {@code (1;`a)}} */
    private static QConnection ask(int port) {
        QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", port)
                .credentials("user", "secret")
                .listener(m -> System.out.println("pushed: " + m.value()))
                .build());
        System.out.println("h(1;`a): " + q.execute(QText.parse("(1;`a)")));
        return q;
    }
}
