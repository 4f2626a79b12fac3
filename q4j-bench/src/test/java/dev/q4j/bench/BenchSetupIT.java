package dev.q4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.value.QTable;
import org.junit.jupiter.api.Test;

/** The benchmarks' neutral server, over loopback: both clients get the same reply. */
class BenchSetupIT {

    @Test
    void theNeutralServerAnswersBothClientsWithTheSameReply() throws Exception {
        QTable small = (QTable) Data.value("small");
        try (NeutralServer server = new NeutralServer(Data.message(small));
                QConnection q4j = QConnection.connect(ConnectionOptions.of("127.0.0.1:" + server.port()))) {
            c kx = new c("127.0.0.1", server.port());
            try {
                assertThat(q4j.query(NetworkBench.QUERY)).isEqualTo(small);
                BenchSetupTest.assertSameTable(small, (c.Flip) kx.k(NetworkBench.QUERY));
                // pipelined: every reply arrives, in order
                var last = q4j.queryAsync(NetworkBench.QUERY);
                for (int i = 0; i < 999; i++) {
                    last = q4j.queryAsync(NetworkBench.QUERY);
                }
                assertThat(last.get()).isEqualTo(small);
                // and a connection without a reader thread, as the sync benchmark also uses
                try (QConnection direct = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                        .readerThread(false).build())) {
                    assertThat(direct.query(NetworkBench.QUERY)).isEqualTo(small);
                    assertThat(direct.query(NetworkBench.QUERY)).isEqualTo(small);
                }
            } finally {
                kx.close();
            }
        }
    }
}
