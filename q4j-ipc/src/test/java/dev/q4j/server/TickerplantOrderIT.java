package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.text.QText;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QTable;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * While updates pour in, a new subscriber always gets the answer to its {@code .u.sub} before its first update, as
 * with kdb+'s single-threaded tick.q (a q rdb sets its tables from that answer).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TickerplantOrderIT {

    @Test
    void theSubscribeReplyComesBeforeAnyUpdate() throws Exception {
        QTable rows = (QTable) QText.parse("([] sym:`a`b; px:1 2f)");
        try (Tickerplant tp = Tickerplant.start(TestServers.loopback(), Map.of("trade", rows))) {
            AtomicBoolean publishing = new AtomicBoolean(true);
            Thread feed = new Thread(() -> {
                while (publishing.get()) {
                    tp.publish("trade", rows);
                }
            });
            feed.start();
            try {
                byte[] sub = new Encoder().encode(MessageType.SYNC, QCharVector.of(".u.sub[`trade;`]"));
                for (int i = 0; i < 50; i++) {
                    try (RawClient c = RawClient.connect(tp.server().port())) {
                        c.handshake("", 3);
                        c.write(sub);
                        QMessage first = c.read();
                        assertThat(first.type()).as("subscriber %d's first message", i)
                                .isEqualTo(MessageType.RESPONSE);
                        QMessage second = c.read();
                        assertThat(second.type()).isEqualTo(MessageType.ASYNC);
                    }
                }
            } finally {
                publishing.set(false);
                feed.join(5000);
            }
        }
    }

    @Test
    void aSubscriberThatOnlyReceivesIsNotIdle() throws Exception {
        QTable rows = (QTable) QText.parse("([] sym:`a`b; px:1 2f)");
        try (Tickerplant tp = Tickerplant.start(TestServers.loopback().idleTimeout(java.time.Duration.ofMillis(300)),
                Map.of("trade", rows))) {
            java.util.List<dev.q4j.value.QValue> got = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (dev.q4j.client.QConnection sub = dev.q4j.client.QConnection.connect(
                    TestServers.options(tp.server()).listener(m -> got.add(m.value())).build())) {
                sub.query(".u.sub[`trade;`]");
                for (int i = 0; i < 20; i++) {
                    tp.publish("trade", rows);
                    Thread.sleep(50);
                }
                TestServers.await("all 20 updates", java.time.Duration.ofSeconds(5), () -> got.size() == 20);
                assertThat(sub.isOpen()).isTrue();
                assertThat(tp.server().clients()).hasSize(1);
            }
        }
    }

    @Test
    void kdbTicksRdbSubscribesUnchanged() throws Exception {
        QTable rows = (QTable) QText.parse("([] sym:`a`b; px:1 2f)");
        try (Tickerplant tp = Tickerplant.start(TestServers.loopback(), Map.of("trade", rows));
                dev.q4j.client.QConnection rdb = dev.q4j.client.QConnection.connect(
                        TestServers.options(tp.server()).build())) {
            // r.q: .u.rep .(hopen `$":",.u.x 0)"(.u.sub[`;`];`.u `i`L)"
            dev.q4j.value.QValue answer = rdb.query("(.u.sub[`;`];`.u `i`L)");
            // one (name;schema) pair per table, as tick.q's .u.sub each t gives
            assertThat(answer).hasToString("(,(`trade;+`sym`px!(`symbol$();`float$()));(0N;`))");
            assertThat(rdb.query(".u.i")).isEqualTo(dev.q4j.value.QLong.NULL);
        }
    }
}
