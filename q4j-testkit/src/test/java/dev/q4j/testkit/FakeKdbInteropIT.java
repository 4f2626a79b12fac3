package dev.q4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.testing.tools.NodeProject;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake kdb+ with independent clients: KX's javakdb and node-q, each as its users would use it. */
class FakeKdbInteropIT {
    private static final QTable TRADES = QTable.of(List.of("sym", "px"),
            List.of(QSymbolVector.of("IBM"), QFloatVector.of(101.5)));

    @Test
    void javakdbQueriesCallsPublishesAndGetsQErrors() throws Exception {
        try (FakeKdb fake = FakeKdb.builder().credentials("svc", "pw").lenient().start()) {
            fake.when("count trade").thenReturn(42L);
            fake.whenCall(".api.trades", "IBM", LocalDate.of(2024, 1, 2)).thenReturn(TRADES);
            c k = new c("127.0.0.1", fake.port(), "svc:pw");
            try {
                assertThat(k.k("count trade")).isEqualTo(42L);
                c.Flip t = (c.Flip) k.k(".api.trades", "IBM", LocalDate.of(2024, 1, 2));
                assertThat(t.x).containsExactly("sym", "px");
                assertThat((String[]) t.y[0]).containsExactly("IBM");
                assertThat((double[]) t.y[1]).containsExactly(101.5);
                assertThatThrownBy(() -> k.k("count quote")).isInstanceOf(c.KException.class)
                        .hasMessageContaining("nyi: the fake kdb+ has no stub for \"count quote\"");
                k.ks(".u.upd", "trade", new c.Flip(new c.Dict(new String[] {"sym", "px"},
                        new Object[] {new String[] {"IBM"}, new double[] {101.5}})));
            } finally {
                k.close();
            }
            fake.verify(Match.call(".u.upd", "trade", TRADES).async());
            assertThat(fake.updates("trade")).containsExactly(TRADES);
            assertThat(fake.unmatched()).extracting(Received::user).containsExactly("svc");
        }
    }

    @Test
    void aJavakdbSubscriberGetsThePublishedRows() throws Exception {
        QTable empty = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of(), QFloatVector.of()));
        try (FakeKdb fake = FakeKdb.start().tickerplant(Map.of("trade", empty))) {
            c k = new c("127.0.0.1", fake.port());
            try {
                Object[] sub = (Object[]) k.k(".u.sub", "trade", "");
                assertThat(sub[0]).isEqualTo("trade");
                fake.awaitSubscribers("trade", 1);
                assertThat(fake.publish("trade", TRADES)).isEqualTo(1);
                Object[] upd = (Object[]) k.k();
                assertThat(upd[0]).isEqualTo("upd");
                assertThat(upd[1]).isEqualTo("trade");
                assertThat((double[]) ((c.Flip) upd[2]).y[1]).containsExactly(101.5);
            } finally {
                k.close();
            }
        }
    }

    @Test
    void nodeqQueriesTheFake() throws Exception {
        Path project = NodeProject.installed("interop/nodeq", "node-q");
        try (FakeKdb fake = FakeKdb.builder().lenient().start()) {
            fake.when("count trade").thenReturn(42L);
            fake.when("select from trade").thenReturn(TRADES);
            fake.when("fail").thenError("type");
            List<String> lines = NodeProject.run(project, List.of("node", "query.js", String.valueOf(fake.port()),
                    "count trade", "select from trade", "fail", "unknown"), Duration.ofSeconds(60), "node-q");
            assertThat(lines).containsExactly(
                    "\"count trade\"\t42",
                    "\"select from trade\"\t[{\"sym\":\"IBM\",\"px\":101.5}]",
                    "\"fail\"\t{\"error\":\"type\"}",
                    "\"unknown\"\t{\"error\":\"nyi: the fake kdb+ has no stub for \\\"unknown\\\"\"}");
            fake.verifyExactly(Match.query("count trade"), Match.query("select from trade"), Match.query("fail"),
                    Match.query("unknown"));
            assertThat(fake.received()).extracting(Received::kind).containsOnly(Received.Kind.SYNC);
        }
    }
}
