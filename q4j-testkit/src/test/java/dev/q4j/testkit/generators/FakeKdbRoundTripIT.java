package dev.q4j.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.client.QConnection;
import dev.q4j.testkit.Arg;
import dev.q4j.testkit.FakeKdb;
import dev.q4j.testkit.Match;
import dev.q4j.value.QError;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The generators as a user's property test would use them, with the fake: any value the fake replies with, and any
 * value a client sends, arrives equal (through q4j's codec both ways; the codec itself is checked against kdb+'s
 * captures in q4j-core).
 */
class FakeKdbRoundTripIT {
    private static final AtomicReference<QValue> NEXT = new AtomicReference<>();
    private static FakeKdb fake;
    private static QConnection q;

    @BeforeContainer
    static void start() throws IOException {
        fake = FakeKdb.start();
        fake.when("next").thenAnswer(r -> NEXT.get());
        fake.whenCall("echo", Arg.any())
                .thenAnswer(r -> r.call().orElseThrow().args().get(0));
        q = fake.connect();
    }

    @AfterContainer
    static void stop() {
        fake.close();
    }

    @Property(tries = 300)
    void whatTheFakeRepliesArrivesEqual(@ForAll("values") QValue v) {
        NEXT.set(v);
        assertThat(q.query("next")).isEqualTo(v);
    }

    @Property(tries = 300)
    void whatAClientSendsTheFakeReceivesEqual(@ForAll("values") QValue v) {
        fake.clearReceived();
        assertThat(q.call("echo", v)).isEqualTo(v);
        fake.verify(Match.call("echo", v));
    }

    @Provide
    Arbitrary<QValue> values() {
        return QArbitraries.values().filter(v -> !(v instanceof QError));
    }
}
