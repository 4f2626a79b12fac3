package dev.q4j.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.q4j.client.QConnection;
import dev.q4j.value.QLong;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The JUnit extension: what it injects, that a request no stub matches fails the test, and that every fake it
 * starts is stopped, also when the test fails. The classes it runs through JUnit's launcher are nested (static, not
 * {@code @Nested}), so that the build itself does not run them, and run only while this class launches them (a
 * system property), so that a test filter naming them does not either.
 */
@ExtendWith(FakeKdbExtension.class)
class FakeKdbExtensionIT {
    /** the ports of the fakes the nested classes saw, to check that they were stopped */
    static final List<Integer> PORTS = new CopyOnWriteArrayList<>();
    /** set while this class runs the nested ones */
    static final String LAUNCHED = "q4j.testkit.launched";

    @BeforeEach
    void stubs(FakeKdb kdb) {
        kdb.when("count trade").thenReturn(3L);
    }

    @Test
    void injectsTheFakeAConnectionAndTheAddress(FakeKdb kdb, QConnection q,
            @FakeKdbExtension.Address String address) throws Exception {
        assertThat(q.query("count trade")).isEqualTo(QLong.of(3));
        assertThat(address).isEqualTo("127.0.0.1:" + kdb.port());
        try (QConnection other = QConnection.connect(address)) {
            assertThat(other.query("count trade")).isEqualTo(QLong.of(3));
        }
        kdb.verify(Match.query("count trade"), 2);
    }

    @Test
    void aRequestNoStubMatchesFailsTheTestAndTheFakeIsStopped() {
        TestExecutionSummary summary = run(UnmatchedRequest.class);
        assertThat(summary.getTestsSucceededCount()).isZero();
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).isInstanceOf(AssertionError.class)
                .hasMessageContaining("received 1 request(s) no stub matches")
                .hasMessageContaining("1. sync \"count quote\"")
                .hasMessageContaining("when \"count trade\"");
        assertThat(PORTS).hasSize(1);
        assertThat(listening(PORTS.get(0))).as("the fake's port after the test").isFalse();
    }

    @Test
    void aFailingStillStopsItsFakeAndTheUnmatchedRequestIsAddedToItsFailure() {
        TestExecutionSummary summary = run(Failing.class);
        assertThat(summary.getTestsFailedCount()).isEqualTo(1);
        Throwable failure = summary.getFailures().get(0).getException();
        assertThat(failure).hasMessageContaining("the service broke");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0]).hasMessageContaining("sync \"oops\"");
        assertThat(listening(PORTS.get(0))).isFalse();
    }

    @Test
    void perClassOneFakeServesEveryTestAndStopsAfterTheLast() {
        TestExecutionSummary summary = run(PerClass.class);
        assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
        assertThat(summary.getTestsFailedCount()).isZero();
        assertThat(PORTS).hasSize(2).containsOnly(PORTS.get(0));
        assertThat(listening(PORTS.get(0))).isFalse();
    }

    private static TestExecutionSummary run(Class<?> testClass) {
        PORTS.clear();
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        System.setProperty(LAUNCHED, "true");
        try {
            launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
                    listener);
        } finally {
            System.clearProperty(LAUNCHED);
        }
        TestExecutionSummary summary = listener.getSummary();
        assertThat(summary.getTestsFoundCount()).as("tests found in %s", testClass).isPositive();
        assertThat(summary.getTestsSkippedCount()).isZero();
        return summary;
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            return s.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    @EnabledIfSystemProperty(named = LAUNCHED, matches = "true")
    @ExtendWith(FakeKdbExtension.class)
    static class UnmatchedRequest {
        @Test
        void asksForSomethingNotStubbed(FakeKdb kdb, QConnection q) {
            PORTS.add(kdb.port());
            kdb.when("count trade").thenReturn(3L);
            try {
                q.query("count quote");
            } catch (RuntimeException expected) {
                // the client gets 'nyi...: the test goes on, and fails at its end
            }
        }
    }

    @EnabledIfSystemProperty(named = LAUNCHED, matches = "true")
    @ExtendWith(FakeKdbExtension.class)
    static class Failing {
        @Test
        void fails(FakeKdb kdb, QConnection q) {
            PORTS.add(kdb.port());
            try {
                q.query("oops");
            } catch (RuntimeException expected) {
                // 'nyi
            }
            throw new AssertionError("the service broke");
        }
    }

    @EnabledIfSystemProperty(named = LAUNCHED, matches = "true")
    static class PerClass {
        @RegisterExtension
        static FakeKdbExtension kdb = FakeKdbExtension.perClass().configure(b -> b.credentials("svc", "pw"));

        @Test
        void one() {
            PORTS.add(kdb.fake().port());
            kdb.fake().when("1").thenReturn(1L);
            assertThat(kdb.connection().query("1")).isEqualTo(QLong.of(1));
        }

        @Test
        void two() {
            PORTS.add(kdb.fake().port());
            kdb.fake().when("1").thenReturn(1L);
            assertThat(kdb.connection().query("1")).isEqualTo(QLong.of(1));
            assertThat(kdb.fake().received()).hasSize(1);   // what the other test sent was cleared
        }
    }
}
