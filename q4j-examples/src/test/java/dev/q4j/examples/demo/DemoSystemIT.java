package dev.q4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.QLong;
import dev.q4j.value.QSymbolVector;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The demo's system on free loopback ports: everything the feed publishes reaches the RDB, each row's latency is
 * counted, and closing it leaves no thread or port behind. Opens sockets on 127.0.0.1 only.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DemoSystemIT {

    @Test
    void everyPublishedRowReachesTheRdbAndIsTimed() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        int tp;
        int rdb;
        try (DemoSystem demo = DemoSystem.start(0, 0, 2000, 1_000_000)) {
            tp = demo.tickerplantPort();
            rdb = demo.rdbPort();
            assertThat(demo.client().query("tables[]")).isEqualTo(QSymbolVector.of("quote", "trade"));
            demo.startFeed();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (demo.receivedRows() < 100 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            demo.drain(Duration.ofSeconds(10));

            long rows = demo.feed().rows();
            assertThat(rows).isGreaterThanOrEqualTo(100);
            assertThat(demo.tickerplant().rows()).isEqualTo(rows);
            assertThat(demo.received()).isEqualTo(demo.feed().messages());
            assertThat(demo.receivedRows()).isEqualTo(rows);
            assertThat(demo.latency().count()).isEqualTo(rows);
            long trades = ((QLong) demo.client().query("count trade")).value();
            long quotes = ((QLong) demo.client().query("count quote")).value();
            assertThat(trades + quotes).isEqualTo(rows);
            assertThat(demo.lastUpdate()).isNotNull();
            assertThat(demo.subscriberFailure()).isNull();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                    .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("q4j-")).toList();
            Thread.sleep(10);
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        assertThat(left).as("threads left").isEmpty();
        for (int port : new int[] {tp, rdb}) {
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName(DemoSystem.HOST))) {
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void aPortInUseIsAnErrorNamingTheServer() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName(DemoSystem.HOST))) {
            int port = taken.getLocalPort();

            assertThatThrownBy(() -> DemoSystem.start(port, 0, 1, 10)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("tickerplant: ").hasMessageContaining(String.valueOf(port));
            assertThatThrownBy(() -> DemoSystem.start(0, port, 1, 10)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith("RDB: ").hasMessageContaining(String.valueOf(port));
        }
    }
}
