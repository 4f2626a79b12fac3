package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.codec.MessageType;
import dev.q4j.codec.QMessage;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.Q;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The tickerplant service: subscribers (q4j, and javakdb standing in for a q process) call {@code .u.sub} with and
 * without sym filters, a q4j publisher sends {@code .u.upd} (async and sync, as a table and as a list of columns),
 * the service publishes from Java too; every subscriber gets exactly its rows, in order, none lost.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TickerplantIT {
    private static final String[] SYMS = {"A", "B", "C", "D"};
    private static final List<String> TRADE_COLUMNS = List.of("time", "sym", "price", "seq");
    private static final List<String> QUOTE_COLUMNS = List.of("time", "sym", "bid", "seq");

    private static String symOf(long seq) {
        return SYMS[(int) (seq % SYMS.length)];
    }

    /** Trades {@code first .. first+rows-1}: sym cycles A B C D, price is seq/4. */
    private static QTable trades(long first, int rows) {
        long[] seq = LongStream.range(first, first + rows).toArray();
        return QTable.of(TRADE_COLUMNS, List.of(
                QTimespanVector.wrap(LongStream.of(seq).map(s -> s * 1_000_000L).toArray()),
                QSymbolVector.wrap(LongStream.of(seq).mapToObj(TickerplantIT::symOf).toArray(String[]::new)),
                QFloatVector.wrap(LongStream.of(seq).mapToDouble(s -> s / 4.0).toArray()),
                QLongVector.wrap(seq)));
    }

    private static QTable emptyTable(List<String> names) {
        return QTable.of(names, List.of(QTimespanVector.EMPTY, QSymbolVector.EMPTY, QFloatVector.EMPTY,
                QLongVector.EMPTY));
    }

    /** A q4j subscriber's inbox: the (`upd;table;rows) messages it got. */
    private static final class Inbox {
        final List<QMessage> messages = new CopyOnWriteArrayList<>();

        /** @return the seq column of every row received for {@code table}, checking each message's shape */
        List<Long> seqs(String table) {
            List<Long> out = new ArrayList<>();
            for (QMessage m : messages) {
                assertThat(m.type()).isEqualTo(MessageType.ASYNC);
                QList upd = (QList) m.value();
                assertThat(upd.count()).isEqualTo(3);
                assertThat(upd.at(0)).isEqualTo(QSymbol.of("upd"));
                if (!upd.at(1).equals(QSymbol.of(table))) {
                    continue;
                }
                QTable rows = (QTable) upd.at(2);
                assertThat(rows.count()).as("no empty updates are sent").isPositive();
                assertThat(rows.column("time")).isInstanceOf(QTimespanVector.class);
                long[] seq = ((QLongVector) rows.column("seq")).toArray();
                QSymbolVector sym = (QSymbolVector) rows.column("sym");
                for (int i = 0; i < seq.length; i++) {
                    assertThat(sym.get(i)).isEqualTo(symOf(seq[i]));
                    out.add(seq[i]);
                }
            }
            return out;
        }

        int rows() {
            int n = 0;
            for (QMessage m : messages) {
                n += ((QTable) ((QList) m.value()).at(2)).count();
            }
            return n;
        }
    }

    private static List<Long> expected(long count, LongPredicate keep) {
        return LongStream.range(0, count).filter(keep).boxed().collect(Collectors.toList());
    }

    @Test
    void subscribersGetExactlyTheirRowsInOrder() throws Exception {
        int javaUpdates = 200;
        int quoteUpdates = 50;
        int serviceUpdates = 100;
        int rowsPerTrade = 5;
        long trades = (long) (javaUpdates + serviceUpdates) * rowsPerTrade;
        long quotes = quoteUpdates * 2L;
        Tickerplant tp = Tickerplant.start(TestServers.loopback(), Map.of(
                "trade", trades(0, 1), "quote", emptyTable(QUOTE_COLUMNS)));
        Inbox ab = new Inbox();
        Inbox all = new Inbox();
        Inbox every = new Inbox();
        Inbox quoteC = new Inbox();
        Inbox none = new Inbox();
        List<QConnection> clients = new ArrayList<>();
        c javakdb = null;
        try {
            QServer server = tp.server();
            QConnection subAb = connect(server, ab, clients);
            QConnection subAll = connect(server, all, clients);
            QConnection subEvery = connect(server, every, clients);
            QConnection subQuoteC = connect(server, quoteC, clients);
            connect(server, none, clients).sync();
            QConnection publisher = connect(server, new Inbox(), clients);

            // .u.sub[`trade;`A`B]: the answer is (table name; empty table of its schema)
            assertThat(subAb.call(".u.sub", "trade", new String[] {"A", "B"}))
                    .isEqualTo(QList.of(QSymbol.of("trade"), emptyTable(TRADE_COLUMNS)));
            assertThat(subAll.call(".u.sub", "trade", "")).isEqualTo(QList.of(QSymbol.of("trade"),
                    emptyTable(TRADE_COLUMNS)));
            // .u.sub[`;`]: every table, answered with a (name; schema) pair each
            QList pairs = (QList) subEvery.call(".u.sub", "", "");
            assertThat(pairs.items()).containsExactlyInAnyOrder(
                    QList.of(QSymbol.of("trade"), emptyTable(TRADE_COLUMNS)),
                    QList.of(QSymbol.of("quote"), emptyTable(QUOTE_COLUMNS)));
            // the text form a q client may send
            assertThat(subQuoteC.query(".u.sub[`quote;`C]")).isEqualTo(QList.of(QSymbol.of("quote"),
                    emptyTable(QUOTE_COLUMNS)));
            // javakdb as a q subscriber would: h(".u.sub";`trade;enlist`D)
            javakdb = new c("127.0.0.1", server.port(), "kdb:sub");
            javakdb.s.setSoTimeout(10_000);
            Object[] answer = (Object[]) javakdb.k(".u.sub", "trade", new String[] {"D"});
            assertThat(answer[0]).isEqualTo("trade");
            assertThat(((c.Flip) answer[1]).x).containsExactlyElementsOf(TRADE_COLUMNS);
            assertThat(tp.subscribers()).isEqualTo(5);

            // the feed: async .u.upd with tables, then sync .u.upd with a list of columns (time added by the tp)
            for (int u = 0; u < javaUpdates; u++) {
                publisher.send(".u.upd", "trade", trades((long) u * rowsPerTrade, rowsPerTrade));
            }
            for (int u = 0; u < quoteUpdates; u++) {
                long s0 = 2L * u;
                QValue columns = QList.of(QSymbolVector.of(symOf(s0), symOf(s0 + 1)),
                        QFloatVector.of(s0 / 2.0, (s0 + 1) / 2.0), QLongVector.of(s0, s0 + 1));
                assertThat(publisher.call(".u.upd", "quote", columns)).isEqualTo(Q.NIL);
            }
            publisher.sync();
            // then the service itself publishes
            for (int u = javaUpdates; u < javaUpdates + serviceUpdates; u++) {
                assertThat(tp.publish("trade", trades((long) u * rowsPerTrade, rowsPerTrade))).isEqualTo(4);
            }

            TestServers.await("every subscriber has all its rows", Duration.ofSeconds(10), () ->
                    ab.rows() == trades / 2 && all.rows() == trades && every.rows() == trades + quotes
                            && quoteC.rows() == quotes / 4);
            assertThat(ab.seqs("trade")).isEqualTo(expected(trades, s -> s % 4 < 2));
            assertThat(all.seqs("trade")).isEqualTo(expected(trades, s -> true));
            assertThat(every.seqs("trade")).isEqualTo(expected(trades, s -> true));
            assertThat(every.seqs("quote")).isEqualTo(expected(quotes, s -> true));
            assertThat(quoteC.seqs("quote")).isEqualTo(expected(quotes, s -> s % 4 == 2));
            assertThat(quoteC.seqs("trade")).isEmpty();
            // the time column the tickerplant added to column lists
            QTable firstQuote = (QTable) ((QList) every.messages.stream()
                    .filter(m -> ((QList) m.value()).at(1).equals(QSymbol.of("quote"))).findFirst().orElseThrow()
                    .value()).at(2);
            assertThat(firstQuote.columnNames()).isEqualTo(QUOTE_COLUMNS);
            assertThat(firstQuote.column("time").type()).isEqualTo(QType.TIMESPAN);

            // the javakdb subscriber: the D rows, in order
            List<Long> d = new ArrayList<>();
            while (d.size() < trades / 4) {
                Object[] upd = (Object[]) javakdb.k();
                assertThat(upd[0]).isEqualTo("upd");
                assertThat(upd[1]).isEqualTo("trade");
                c.Flip rows = (c.Flip) upd[2];
                for (long s : (long[]) rows.at("seq")) {
                    d.add(s);
                }
                assertThat((String[]) rows.at("sym")).containsOnly("D");
            }
            assertThat(d).isEqualTo(expected(trades, s -> s % 4 == 3));

            assertThat(none.messages).isEmpty();
            assertThat(tp.updates()).isEqualTo(javaUpdates + quoteUpdates + serviceUpdates);
            assertThat(tp.rows()).isEqualTo(trades + quotes);
            // each trade update reaches 4 subscribers; quote updates alternate A B / C D
            assertThat(tp.messagesSent()).isEqualTo(4L * (javaUpdates + serviceUpdates) + quoteUpdates
                    + quoteUpdates / 2);

            // a subscriber that goes away is forgotten
            subAll.close();
            javakdb.close();
            TestServers.await("closed subscribers removed", Duration.ofSeconds(5), () -> tp.subscribers() == 3);
            assertThat(tp.publish("trade", trades(trades, 4))).isEqualTo(2);
        } finally {
            if (javakdb != null) {
                javakdb.close();
            }
            clients.forEach(QConnection::close);
            tp.close();
        }
        assertThat(tp.server().clients()).isEmpty();
    }

    @Test
    void badCallsAreAnsweredWithQErrors() throws Exception {
        try (Tickerplant tp = Tickerplant.start(TestServers.loopback(), Map.of("trade", trades(0, 1)));
             QConnection q = TestServers.connect(tp.server())) {
            assertThatThrownBy(() -> q.call(".u.upd", "nosuch", QList.of(QLongVector.of(1))))
                    .isInstanceOf(QErrorException.class).hasMessageContaining("type");
            assertThatThrownBy(() -> q.call(".u.upd", "trade", QList.of(QLongVector.of(1))))
                    .isInstanceOf(QErrorException.class).hasMessageContaining("length");
            assertThatThrownBy(() -> q.call(".u.upd", "trade"))
                    .isInstanceOf(QErrorException.class).hasMessageContaining("rank");
            assertThatThrownBy(() -> q.call(".u.sub", "trade", 1L))
                    .isInstanceOf(QErrorException.class).hasMessageContaining("type");
            assertThatThrownBy(() -> q.call(".u.end", "trade"))
                    .isInstanceOf(QErrorException.class).hasMessageContaining(".u.end");
            assertThatThrownBy(() -> q.query("select from trade"))
                    .isInstanceOf(QErrorException.class).hasMessageContaining("nyi");
            // h"" works, as q clients use it to wait for what they sent
            q.sync();
            assertThat(tp.updates()).isZero();
            assertThat(tp.subscribers()).isZero();
            // a new table's schema comes from its first update
            assertThat(q.call(".u.upd", "fresh", trades(0, 2))).isEqualTo(Q.NIL);
            assertThat(q.call(".u.sub", "fresh", "")).isEqualTo(QList.of(QSymbol.of("fresh"),
                    emptyTable(TRADE_COLUMNS)));
            assertThat(Set.of(tp.subscribers())).containsExactly(1);
        }
    }

    private static QConnection connect(QServer server, Inbox inbox, List<QConnection> clients) {
        QConnection q = QConnection.connect(TestServers.options(server).listener(inbox.messages::add).build());
        clients.add(q);
        return q;
    }
}
