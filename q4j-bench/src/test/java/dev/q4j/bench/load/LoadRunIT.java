package dev.q4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness works against every server kind: a tiny configuration (5 sync clients x 20 requests, a
 * pipelined client, one hostile client of each kind) comes back complete and in order, the hostile clients did
 * connect, and each server (a JVM of its own) is stopped at the end.
 */
class LoadRunIT {
    private static final LoadRun.Config TINY =
            new LoadRun.Config(5, 20, 5, 50, 1, 7, 1, 1, 20, 5000, List.of("-Xmx256m"));

    @Test
    void q4jServerAnswersEveryRequestInOrderUnderAttack() throws Exception {
        check(LoadRun.run(LoadServer.Kind.Q4J, TINY));
    }

    @Test
    void javakdbServerAnswersEveryRequestInOrderUnderAttack() throws Exception {
        check(LoadRun.run(LoadServer.Kind.JAVAKDB, TINY));
    }

    @Test
    void neutralServerAnswersEveryRequestUnderAttack() throws Exception {
        check(LoadRun.run(LoadServer.Kind.NEUTRAL, TINY));
    }

    private static void check(LoadRun.Result r) {
        String report = LoadMain.format(r);
        assertThat(r.expected()).as(report).isEqualTo(6 * 20);
        assertThat(r.ok()).as(report).isEqualTo(r.expected());
        assertThat(r.lost()).as(report).isZero();
        assertThat(r.misordered()).as(report).isZero();
        assertThat(r.malformed()).as(report).isZero();
        assertThat(r.notRun()).as(report).isZero();
        assertThat(r.refused()).as(report).isZero();
        assertThat(r.errors()).as(report).isEmpty();
        assertThat(r.latencyNanos()).as(report).hasSize(5 * 20);
        for (long[] counts : r.hostile().values()) {
            assertThat(counts[0]).as("connections of each hostile kind: " + report).isPositive();
        }
        assertThat(r.complete()).as(report).isTrue();
    }
}
