package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.QErrorException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Handshake;
import dev.q4j.testing.servers.JavakdbServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QValue;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against KX's own Java interface (javakdb 2.0) acting as the server: its handshake, its big-endian
 * replies, its errors, its compression; and q4j's requests as javakdb reads them.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavakdbServerIT {

    @BeforeAll
    static void utf8() throws Exception {
        c.setEncoding("UTF-8");
    }

    private static ConnectionOptions.Builder options(JavakdbServer server) {
        return ConnectionOptions.builder("127.0.0.1", server.port()).connectTimeout(Duration.ofSeconds(5));
    }

    /** Answers every sync message with {@code reply.apply(value)}; async messages are dropped. */
    private static JavakdbServer.Script answering(java.util.function.Function<Object, Object> reply) {
        return k -> {
            while (true) {
                Object[] m = k.readMsg();
                if (((Number) m[0]).intValue() == 1) {
                    k.kr(reply.apply(m[1]));
                }
            }
        };
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void handshakeWithoutCredentials() throws Exception {
        try (JavakdbServer server = new JavakdbServer(answering(x -> 42L));
                QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.query("6*7")).isEqualTo(QLong.of(42));
            assertThat(q.capability()).isEqualTo(Handshake.CAPABILITY_V3);
            assertThat(server.credentialsSeen).containsExactly("");
        }
    }

    @Test
    void handshakeWithCredentials() throws Exception {
        try (JavakdbServer server = new JavakdbServer(new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress()), "alice:s3cret:x"::equals, answering(x -> 1L));
                QConnection q = QConnection.connect(options(server).credentials("alice", "s3cret:x").build())) {
            assertThat(q.query("1")).isEqualTo(QLong.of(1));
            assertThat(server.credentialsSeen).containsExactly("alice:s3cret:x");
            assertThat(server.handshakeFailures).isEmpty();
        }
    }

    @Test
    void largeMessagesAskForCapability6AndAcceptTheServersLowerAnswer() throws Exception {
        try (JavakdbServer server = new JavakdbServer(answering(x -> 1L));
                QConnection q = QConnection.connect(options(server).largeMessages(true).build())) {
            assertThat(q.options().capability()).isEqualTo(Handshake.CAPABILITY_LARGE);
            // javakdb answers min(asked, 3)
            assertThat(q.capability()).isEqualTo(3);
            assertThat(q.query("1")).isEqualTo(QLong.of(1));
        }
    }

    @Test
    void rejectedCredentialsGiveAnAuthenticationError() throws Exception {
        try (JavakdbServer server = new JavakdbServer(new java.net.ServerSocket(0, 50,
                java.net.InetAddress.getLoopbackAddress()), "alice:right"::equals, answering(x -> 1L))) {
            assertThatThrownBy(() -> QConnection.connect(options(server).credentials("alice", "wrong").build()))
                    .isInstanceOf(QAuthenticationException.class)
                    .hasMessageContaining("wrong credentials").hasMessageContaining("or no capacity")
                    .hasMessageContaining("'alice'")
                    .hasMessageNotContaining("reset");
            // once with the capability byte, once without (for servers too old to take one), as qPython does
            assertThat(server.credentialsSeen).hasSize(2).first().isEqualTo("alice:wrong");

            server.credentialsSeen.clear();
            assertThatThrownBy(() -> QConnection.connect(options(server).credentials("alice", "wrong")
                    .retryWithoutCapability(false).build()))
                    .isInstanceOf(QAuthenticationException.class);
            assertThat(server.credentialsSeen).hasSize(1);

            // the right password still gets in afterwards
            try (QConnection q = QConnection.connect(options(server).credentials("alice:right").build())) {
                assertThat(q.query("1")).isEqualTo(QLong.of(1));
            }
        }
        assertThat(Q4jThreads.awaitNone("reader", Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void ipv6Loopback() throws Exception {
        java.net.ServerSocket socket;
        try {
            socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getByName("::1"));
        } catch (java.io.IOException e) {
            org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
            return;
        }
        try (JavakdbServer server = new JavakdbServer(socket, null, answering(x -> "v6"));
                QConnection q = QConnection.connect(ConnectionOptions.of("[::1]:" + server.port()))) {
            assertThat(q.query("x")).isEqualTo(QSymbol.of("v6"));
            assertThat(q.toString()).contains("[::1]:" + server.port());
        }
    }

    // ---------------------------------------------------------------- sync, async, errors

    @Test
    void syncQueryCallAndExecuteAsJavakdbReadsThem() throws Exception {
        List<Object> received = new CopyOnWriteArrayList<>();
        try (JavakdbServer server = new JavakdbServer(answering(x -> {
            received.add(x);
            return "ok";
        })); QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.query("til 3")).isEqualTo(QSymbol.of("ok"));
            assertThat(q.call("f", 1L, "abc", 2.5)).isEqualTo(QSymbol.of("ok"));
            assertThat(q.call("{x+y}", QLongVector.of(1, 2), 3L)).isEqualTo(QSymbol.of("ok"));
            assertThat(q.execute(QList.of(QSymbol.of("g"), QLong.of(7)))).isEqualTo(QSymbol.of("ok"));

            assertThat((char[]) received.get(0)).containsExactly("til 3".toCharArray());
            // f[x;y;z] goes as the list (f;x;y;z): a string naming the function, then the arguments
            Object[] call = (Object[]) received.get(1);
            assertThat(call).hasSize(4);
            assertThat((char[]) call[0]).containsExactly('f');
            assertThat(call[1]).isEqualTo(1L);
            assertThat(call[2]).isEqualTo("abc");
            assertThat(call[3]).isEqualTo(2.5);
            Object[] lambda = (Object[]) received.get(2);
            assertThat(new String((char[]) lambda[0])).isEqualTo("{x+y}");
            assertThat((long[]) lambda[1]).containsExactly(1, 2);
            assertThat(lambda[2]).isEqualTo(3L);
            Object[] exec = (Object[]) received.get(3);
            assertThat(exec).containsExactly("g", 7L);
        }
    }

    @Test
    void qErrorsRaiseQErrorExceptionWithQsTextAndTheConnectionGoesOn() throws Exception {
        try (JavakdbServer server = new JavakdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                String text = new String((char[]) m[1]);
                if (text.startsWith("bad")) {
                    k.ke(text.substring(4));
                } else {
                    k.kr(text.length());
                }
            }
        }); QConnection q = QConnection.connect(options(server).build())) {
            assertThatThrownBy(() -> q.query("bad type"))
                    .isInstanceOfSatisfying(QErrorException.class, e -> {
                        assertThat(e.qMessage()).isEqualTo("type");
                        assertThat(e.getMessage()).isEqualTo("'type");
                    });
            CompletableFuture<QValue> f = q.queryAsync("bad no such table");
            assertThatThrownBy(() -> f.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(QErrorException.class,
                            e -> assertThat(e.qMessage()).isEqualTo("no such table"));
            assertThat(q.query("fine")).isEqualTo(dev.q4j.value.QInt.of(4));
            assertThat(q.isOpen()).isTrue();
        }
    }

    @Test
    void asyncMessagesArriveInOrderBeforeTheSyncThatConfirmsThem() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (JavakdbServer server = new JavakdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                int type = ((Number) m[0]).intValue();
                log.add(type + ":" + describe(m[1]));
                if (type == 1) {
                    k.kr(new char[0]);
                }
            }
        }); QConnection q = QConnection.connect(options(server).build())) {
            q.send("a:1");
            q.send("upd", "trade", 1L);
            q.sendValue(QList.of(QSymbol.of("upd"), QSymbol.of("quote"), QLong.of(2)));
            q.sync();
            assertThat(log).containsExactly("0:a:1", "0:[upd, trade, 1]", "0:[upd, quote, 2]", "1:");
        }
    }

    @Test
    void withoutAutoFlushAsyncMessagesWaitForFlushOrTheNextRequest() throws Exception {
        LinkedBlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (JavakdbServer server = new JavakdbServer(k -> {
            while (true) {
                Object[] m = k.readMsg();
                got.add(((Number) m[0]).intValue() + ":" + describe(m[1]));
                if (((Number) m[0]).intValue() == 1) {
                    k.kr(1L);
                }
            }
        }); QConnection q = QConnection.connect(options(server).autoFlush(false).build())) {
            q.send("x:1");
            q.send("y:2");
            assertThat(got.poll(300, TimeUnit.MILLISECONDS)).as("nothing is written before a flush").isNull();
            q.flush();
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("0:x:1");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("0:y:2");

            q.send("z:3");
            q.sync();   // a request writes what is buffered before itself
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("0:z:3");
            assertThat(got.poll(5, TimeUnit.SECONDS)).isEqualTo("1:");
        }
    }

    private static String describe(Object o) {
        if (o instanceof char[] chars) {
            return new String(chars);
        }
        if (o instanceof Object[] items) {
            List<String> parts = new ArrayList<>();
            for (Object i : items) {
                parts.add(describe(i));
            }
            return parts.toString();
        }
        return String.valueOf(o);
    }

    // ---------------------------------------------------------------- javakdb's big-endian replies

    @Test
    void bigEndianRepliesOfManyTypes() throws Exception {
        UUID guid = UUID.fromString("0a369037-75d3-b24d-6721-5a1d44d4bed5");
        Instant instant = Instant.parse("2024-03-01T12:34:56.123456789Z");
        Object[] replies = {
            42L,
            new long[] {1, -2, Long.MIN_VALUE},
            new String[] {"a", "bb", ""},
            2.5,
            new double[] {1.5, Double.NaN},
            "sym",
            new char[] {'h', 'i'},
            guid,
            instant,
            new c.Flip(new String[] {"sym", "px"}, new Object[] {new String[] {"x", "y"}, new double[] {1, 2}}),
            new c.Dict(new String[] {"k1", "k2"}, new long[] {10, 20}),
            new Object[] {1L, "s", new char[] {'t'}},
        };
        try (JavakdbServer server = new JavakdbServer(k -> {
            for (Object r : replies) {
                k.readMsg();
                // javakdb 2.0 always writes big-endian
                assertThat(k.serialize(2, r, false)[0]).isEqualTo((byte) 0);
                k.kr(r);
            }
            k.readMsg();
        }); QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.query("")).isEqualTo(QLong.of(42));
            assertThat(q.query("")).isEqualTo(QLongVector.of(1, -2, Long.MIN_VALUE));
            assertThat(q.query("")).isEqualTo(QSymbolVector.of("a", "bb", ""));
            assertThat(q.query("")).isEqualTo(QFloat.of(2.5));
            assertThat(q.query("")).isEqualTo(QFloatVector.of(1.5, Double.NaN));
            assertThat(q.query("")).isEqualTo(QSymbol.of("sym"));
            assertThat(q.query("")).isEqualTo(QCharVector.of("hi"));
            assertThat(q.query("")).isEqualTo(new QGuid(guid));
            assertThat(q.query("")).isEqualTo(QTimestamp.of(instant));
            assertThat(q.query("")).isEqualTo(QTable.of(List.of("sym", "px"),
                    List.of(QSymbolVector.of("x", "y"), QFloatVector.of(1, 2))));
            assertThat(q.query("")).isEqualTo(QDict.of(QSymbolVector.of("k1", "k2"), QLongVector.of(10, 20)));
            assertThat(q.query("")).isEqualTo(QList.of(QLong.of(1), QSymbol.of("s"), QCharVector.of("t")));
        }
    }

    @Test
    void compressedBigEndianRepliesAreReadTransparently() throws Exception {
        long[] big = new long[20_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i % 7;
        }
        String[] syms = new String[5000];
        Arrays.fill(syms, "abc");
        try (JavakdbServer server = new JavakdbServer(k -> {
            // javakdb never compresses for a loopback peer; make it believe this one is remote
            Field loopback = c.class.getDeclaredField("isLoopback");
            loopback.setAccessible(true);
            loopback.setBoolean(k, false);
            k.zip(true);
            byte[] wire = k.serialize(2, big, true);
            assertThat(wire[0]).as("big-endian").isEqualTo((byte) 0);
            assertThat(wire[2]).as("compressed").isEqualTo((byte) 1);
            assertThat(wire.length).isLessThan(big.length * 8 / 2);
            k.readMsg();
            k.kr(big);
            k.readMsg();
            k.kr(new c.Flip(new String[] {"sym", "n"}, new Object[] {syms, Arrays.copyOf(big, syms.length)}));
            k.readMsg();
            k.kr(new long[] {1, 2, 3});   // under 2000 bytes: sent plain
            k.readMsg();
        }); QConnection q = QConnection.connect(options(server).build())) {
            assertThat(q.query("big")).isEqualTo(QLongVector.of(big));
            assertThat(q.query("table")).isEqualTo(QTable.of(List.of("sym", "n"),
                    List.of(QSymbolVector.of(syms), QLongVector.of(Arrays.copyOf(big, syms.length)))));
            assertThat(q.query("small")).isEqualTo(QLongVector.of(1, 2, 3));
        }
    }

    @Test
    void javakdbReadsWhatTheClientCompressesWhenForced() throws Exception {
        long[] big = new long[10_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = i % 5;
        }
        List<Object> received = new CopyOnWriteArrayList<>();
        try (JavakdbServer server = new JavakdbServer(answering(x -> {
            received.add(x);
            return 1L;
        })); QConnection q = QConnection.connect(options(server).compression(Compression.ALWAYS).build())) {
            q.call("store", QLongVector.of(big));
            Object[] call = (Object[]) received.get(0);
            assertThat(new String((char[]) call[0])).isEqualTo("store");
            assertThat((long[]) call[1]).containsExactly(big);
        }
    }

    // ---------------------------------------------------------------- pipelining

    @Test
    void manyPipelinedRequestsFromManyThreadsEachGetTheirOwnReply() throws Exception {
        int threads = 8;
        int perThread = 250;
        // the server echoes each request's text, so a reply that reached the wrong caller would show
        try (JavakdbServer server = new JavakdbServer(answering(x -> x));
                QConnection q = QConnection.connect(options(server).build())) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> mismatches = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    mismatches.add(pool.submit(() -> {
                        List<CompletableFuture<QValue>> futures = new ArrayList<>();
                        List<String> sent = new ArrayList<>();
                        List<String> wrong = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            String text = "request " + thread + "/" + i;
                            sent.add(text);
                            if (i % 10 == 0) {
                                // a sync call in the middle of the pipeline
                                QValue v = q.query(text);
                                futures.add(CompletableFuture.completedFuture(v));
                            } else {
                                futures.add(q.queryAsync(text));
                            }
                        }
                        for (int i = 0; i < perThread; i++) {
                            QValue v = futures.get(i).get(10, TimeUnit.SECONDS);
                            if (!QCharVector.of(sent.get(i)).equals(v)) {
                                wrong.add(sent.get(i) + " -> " + v);
                            }
                        }
                        return wrong;
                    }));
                }
                for (Future<List<String>> f : mismatches) {
                    assertThat(f.get(15, TimeUnit.SECONDS)).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
