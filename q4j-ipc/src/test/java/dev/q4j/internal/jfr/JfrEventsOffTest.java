package dev.q4j.internal.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import jdk.jfr.Recording;
import org.junit.jupiter.api.Test;

/**
 * The events cost nothing while no recording wants them: the hooks the client and server call on every request and
 * connection make no event and allocate nothing then, and make one while a recording with the event enabled runs.
 */
class JfrEventsOffTest {
    private static final int CALLS = 100_000;
    private static final String PEER = "/127.0.0.1:5000";

    private static final Object THREADS;
    private static final Method ALLOCATED;

    static {
        // com.sun.management, reached by reflection: the tests compile inside the module dev.q4j.ipc, which does not
        // read it (see LogCapture)
        try {
            THREADS = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean")
                    .invoke(null);
            ALLOCATED = Class.forName("com.sun.management.ThreadMXBean").getMethod("getThreadAllocatedBytes",
                    long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** @return bytes allocated by this thread so far */
    private static long allocated() {
        try {
            return (long) ALLOCATED.invoke(THREADS, Thread.currentThread().getId());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM does not count allocated bytes per thread", e);
        }
    }

    /** Every hook of the request and connection paths, as the client and server call them. */
    private static int everyHook() {
        int made = 0;
        if (ClientRequestEvent.start(PEER, ClientRequestEvent.SYNC, 19) != null) {
            made++;
        }
        if (ServerRequestEvent.start(7, PEER, "alice", ServerRequestEvent.SYNC, 19) != null) {
            made++;
        }
        if (ClientConnectionOpenedEvent.start() != null) {
            made++;
        }
        ClientConnectionClosedEvent.emit(PEER, "closed", true, 1);
        ServerConnectionOpenedEvent.emit(7, PEER, "alice", 3, 1);
        ServerConnectionClosedEvent.emit(7, PEER, "alice", ServerConnectionClosedEvent.BY_CLIENT, 1);
        ServerDisconnectEvent.emit(7, PEER, "", false, "no handshake within 500 ms");
        return made;
    }

    /** @return bytes allocated by {@link #CALLS} rounds of every hook, less what measuring itself allocates */
    private static long allocatedByHooks() {
        int made = 0;
        long empty = -allocated() + allocated();   // what one measurement costs
        long before = allocated();
        for (int i = 0; i < CALLS; i++) {
            made += everyHook();
        }
        long bytes = allocated() - before + empty;
        assertThat(made).as("events made").isIn(0, 3 * CALLS);
        return bytes;
    }

    @Test
    void theHooksAllocateNothingWhileNoRecordingRuns() {
        allocatedByHooks();   // warm up
        long bytes = allocatedByHooks();
        // an event made by any one hook would be 48 bytes or more a call: 4.8 MB. What is allowed here is less
        // than a byte a call: the measuring itself (boxing its long) and the loop's first, interpreted rounds
        assertThat(bytes).as("bytes allocated by %s calls of every hook", CALLS).isLessThan(CALLS / 10);
    }

    @Test
    void anEventIsMadeOnlyWhileARecordingWantsIt() {
        assertThat(ClientRequestEvent.start(PEER, ClientRequestEvent.SYNC, 19)).isNull();
        try (Recording r = new Recording()) {
            r.enable("dev.q4j.ClientRequest");
            r.disable("dev.q4j.ServerRequest");
            r.start();
            assertThat(ClientRequestEvent.start(PEER, ClientRequestEvent.SYNC, 19)).isNotNull();
            assertThat(ServerRequestEvent.start(7, PEER, "alice", ServerRequestEvent.SYNC, 19)).isNull();
            // and one made costs what an event costs: the measurement above would see it
            long before = allocated();
            for (int i = 0; i < 1000; i++) {
                ClientRequestEvent.start(PEER, ClientRequestEvent.SYNC, 19);
            }
            assertThat(allocated() - before).isGreaterThanOrEqualTo(1000L * 48);
        }
        assertThat(ClientRequestEvent.start(PEER, ClientRequestEvent.SYNC, 19)).isNull();
    }
}
