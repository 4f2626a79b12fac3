package dev.q4j.jdbc;

import dev.q4j.QErrorException;
import dev.q4j.server.Authenticator;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A q4j {@link QServer} standing in for kdb+ (loopback, port 0): it holds global tables and views by name (root
 * names {@code trade}, namespaced {@code .ns.quote}), answers the metadata requests of {@link MetaQueries} as kdb+'s
 * documentation says kdb+ answers them, and whatever expressions and functions a test registers. Every request is
 * recorded. Close it to stop it.
 */
final class FakeKdb implements AutoCloseable {
    /** The namespaces of a fresh kdb+ session, as code.kx.com's namespaces page shows {@code key`}. */
    private static final List<String> KX_NAMESPACES = List.of("q", "Q", "h", "j", "o");

    final Map<String, QValue> globals = new ConcurrentHashMap<>();
    final Set<String> views = ConcurrentHashMap.newKeySet();
    final Map<String, Function<QValue, QValue>> expressions = new ConcurrentHashMap<>();
    final Map<String, Function<List<QValue>, QValue>> functions = new ConcurrentHashMap<>();
    final List<QValue> requests = new CopyOnWriteArrayList<>();
    private final QServer server;

    FakeKdb() throws IOException {
        this(null);
    }

    FakeKdb(Authenticator authenticator) throws IOException {
        ServerOptions.Builder b = ServerOptions.builder(0).bind("127.0.0.1").requestHandler(handler());
        if (authenticator != null) {
            b.authenticator(authenticator);
        }
        server = QServer.start(b.build());
    }

    int port() {
        return server.port();
    }

    String url() {
        return "jdbc:q4j://127.0.0.1:" + port();
    }

    QServer server() {
        return server;
    }

    /** Answers {@code text} with {@code value}. */
    FakeKdb answer(String text, QValue value) {
        expressions.put(text, r -> value);
        return this;
    }

    /** Answers a call of {@code name} (as {@code (name; args...)}) with {@code f(args)}. */
    FakeKdb function(String name, Function<List<QValue>, QValue> f) {
        functions.put(name, f);
        return this;
    }

    /** Answers {@code text} after {@code delay}, on another thread (as kdb+'s {@code -30!} might). */
    FakeKdb slow(String text, Duration delay, QValue value) {
        return slow(text, () -> { }, delay, value);
    }

    /** Runs {@code first} on the server's thread as {@code text} arrives, then answers it after {@code delay}. */
    FakeKdb slow(String text, Runnable first, Duration delay, QValue value) {
        expressions.put(text, r -> {
            first.run();
            throw new Delay(delay, value);
        });
        return this;
    }

    private static final class Delay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Duration delay;
        final transient QValue value;

        Delay(Duration delay, QValue value) {
            super(null, null, false, false);
            this.delay = delay;
            this.value = value;
        }
    }

    private RequestHandler handler() {
        return (client, request) -> {
            requests.add(request);
            try {
                return CompletableFuture.completedFuture(eval(request));
            } catch (Delay d) {
                return CompletableFuture.supplyAsync(() -> d.value,
                        CompletableFuture.delayedExecutor(d.delay.toMillis(), TimeUnit.MILLISECONDS));
            }
        };
    }

    /** What kdb+'s default {@code .z.pg} ({@code value}) does with the request, for what this fake knows. */
    QValue eval(QValue request) {
        if (request instanceof QCharVector text) {
            return evalText(text.asString());
        }
        if (request instanceof QList call && call.count() > 0 && call.at(0) instanceof QCharVector f) {
            List<QValue> args = call.items().subList(1, call.count());
            return apply(f.asString(), args);
        }
        throw new QErrorException("type");
    }

    private QValue evalText(String text) {
        if (text.isEmpty()) {
            return QUnaryPrimitive.IDENTITY;
        }
        Function<QValue, QValue> e = expressions.get(text);
        if (e != null) {
            return e.apply(QCharVector.of(text));
        }
        switch (text) {
            case MetaQueries.VERSION -> {
                return QList.of(QFloat.of(4.1), QDate.of(LocalDate.of(2024, 10, 16)));
            }
            case MetaQueries.NAMESPACES -> {
                Set<String> names = new TreeSet<>(KX_NAMESPACES);
                for (String g : globals.keySet()) {
                    if (g.startsWith(".")) {
                        names.add(g.substring(1, g.indexOf('.', 1)));
                    }
                }
                List<String> ordered = new ArrayList<>(KX_NAMESPACES);
                names.stream().filter(n -> !KX_NAMESPACES.contains(n)).forEach(ordered::add);
                return QSymbolVector.of(ordered.toArray(String[]::new));
            }
            default -> {
                QValue g = globals.get(text.trim());
                if (g != null) {
                    return g;
                }
                // kdb+ signals an undefined name with the name
                throw new QErrorException(text.trim().split("[^A-Za-z0-9_.]")[0]);
            }
        }
    }

    private QValue apply(String f, List<QValue> args) {
        switch (f) {
            case MetaQueries.TABLES -> {
                String ns = ((QSymbol) args.get(0)).value();
                return QList.of(names(ns, false), names(ns, true));
            }
            case MetaQueries.COLUMNS -> {
                return meta(table(((QSymbol) args.get(0)).value()));
            }
            case MetaQueries.KEYS -> {
                QValue t = table(((QSymbol) args.get(0)).value());
                return t instanceof QKeyedTable k ? QSymbolVector.of(k.keys().columnNames().toArray(String[]::new))
                        : QSymbolVector.of();
            }
            case QStatement.MAX_ROWS -> {
                long n = ((QLong) args.get(0)).value();
                QValue r = eval(args.get(1));
                return sublist(n, r);
            }
            default -> {
                Function<List<QValue>, QValue> fn = functions.get(f);
                if (fn == null) {
                    throw new QErrorException(f);
                }
                return fn.apply(args);
            }
        }
    }

    /** q's {@code tables} and {@code views} of a namespace: sorted names, without the namespace. */
    private QSymbolVector names(String ns, boolean wantViews) {
        TreeSet<String> out = new TreeSet<>();
        for (Map.Entry<String, QValue> g : globals.entrySet()) {
            String name = g.getKey();
            boolean isView = views.contains(name);
            if (isView != wantViews || !(g.getValue() instanceof QTable || g.getValue() instanceof QKeyedTable)) {
                continue;
            }
            if (ns.equals(".") && !name.startsWith(".")) {
                out.add(name);
            } else if (name.startsWith(ns + ".") && name.indexOf('.', ns.length() + 1) < 0) {
                out.add(name.substring(ns.length() + 1));
            }
        }
        return QSymbolVector.of(out.toArray(String[]::new));
    }

    private QValue table(String name) {
        QValue t = globals.get(name);
        if (t == null) {
            throw new QErrorException(name);
        }
        return t;
    }

    /**
     * q's {@code meta} (code.kx.com/q/ref/meta): a table keyed by column name {@code c}, with the type letter
     * {@code t} (lower case for a vector, upper case for a list of vectors, by its first item; a space for a mixed
     * list), foreign key {@code f} and attribute {@code a}.
     */
    static QKeyedTable meta(QValue value) {
        QTable t = value instanceof QKeyedTable k ? k.unkeyed() : (QTable) value;
        List<String> names = t.columnNames();
        byte[] letters = new byte[names.size()];
        String[] attributes = new String[names.size()];
        for (int i = 0; i < names.size(); i++) {
            QSequence col = t.columns().get(i);
            if (col instanceof QVector v) {
                letters[i] = (byte) v.type().letter();
            } else {
                QList l = (QList) col;
                letters[i] = (byte) (l.count() > 0 && l.at(0) instanceof QVector first
                        ? Character.toUpperCase(first.type().letter()) : ' ');
            }
            attributes[i] = col.attribute().letter();
        }
        QTable keys = QTable.of(List.of("c"), List.of(QSymbolVector.of(names.toArray(String[]::new))));
        QTable values = QTable.of(List.of("t", "f", "a"), List.of(QCharVector.of(letters),
                QSymbolVector.of(emptyStrings(names.size())),
                QSymbolVector.of(attributes)));
        return QKeyedTable.of(keys, values);
    }

    private static String[] emptyStrings(int n) {
        String[] a = new String[n];
        java.util.Arrays.fill(a, "");
        return a;
    }

    /** q's {@code n sublist r} for tables, keyed tables, dictionaries and lists. */
    static QValue sublist(long n, QValue r) {
        int k = (int) n;
        if (r instanceof QTable t) {
            return take(t, k);
        }
        if (r instanceof QKeyedTable kt) {
            return QKeyedTable.of(take(kt.keys(), k), take(kt.values(), k));
        }
        if (r instanceof QDict d && d.keys() instanceof QSequence ks && d.values() instanceof QSequence vs) {
            return QDict.of(takeSeq(ks, k), takeSeq(vs, k));
        }
        if (r instanceof QSequence s && s.type() != QType.CHAR) {
            return takeSeq(s, k);
        }
        return r;
    }

    private static QTable take(QTable t, int k) {
        List<QSequence> cols = new ArrayList<>();
        for (QSequence c : t.columns()) {
            cols.add(takeSeq(c, k));
        }
        return QTable.of(t.columnNames(), cols);
    }

    private static QSequence takeSeq(QSequence s, int k) {
        int m = Math.min(k, s.count());
        List<QValue> items = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            items.add(s.at(i));
        }
        if (s instanceof QList) {
            return QList.of(items);
        }
        return m == 0 ? dev.q4j.value.QVectors.empty(s.type()) : dev.q4j.value.QVectors.ofAtoms(s.type(), items);
    }

    /** Every name in a sorted map, for tests that print them. */
    Map<String, QValue> sortedGlobals() {
        return new TreeMap<>(globals);
    }

    @Override
    public void close() {
        server.shutdown(Duration.ofSeconds(2));
    }
}
