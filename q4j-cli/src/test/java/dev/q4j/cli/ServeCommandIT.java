package dev.q4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnection;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code q4j serve} run in-process: it listens, serves real clients, and stops when interrupted. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ServeCommandIT {
    @Test
    void echoServesQ4jAndJavakdbClients() throws Exception {
        try (Cli.Running s = new Cli.Running("serve", "--port", "0", "--bind", "127.0.0.1", "--echo")) {
            assertThat(s.err.toString()).contains("(echo)");
            try (QConnection q = QConnection.connect(":" + s.port)) {
                assertThat(q.execute(QList.of(QLong.of(1), QSymbol.of("a")))).isEqualTo(QList.of(QLong.of(1),
                        QSymbol.of("a")));
            }
            c k = new c("127.0.0.1", s.port);
            try {
                assertThat((long[]) k.k(new long[] {1, 2, 3})).containsExactly(1, 2, 3);
            } finally {
                k.close();
            }
            assertThat(s.stop()).isEqualTo(Q4j.OK);
        }
    }

    @Test
    void authRejectsOtherCredentials() throws Exception {
        try (Cli.Running s = new Cli.Running("serve", "-p", "0", "--bind", "127.0.0.1", "--echo", "--auth", "u:p")) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder("127.0.0.1", s.port)
                    .credentials("u:wrong").build())).isInstanceOf(QAuthenticationException.class);
            try (QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", s.port)
                    .credentials("u:p").build())) {
                assertThat(q.query("x")).isEqualTo(dev.q4j.value.QCharVector.of("x"));
            }
            assertThat(s.stop()).isEqualTo(Q4j.OK);
        }
    }

    @Test
    void tickerplantPublishesToSubscribers() throws Exception {
        try (Cli.Running s = new Cli.Running("serve", "-p", "0", "--bind", "127.0.0.1", "--tickerplant")) {
            assertThat(s.err.toString()).contains("(tickerplant)");
            List<QValue> got = new CopyOnWriteArrayList<>();
            try (QConnection sub = QConnection.connect(ConnectionOptions.builder("127.0.0.1", s.port)
                    .listener(m -> got.add(m.value())).build());
                    QConnection pub = QConnection.connect(":" + s.port)) {
                sub.call(".u.sub", QSymbol.of("trade"), QSymbol.NULL);
                QTable rows = (QTable) dev.q4j.text.QText.parse("([] sym:`a`b; px:1.5 2.5)");
                for (int i = 0; i < 10; i++) {
                    pub.send(".u.upd", QSymbol.of("trade"), rows);
                }
                pub.sync();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (got.size() < 10 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertThat(got).hasSize(10).allMatch(v -> v.equals(QList.of(QSymbol.of("upd"), QSymbol.of("trade"),
                        rows)));
            }
            assertThat(s.stop()).isEqualTo(Q4j.OK);
        }
    }

    @Test
    void listensOnLoopbackByDefaultWithoutAWarning() throws Exception {
        try (Cli.Running s = new Cli.Running("serve", "--port", "0", "--echo")) {
            assertThat(s.err.toString()).contains("listening on 127.0.0.1:" + s.port).doesNotContain("warning");
            try (QConnection q = QConnection.connect(":" + s.port)) {
                assertThat(q.query("x")).isEqualTo(dev.q4j.value.QCharVector.of("x"));
            }
            assertThat(s.stop()).isEqualTo(Q4j.OK);
        }
    }

    @Test
    void aNonLoopbackAddressWithoutAuthIsWarnedAbout() {
        // (checked without binding: tests listen on loopback only)
        assertThat(ServeCommand.exposureWarning("0.0.0.0", null))
                .contains("0.0.0.0").contains("no --auth").contains("anyone");
        assertThat(ServeCommand.exposureWarning("192.0.2.7", null)).contains("192.0.2.7").contains("no --auth");
        assertThat(ServeCommand.exposureWarning("::", null)).contains("no --auth");
        assertThat(ServeCommand.exposureWarning("0.0.0.0", "u:p")).isNull();
        assertThat(ServeCommand.exposureWarning("127.0.0.1", null)).isNull();
        assertThat(ServeCommand.exposureWarning("localhost", null)).isNull();
        assertThat(ServeCommand.exposureWarning("::1", null)).isNull();
    }


    @Test
    void portInUseIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            Cli.Result r = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--bind", "127.0.0.1",
                    "--echo");
            assertThat(r.exitCode()).isEqualTo(Q4j.CONNECTION_FAILED);
            assertThat(r.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }
}
