package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kx.c;
import dev.q4j.QErrorException;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.lang.reflect.Array;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * KX's own Java interface (javakdb 2.0, {@code com.kx.c}) as a client of the q4j server: its handshake (capability
 * 3, with and without credentials, rejected credentials), sync calls of every value type it can send, echoed back
 * unchanged (javakdb writes big-endian, the server answers little-endian), errors, async messages.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JavakdbClientIT {

    /** A server that echoes requests and records, for each, the q type it decoded. */
    private static final class Recording implements AutoCloseable {
        final List<QValue> requests = new CopyOnWriteArrayList<>();
        final List<QValue> asyncs = new CopyOnWriteArrayList<>();
        final List<ClientConnection> opened = new CopyOnWriteArrayList<>();
        final List<ClientConnection> closed = new CopyOnWriteArrayList<>();
        final QServer server;

        Recording(Authenticator authenticator) throws Exception {
            server = QServer.start(TestServers.loopback()
                    .authenticator(authenticator)
                    .requestHandler((client, request) -> {
                        requests.add(request);
                        if (request instanceof QCharVector text && text.asString().startsWith("fail:")) {
                            throw new QErrorException(text.asString().substring(5));
                        }
                        if (request instanceof QCharVector text && text.asString().startsWith("crash:")) {
                            throw new IllegalStateException(text.asString().substring(6));
                        }
                        if (request instanceof QCharVector text && text.asString().startsWith("later:")) {
                            CompletableFuture<QValue> f = new CompletableFuture<>();
                            new Thread(() -> f.completeExceptionally(new QErrorException(
                                    text.asString().substring(6))), "test-deferred-failure").start();
                            return f;
                        }
                        return CompletableFuture.completedFuture(request);
                    })
                    .asyncHandler((client, message) -> asyncs.add(message))
                    .onOpen(opened::add)
                    .onClose(closed::add)
                    .build());
        }

        int port() {
            return server.port();
        }

        @Override
        public void close() {
            server.shutdown(Duration.ofSeconds(2));
        }
    }

    @Test
    void handshakeWithoutCredentialsAgreesCapability3() throws Exception {
        try (Recording r = new Recording(Authenticator.ALLOW_ALL)) {
            // javakdb's two-argument constructor sends the JVM's user.name as the user, without a password
            c k = javakdb(r.port(), null);
            try {
                assertThat(k.k("ping")).isEqualTo("ping".toCharArray());
            } finally {
                k.close();
            }
            c empty = javakdb(r.port(), "");
            try {
                assertThat(empty.k("pong")).isEqualTo("pong".toCharArray());
            } finally {
                empty.close();
            }
            assertThat(r.opened).hasSize(2);
            assertThat(r.opened.get(0).user()).isEqualTo(System.getProperty("user.name"));
            assertThat(r.opened.get(1).user()).isEmpty();
            assertThat(r.opened).allSatisfy(cc -> assertThat(cc.capability()).isEqualTo(3));
            TestServers.await("both closes seen", Duration.ofSeconds(5), () -> r.closed.size() == 2);
            assertThat(r.server.clients()).isEmpty();
        }
    }

    @Test
    void handshakeWithCredentialsAndRejectedCredentials() throws Exception {
        List<String> tried = new CopyOnWriteArrayList<>();
        Authenticator single = Authenticator.single("ann", "s3cret:with colon");
        try (Recording r = new Recording((user, password) -> {
            tried.add(user + "/" + password);
            return single.authenticate(user, password);
        }); LogCapture log = new LogCapture()) {
            c k = javakdb(r.port(), "ann:s3cret:with colon");
            try {
                assertThat(k.k("in")).isEqualTo("in".toCharArray());
                assertThat(r.opened).singleElement().satisfies(cc -> {
                    assertThat(cc.user()).isEqualTo("ann");
                    assertThat(cc.capability()).isEqualTo(3);
                });
            } finally {
                k.close();
            }
            // rejected: the server closes the connection without answering, as kdb+ does; javakdb retries without
            // the capability byte and then gives up with 'access
            assertThatThrownBy(() -> javakdb(r.port(), "ann:wrong"))
                    .isInstanceOf(c.KException.class)
                    .hasMessageContaining("access");
            assertThatThrownBy(() -> javakdb(r.port(), "bob:s3cret:with colon"))
                    .isInstanceOf(c.KException.class);
            assertThat(tried).startsWith("ann/s3cret:with colon").contains("ann/wrong", "bob/s3cret:with colon");
            log.await(Duration.ofSeconds(5), "rejected the credentials of user 'ann'");
            log.await(Duration.ofSeconds(5), "rejected the credentials of user 'bob'");
            assertThat(log.messages()).noneMatch(m -> m.contains("wrong"));   // never log a password
            assertThat(r.opened).hasSize(1);
            assertThat(r.requests).containsExactly(QCharVector.of("in"));
        }
    }

    /** Every value type javakdb can send, with its nulls; each must come back exactly as sent. */
    private static List<Object> everyType() {
        UUID guid = UUID.fromString("01234567-89ab-cdef-fedc-ba9876543210");
        Instant ts = Instant.parse("2024-03-15T12:34:56.123456789Z");
        LocalDateTime dt = LocalDateTime.of(2024, 3, 15, 12, 34, 56, 123_000_000);
        LocalDate d = LocalDate.of(2024, 3, 15);
        LocalTime t = LocalTime.of(12, 34, 56, 789_000_000);
        List<Object> values = new ArrayList<>(List.of(
                Boolean.TRUE, Boolean.FALSE, guid, (byte) 0x7f, (byte) -1, (short) -12345, 123456789,
                -1234567890123L, 1.5f, Math.PI, 'q', "sym", "", ts, new c.Month(290), d, dt,
                new c.Timespan(123_456_789_012_345L), new c.Minute(754), new c.Second(45296), t,
                Integer.MAX_VALUE, -Long.MAX_VALUE, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY,
                new boolean[] {true, false, true}, new UUID[] {guid, new UUID(0, 0)},
                new byte[] {1, 2, (byte) 255}, new short[] {1, Short.MIN_VALUE, Short.MAX_VALUE},
                new int[] {1, Integer.MIN_VALUE, -7}, new long[] {1, Long.MIN_VALUE, Long.MAX_VALUE},
                new float[] {1.25f, Float.NaN, Float.POSITIVE_INFINITY},
                new double[] {-0.5, Double.NaN, Double.NEGATIVE_INFINITY, Double.MIN_VALUE},
                "hello, q".toCharArray(), new String[] {"a", "bc", ""},
                new Instant[] {ts, ts.plusNanos(1)}, new c.Month[] {new c.Month(0), new c.Month(-5)},
                new LocalDate[] {d, d.minusDays(10_000)}, new LocalDateTime[] {dt, dt.minusDays(1)},
                new c.Timespan[] {new c.Timespan(1), new c.Timespan(-86_400_000_000_000L)},
                new c.Minute[] {new c.Minute(0), new c.Minute(1439)},
                new c.Second[] {new c.Second(0), new c.Second(86399)}, new LocalTime[] {t, LocalTime.MIDNIGHT},
                new boolean[0], new long[0], new String[0], new char[0], new double[0],
                new Object[] {1L, "x", new double[] {1.0, 2.0}, new Object[] {'c', new String[] {"n"}}},
                new Object[0],
                new c.Dict(new String[] {"a", "b"}, new long[] {1, 2}),
                new c.Dict(new long[] {1, 2, 3}, new Object[] {"mixed", 2.5, new int[] {1}}),
                new c.Flip(new String[] {"sym", "px", "size"},
                        new Object[] {new String[] {"A", "B"}, new double[] {1.5, 2.5}, new long[] {100, 200}}),
                new c.Dict(new c.Flip(new String[] {"k"}, new Object[] {new long[] {1, 2}}),
                        new c.Flip(new String[] {"v", "w"},
                                new Object[] {new String[] {"x", "y"}, new Object[] {"ab".toCharArray(),
                                        "c".toCharArray()}}))));
        // javakdb's null of each type
        for (char type : "bgxhijefcspmdznuvt".toCharArray()) {
            values.add(c.NULL(type));
        }
        return values;
    }

    @Test
    void everyValueTypeJavakdbSendsIsEchoedUnchanged() throws Exception {
        List<Object> values = everyType();
        try (Recording r = new Recording(Authenticator.ALLOW_ALL)) {
            c k = javakdb(r.port(), "echo:pw");
            try {
                for (int i = 0; i < values.size(); i++) {
                    Object sent = values.get(i);
                    Object back = k.k(sent);
                    assertThat(same(sent, back))
                            .as("value %d, %s, came back as %s", i, show(sent), show(back))
                            .isTrue();
                    // and the server saw it as the q type javakdb meant
                    QValue seen = r.requests.get(r.requests.size() - 1);
                    assertThat(seen.typeNumber()).as("q type of value %d, %s", i, show(sent))
                            .isEqualTo(c.t(sent));
                }
            } finally {
                k.close();
            }
            assertThat(r.requests).hasSize(values.size());
            assertThat(r.requests.get(0)).isEqualTo(dev.q4j.value.QBoolean.of(true));
            assertThat(r.requests).anySatisfy(q -> assertThat(q).isInstanceOf(dev.q4j.value.QTable.class))
                    .anySatisfy(q -> assertThat(q).isInstanceOf(dev.q4j.value.QKeyedTable.class));
        }
    }

    @Test
    void aFunctionCallAsJavakdbSendsIt() throws Exception {
        try (Recording r = new Recording(Authenticator.ALLOW_ALL)) {
            c k = javakdb(r.port(), "");
            try {
                // k(f, x, y) sends (f as a string; x; y)
                Object back = k.k("f", 1L, "s");
                assertThat(same(back, new Object[] {"f".toCharArray(), 1L, "s"})).isTrue();
                FunctionCall call = FunctionCall.of(r.requests.get(0)).orElseThrow();
                assertThat(call.name()).isEqualTo("f");
                assertThat(call.args()).containsExactly(QLong.of(1), QSymbol.of("s"));
            } finally {
                k.close();
            }
        }
    }

    @Test
    void errorsReachJavakdbAsKExceptionsWithTheirText() throws Exception {
        try (Recording r = new Recording(Authenticator.ALLOW_ALL)) {
            c k = javakdb(r.port(), "");
            try {
                assertThatThrownBy(() -> k.k("fail:type")).isInstanceOf(c.KException.class).hasMessage("type");
                assertThatThrownBy(() -> k.k("crash:no such table"))
                        .isInstanceOf(c.KException.class).hasMessage("no such table");
                assertThatThrownBy(() -> k.k("later:deferred failure"))
                        .isInstanceOf(c.KException.class).hasMessage("deferred failure");
                // the connection goes on after errors
                assertThat(k.k("after")).isEqualTo("after".toCharArray());
            } finally {
                k.close();
            }
            assertThat(r.requests).hasSize(4);
        }
    }

    @Test
    void asyncMessagesReachTheAsyncHandlerInOrder() throws Exception {
        try (Recording r = new Recording(Authenticator.ALLOW_ALL)) {
            c k = javakdb(r.port(), "");
            try {
                k.ks("upd", "trade", new c.Flip(new String[] {"sym"}, new Object[] {new String[] {"A"}}));
                for (long i = 0; i < 100; i++) {
                    k.ks((Object) new Object[] {"n", i});
                }
                k.ks("text message");
                // a sync round trip: by its answer every async message before it has been handled
                assertThat(k.k("")).isEqualTo(new char[0]);
            } finally {
                k.close();
            }
            assertThat(r.asyncs).hasSize(102);
            FunctionCall upd = FunctionCall.of(r.asyncs.get(0)).orElseThrow();
            assertThat(upd.name()).isEqualTo("upd");
            assertThat(upd.args().get(0)).isEqualTo(QSymbol.of("trade"));
            for (int i = 0; i < 100; i++) {
                assertThat(r.asyncs.get(1 + i)).isEqualTo(QList.of(QSymbol.of("n"), QLong.of(i)));
            }
            assertThat(r.asyncs.get(101)).isEqualTo(QCharVector.of("text message"));
            assertThat(r.requests).containsExactly(QCharVector.of(""));
        }
    }

    /** A javakdb connection whose reads give up after 10 seconds; {@code credentials} null for its default. */
    private static c javakdb(int port, String credentials) throws Exception {
        c k = credentials == null ? new c("127.0.0.1", port) : new c("127.0.0.1", port, credentials);
        k.s.setSoTimeout(10_000);
        return k;
    }

    // ---------------------------------------------------------------- javakdb values compared deeply

    private static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof c.Dict x && b instanceof c.Dict y) {
            return same(x.x, y.x) && same(x.y, y.y);
        }
        if (a instanceof c.Flip x && b instanceof c.Flip y) {
            return Arrays.equals(x.x, y.x) && same(x.y, y.y);
        }
        if (a.getClass().isArray() && b.getClass().isArray()) {
            if (a.getClass() != b.getClass() || Array.getLength(a) != Array.getLength(b)) {
                return false;
            }
            if (a instanceof Object[] xs) {
                Object[] ys = (Object[]) b;
                for (int i = 0; i < xs.length; i++) {
                    if (!same(xs[i], ys[i])) {
                        return false;
                    }
                }
                return true;
            }
            return Arrays.deepEquals(new Object[] {a}, new Object[] {b});
        }
        return a.getClass() == b.getClass() && a.equals(b);
    }

    private static String show(Object o) {
        if (o == null) {
            return "null";
        }
        if (o instanceof c.Dict d) {
            return "Dict(" + show(d.x) + "!" + show(d.y) + ")";
        }
        if (o instanceof c.Flip f) {
            return "Flip(" + Arrays.toString(f.x) + ": " + show(f.y) + ")";
        }
        if (o instanceof Object[] a) {
            List<String> items = new ArrayList<>();
            for (Object x : a) {
                items.add(show(x));
            }
            return o.getClass().getComponentType().getSimpleName() + items;
        }
        if (o.getClass().isArray()) {
            String s = Arrays.deepToString(new Object[] {o});
            return o.getClass().getComponentType() + s.substring(1, s.length() - 1);
        }
        return o.getClass().getSimpleName() + " " + o;
    }
}
