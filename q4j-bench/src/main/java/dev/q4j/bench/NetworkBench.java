package dev.q4j.bench;

import com.kx.c;
import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.value.QValue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Over loopback, against a {@link NeutralServer} that answers every request with the precomputed 10-row trade
 * table: the round trip of one small sync query (q4j with its default options, and without a reader thread, which
 * reads like javakdb), and 100,000 requests (q4j pipelined: all sent, then all replies
 * awaited; javakdb: {@code k()} in a loop, its only way of getting replies). Both clients decode every reply into
 * their natural value.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetworkBench {
    /** requests per pipelined batch */
    public static final int BATCH = 100_000;
    /** the query both send (the server does not read it) */
    public static final String QUERY = "select from trade where i<10";

    private NeutralServer server;
    private QConnection q4j;
    private QConnection q4jDirect;
    private c kx;

    /** Starts the server and connects both clients.
     * @throws Exception when that fails */
    @Setup
    public void setup() throws Exception {
        server = new NeutralServer(Data.message(Data.value("small")));
        q4j = QConnection.connect(ConnectionOptions.of("127.0.0.1:" + server.port()));
        q4jDirect = QConnection.connect(ConnectionOptions.builder("127.0.0.1", server.port()).readerThread(false)
                .build());
        kx = new c("127.0.0.1", server.port());
    }

    /** Closes both clients and the server.
     * @throws Exception when that fails */
    @TearDown
    public void tearDown() throws Exception {
        q4j.close();
        q4jDirect.close();
        kx.close();
        server.close();
    }

    /** {@return the reply} */
    @Benchmark
    public QValue syncQ4j() {
        return q4j.query(QUERY);
    }

    /** {@return the reply, read on the calling thread (a connection without a reader thread, as javakdb's)} */
    @Benchmark
    public QValue syncQ4jDirect() {
        return q4jDirect.query(QUERY);
    }

    /**
     * {@return the reply}
     *
     * @throws Exception when the server fails
     */
    @Benchmark
    public Object syncJavakdb() throws Exception {
        return kx.k(QUERY);
    }

    /** {@return the last reply, after every reply arrived} */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public QValue pipelinedQ4j() {
        CompletableFuture<QValue> last = null;
        for (int i = 0; i < BATCH; i++) {
            last = q4j.queryAsync(QUERY);
        }
        // replies complete in request order: the last one completes after all the others
        return last.join();
    }

    /**
     * {@return the last reply}
     *
     * @throws Exception when the server fails
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public Object loopJavakdb() throws Exception {
        Object last = null;
        for (int i = 0; i < BATCH; i++) {
            last = kx.k(QUERY);
        }
        return last;
    }
}
