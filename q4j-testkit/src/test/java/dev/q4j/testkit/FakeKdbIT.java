package dev.q4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QAuthenticationException;
import dev.q4j.client.QConnection;
import dev.q4j.client.QConnectionException;
import dev.q4j.client.QTimeoutException;
import dev.q4j.codec.QMessage;
import dev.q4j.value.Q;
import dev.q4j.value.QDate;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The fake kdb+ on its own, with q4j clients: stubs, replies, verification, pushes, faults. */
class FakeKdbIT {
    private static final QTable TRADES = QTable.of(List.of("sym", "px"),
            List.of(QSymbolVector.of("IBM", "IBM"), QFloatVector.of(101.5, 102.0)));

    @Test
    void answersByExactTextPatternAndFunctionCall() throws Exception {
        try (FakeKdb fake = FakeKdb.start(); QConnection q = fake.connect()) {
            fake.when("count trade").thenReturn(42L);
            fake.when(Match.pattern("select .* from trade where sym=`[A-Z]+")).thenReturn(TRADES);
            // the most recent stub that matches answers: the general one first, the particular one after it
            fake.whenCall(".api.trades", Arg.any(), Arg.type(QType.DATE)).thenReturn(QTable.of(List.of("sym"),
                    List.of(QSymbolVector.of())));
            fake.whenCall(".api.trades", "IBM", LocalDate.of(2024, 1, 2)).thenReturn(TRADES);

            assertThat(q.query("count trade")).isEqualTo(QLong.of(42));
            assertThat(q.query("select sym,px from trade where sym=`MSFT")).isEqualTo(TRADES);
            // the call as a list, with a symbol or a string as the function's name, and as text
            assertThat(q.call(".api.trades", "IBM", QDate.of(LocalDate.of(2024, 1, 2)))).isEqualTo(TRADES);
            assertThat(q.query(".api.trades[`IBM;2024.01.02]")).isEqualTo(TRADES);
            assertThat(((QTable) q.call(".api.trades", "MSFT", QDate.of(LocalDate.of(2024, 1, 2)))).count())
                    .isZero();
            fake.assertNoUnmatched();
        }
    }

    @Test
    void theMostRecentStubWinsAndRepliesComeInTurn() throws Exception {
        try (FakeKdb fake = FakeKdb.start(); QConnection q = fake.connect()) {
            fake.when("x").thenReturn(0L);
            fake.when("x").thenReturn(1L, 2L).thenError("end");
            assertThat(q.query("x")).isEqualTo(QLong.of(1));
            assertThat(q.query("x")).isEqualTo(QLong.of(2));
            assertThatThrownBy(() -> q.query("x")).isInstanceOf(QErrorException.class).hasMessageContaining("end");
            assertThatThrownBy(() -> q.query("x")).isInstanceOf(QErrorException.class).hasMessageContaining("end");
        }
    }

    @Test
    void answersComputedFromTheRequestAndTheirFailuresAsQErrors() throws Exception {
        try (FakeKdb fake = FakeKdb.start(); QConnection q = fake.connect()) {
            fake.whenCall("add", Arg.any(), Arg.any()).thenAnswer(r -> {
                List<QValue> args = r.call().orElseThrow().args();
                return ((QLong) args.get(0)).value() + ((QLong) args.get(1)).value();
            });
            fake.whenCall("boom").thenAnswer(r -> {
                throw new IllegalStateException("no data for today");
            });
            fake.whenCall("nothing").thenAnswer(r -> null).thenReturn(0L);
            assertThat(q.call("add", 2L, 3L)).isEqualTo(QLong.of(5));
            assertThatThrownBy(() -> q.call("nothing")).isInstanceOf(QErrorException.class)
                    .hasMessageContaining("the stub's answer to ").hasMessageContaining(" returned null");
            assertThat(q.execute(QList.of(QSymbol.of("nothing"), Q.NIL)))   // f[] as q sends it: (`f;::)
                    .as("a call with no argument matchers matches f[]").isNotNull();
            assertThatThrownBy(() -> q.call("boom")).isInstanceOf(QErrorException.class)
                    .hasMessageContaining("no data for today");
        }
    }

    @Test
    void anUnmatchedRequestGetsAQErrorNamingItAndFailsAtTheEnd() throws Exception {
        try (FakeKdb fake = FakeKdb.start(); QConnection q = fake.connect()) {
            fake.when("count trade").thenReturn(1L);
            assertThatThrownBy(() -> q.query("count quote")).isInstanceOf(QErrorException.class)
                    .hasMessageContaining("nyi").hasMessageContaining("\"count quote\"");
            assertThat(fake.unmatched()).extracting(Received::text).containsExactly("\"count quote\"");
            assertThatThrownBy(fake::assertNoUnmatched).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("1 request(s) no stub matches")
                    .hasMessageContaining("1. sync \"count quote\"")
                    .hasMessageContaining("when \"count trade\"");
        }
        try (FakeKdb lenient = FakeKdb.builder().lenient().start(); QConnection q = lenient.connect()) {
            assertThatThrownBy(() -> q.query("anything")).isInstanceOf(QErrorException.class);
            lenient.assertNoUnmatched();
        }
    }

    @Test
    void verifiesSyncAndAsyncMessagesInOrderAndTableByTable() throws Exception {
        try (FakeKdb fake = FakeKdb.builder().verifyTimeout(Duration.ofMillis(300)).start();
                QConnection feed = fake.connect()) {
            fake.when("init").thenReturn(Q.NIL);
            feed.query("init");
            feed.send(".u.upd", "trade", TRADES);
            feed.send(".u.upd", "quote", QTable.of(List.of("sym"), List.of(QSymbolVector.of("A"))));
            feed.send(".u.upd", "trade", TRADES);

            fake.verify(Match.query("init").sync());
            fake.verify(Match.call(".u.upd", "trade", Arg.any()).async(), 2);
            fake.verifyInOrder(Match.query("init"), Match.call(".u.upd", "quote", Arg.any()),
                    Match.call(".u.upd", "trade", TRADES));
            fake.verifyExactly(Match.query("init"), Match.call(".u.upd", "trade", TRADES).async(),
                    Match.call(".u.upd", "quote", Arg.type(QType.TABLE)), Match.call(".u.upd", "trade", Arg.any()));
            fake.verifyNever(Match.call(".u.upd", "order", Arg.any()));
            assertThat(fake.updates("trade")).containsExactly(TRADES, TRADES);
            assertThat(fake.received()).extracting(Received::kind).containsExactly(Received.Kind.SYNC,
                    Received.Kind.ASYNC, Received.Kind.ASYNC, Received.Kind.ASYNC);

            assertThatThrownBy(() -> fake.verify(Match.call(".u.upd", "trade", Arg.any()).sync()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected 1 message(s) matching sync .u.upd[`trade;_], received 0")
                    .hasMessageContaining("2. async (\".u.upd\";`trade;+`sym`px!(`IBM`IBM;101.5 102))");
            assertThatThrownBy(() -> fake.verifyInOrder(Match.call(".u.upd", "quote", Arg.any()), Match.query("init")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("found the first 1, not \"init\" after them");
            assertThatThrownBy(() -> fake.verifyExactly(Match.query("init"))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected exactly:\n  1. \"init\"");
            assertThatThrownBy(() -> fake.verifyNever(Match.query("init"))).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("expected no message matching \"init\", received 1: sync \"init\"");
        }
    }

    @Test
    void aTickerplantStubPublishesToSubscribersFilteredBySym() throws Exception {
        QTable empty = QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of(), QFloatVector.of()));
        QTable rows = QTable.of(List.of("sym", "px"),
                List.of(QSymbolVector.of("IBM", "MSFT", "IBM"), QFloatVector.of(1, 2, 3)));
        List<QValue> all = new CopyOnWriteArrayList<>();
        List<QValue> ibm = new CopyOnWriteArrayList<>();
        try (FakeKdb fake = FakeKdb.start().tickerplant(Map.of("trade", empty));
                QConnection a = QConnection.connect(ConnectionOptions.builder(fake.host(), fake.port())
                        .listener((QMessage m) -> all.add(m.value())).build());
                QConnection b = QConnection.connect(ConnectionOptions.builder(fake.host(), fake.port())
                        .listener((QMessage m) -> ibm.add(m.value())).build())) {
            assertThat(a.call(".u.sub", "trade", "")).isEqualTo(QList.of(QSymbol.of("trade"), empty));
            assertThat(b.call(".u.sub", "trade", QSymbolVector.of("IBM"))).isEqualTo(QList.of(QSymbol.of("trade"),
                    empty));
            assertThatThrownBy(() -> a.call(".u.sub", "quote", "")).isInstanceOf(QErrorException.class)
                    .hasMessageContaining("quote");
            fake.awaitSubscribers("trade", 2);

            assertThat(fake.publish("trade", rows)).isEqualTo(2);
            a.sync();
            b.sync();
            waitFor(() -> all.size() == 1 && ibm.size() == 1);
            assertThat(all).containsExactly(QList.of(QSymbol.of("upd"), QSymbol.of("trade"), rows));
            assertThat(ibm).containsExactly(QList.of(QSymbol.of("upd"), QSymbol.of("trade"),
                    QTable.of(List.of("sym", "px"), List.of(QSymbolVector.of("IBM", "IBM"), QFloatVector.of(1, 3)))));
            fake.verify(Match.call(".u.sub", "trade", Arg.any()), 2);
        }
    }

    @Test
    void faultsCloseMidReplyStallCloseAndRefuseLogin() throws Exception {
        try (FakeKdb fake = FakeKdb.start()) {
            fake.when("big").thenCloseMidReply(QLongVector.of(new long[1000]));
            fake.when("slow").thenStall();
            fake.when("gone").thenClose();
            fake.when("late").thenReturn(1L).delayed(Duration.ofMillis(300));
            try (QConnection q = fake.connect()) {
                assertThatThrownBy(() -> q.query("big")).isInstanceOf(QConnectionException.class);
            }
            try (QConnection q = QConnection.connect(ConnectionOptions.builder(fake.host(), fake.port())
                    .requestTimeout(Duration.ofMillis(200)).build())) {
                assertThatThrownBy(() -> q.query("slow")).isInstanceOf(QTimeoutException.class);
            }
            try (QConnection q = fake.connect()) {
                assertThatThrownBy(() -> q.query("gone")).isInstanceOf(QConnectionException.class);
            }
            try (QConnection q = fake.connect()) {
                long start = System.nanoTime();
                assertThat(q.query("late")).isEqualTo(QLong.of(1));
                assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(300).toNanos());
            }
        }   // closing releases the stalled connection: no thread is left behind (close() would say so)
        try (FakeKdb refusing = FakeKdb.builder().refuseLogin().start()) {
            assertThatThrownBy(refusing::connect).isInstanceOf(QAuthenticationException.class);
            assertThat(refusing.accepted()).isPositive();
        }
        try (FakeKdb guarded = FakeKdb.builder().credentials("svc", "secret").start()) {
            assertThatThrownBy(() -> QConnection.connect(ConnectionOptions.builder(guarded.host(), guarded.port())
                    .credentials("svc", "wrong").build())).isInstanceOf(QAuthenticationException.class);
            try (QConnection q = guarded.connect()) {
                guarded.when("1+1").thenReturn(2L);
                assertThat(q.query("1+1")).isEqualTo(QLong.of(2));
                assertThat(guarded.received()).extracting(Received::user).containsExactly("svc");
            }
        }
    }

    @Test
    void aPushReachesEveryClient() throws Exception {
        List<QValue> got = new CopyOnWriteArrayList<>();
        try (FakeKdb fake = FakeKdb.start(); QConnection q = QConnection.connect(ConnectionOptions.builder(
                fake.host(), fake.port()).listener((QMessage m) -> got.add(m.value())).build())) {
            fake.awaitClients(1);
            assertThat(q.isOpen()).isTrue();
            assertThat(fake.push(QList.of(QSymbol.of("news"), Q.string("hello")))).isEqualTo(1);
            waitFor(() -> got.size() == 1);
            assertThat(got).containsExactly(QList.of(QSymbol.of("news"), Q.string("hello")));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
