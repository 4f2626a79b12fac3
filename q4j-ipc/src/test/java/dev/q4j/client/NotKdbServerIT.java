package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A peer that answers the handshake with a byte kdb+ never sends is refused, not talked to. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NotKdbServerIT {

    @Test
    void aTlsAlertInsteadOfACapabilityIsRefusedClearly() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = ss.accept()) {
                    InputStream in = s.getInputStream();
                    while (in.read() > 0) {
                        // read up to the handshake's NUL
                    }
                    s.getOutputStream().write(0x15);   // what a TLS port sends back: an alert record
                    s.getOutputStream().flush();
                    in.read();
                } catch (Exception ignored) {
                    // the client hangs up
                }
            });
            server.start();
            ConnectionOptions options = ConnectionOptions.builder("127.0.0.1", ss.getLocalPort())
                    .connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> QConnection.connect(options))
                    .isInstanceOf(QConnectionException.class)
                    .isNotInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("answered the handshake with byte 21")
                    .hasMessageContaining("TLS port");
            server.join(5000);
            assertThat(server.isAlive()).isFalse();
        }
    }
}
