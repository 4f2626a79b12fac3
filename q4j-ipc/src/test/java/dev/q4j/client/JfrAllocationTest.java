package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.QLong;
import dev.q4j.value.QValue;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client's request path makes no JFR event while no recording wants one: the bytes a blocking request allocates
 * on the calling thread (which, without a reader thread, also reads and decodes the reply) grow by at least an
 * event's size when a recording of {@code dev.q4j.ClientRequest} runs, and are back to what they were once it stops.
 * An event made whether or not it is recorded would show as no growth.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JfrAllocationTest {
    private static final int CALLS = 5_000;
    /** a ClientRequestEvent: header, two longs of JFR's (start, duration), two of its own, four references */
    private static final long EVENT_BYTES = 12 + 4 * 8 + 4 * 4;

    /** @return bytes allocated by this thread so far (com.sun.management, reached by reflection: see LogCapture) */
    private static long allocated() {
        try {
            Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            Method m = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                    long.class);
            return (long) m.invoke(bean, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }

    /** @return bytes allocated per blocking request, the average over {@link #CALLS} */
    private static double perCall(QConnection q, QValue probe) {
        // the reflective look-up's own allocation is the same before and after: it cancels out
        long before = allocated();
        for (int i = 0; i < CALLS; i++) {
            q.execute(probe);
        }
        return (allocated() - before) / (double) CALLS;
    }

    @Test
    void aRequestAllocatesNoEventWhileNoRecordingRuns() throws Exception {
        try (QServer server = QServer.start(ServerOptions.builder(0).bind("127.0.0.1")
                .requestHandler(RequestHandler.sync((client, request) -> request)).build());
             QConnection q = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port())
                     .connectTimeout(Duration.ofSeconds(5)).readerThread(false).build())) {
            QValue probe = QLong.of(42);
            for (int i = 0; i < 4; i++) {
                perCall(q, probe);   // warm up: interpreted and compiled code allocate alike, but settle first
            }
            double off = perCall(q, probe);
            double on;
            try (Recording r = new Recording()) {
                r.enable("dev.q4j.ClientRequest").withoutThreshold();
                r.start();
                perCall(q, probe);
                on = perCall(q, probe);
            }
            double offAgain = perCall(q, probe);
            assertThat(on - off).as("bytes per request with the event recorded (%.1f) over without (%.1f)", on, off)
                    .isGreaterThanOrEqualTo(EVENT_BYTES);
            assertThat(offAgain - off).as("bytes per request once the recording stopped (%.1f) over before (%.1f)",
                    offAgain, off).isLessThan(EVENT_BYTES / 2.0);
        }
    }
}
