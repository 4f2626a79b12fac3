package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.ipc.Endpoint;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.testing.tools.SelfSignedCertificate;
import dev.q4j.value.QLongVector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URL's transports: TLS with a trust store of the URL's, and a Unix socket file. */
class TransportsIT {
    @TempDir
    Path dir;

    private static long sum(Connection c) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery("til 4")) {
            long sum = 0;
            while (rs.next()) {
                sum += rs.getLong(1);
            }
            return sum;
        }
    }

    @Test
    void tlsWithTheUrlsTrustStoreAndNotWithoutIt() throws Exception {
        SelfSignedCertificate localhost = SelfSignedCertificate.make(dir, "localhost", "dns:localhost,ip:127.0.0.1");
        QServer server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1").tls(localhost.serverContext())
                .requestHandler(RequestHandler.sync((client, request) -> QLongVector.of(0, 1, 2, 3))).build());
        try {
            String url = "jdbc:q4j://localhost:" + server.port();
            try (Connection c = DriverManager.getConnection(url + "?trustStore=" + localhost.trustStore()
                    + "&trustStorePassword=" + SelfSignedCertificate.PASSWORD)) {
                assertThat(sum(c)).isEqualTo(6);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url + "?tls=true"))
                    .as("the JDK's own trust does not know the certificate").isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        } finally {
            server.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void aUnixSocketFile() throws Exception {
        Path socket = dir.resolve("q.sock");
        QServer server = QServer.start(ServerOptions.builder(Endpoint.unix(socket))
                .requestHandler(RequestHandler.sync((client, request) -> QLongVector.of(0, 1, 2, 3))).build());
        try (Connection c = DriverManager.getConnection("jdbc:q4j:unix://" + socket)) {
            assertThat(sum(c)).isEqualTo(6);
        } finally {
            server.shutdown(Duration.ofSeconds(2));
        }
    }
}
