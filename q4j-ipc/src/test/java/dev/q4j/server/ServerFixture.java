package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a server test opens, per test, and what closes it after: the server's log captured, the server (its
 * connections kept by user as they open), and the clients the test made, closed in reverse order before the server
 * shuts down; the log capture ends last.
 *
 * <pre>{@code
 * @RegisterExtension
 * final ServerFixture fixture = new ServerFixture();
 * ...
 * QServer server = fixture.start(TestServers.loopback().requestHandler(TestServers.ECHO));
 * RawClient r = fixture.handshaken("ann", 0);
 * }</pre>
 */
final class ServerFixture implements BeforeEachCallback, AfterEachCallback {
    private final Map<String, ClientConnection> byUser = new ConcurrentHashMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private LogCapture log;
    private QServer server;

    @Override
    public void beforeEach(ExtensionContext context) {
        log = new LogCapture();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (server != null) {
            server.shutdown(Duration.ofSeconds(1));
        }
        log.close();
    }

    /**
     * {@return the server, started with the builder's settings; its connections are kept by user as they open}
     *
     * @param builder the server's settings, its {@code onOpen} left to the fixture
     */
    QServer start(ServerOptions.Builder builder) throws IOException {
        server = QServer.start(builder.onOpen(c -> byUser.put(c.user(), c)).build());
        return server;
    }

    /** {@return the resource, to be closed after the test (before the server shuts down)} */
    <T extends AutoCloseable> T closeAfter(T resource) {
        toClose.add(resource);
        return resource;
    }

    /** {@return the server's log, captured during this test} */
    LogCapture log() {
        return log;
    }

    /** {@return the server's connections, by user, as they opened} */
    Map<String, ClientConnection> byUser() {
        return byUser;
    }

    /** {@return the server's connection of the user} */
    ClientConnection connection(String user) {
        return byUser.get(user);
    }

    /** {@return a raw client past a good handshake as {@code user}, once the server has its connection} */
    RawClient handshaken(String user) throws IOException, InterruptedException {
        return handshaken(user, 0);
    }

    /**
     * {@return a raw client past a good handshake as {@code user}, once the server has its connection}
     *
     * @param receiveBuffer the client's socket receive buffer in bytes, or 0 for the system's default
     */
    RawClient handshaken(String user, int receiveBuffer) throws IOException, InterruptedException {
        RawClient r = closeAfter(RawClient.connect(server.port(), receiveBuffer));
        assertThat(r.handshake(user + ":pw", 3)).isEqualTo(3);
        TestServers.await(user + " connected", Duration.ofSeconds(5), () -> byUser.containsKey(user));
        return r;
    }
}
