package dev.q4j.tick;

import dev.q4j.QErrorException;
import dev.q4j.server.ClientConnection;
import dev.q4j.server.FunctionCall;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.value.Q;
import dev.q4j.value.QList;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import dev.q4j.value.QVectors;
import java.io.IOException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tickerplant-style publish/subscribe service, as kdb+tick's {@code tick.q} offers it: subscribers call
 * {@code .u.sub[table;syms]} and then receive {@code (`upd;table;rows)} async messages; publishers send
 * {@code .u.upd[table;data]}. A q subscriber written for kdb+tick works against it unchanged. It is a service built
 * on {@link QServer} through its public API only, as an application would build one.
 *
 * <pre>{@code
 * try (Tickerplant tp = Tickerplant.start(ServerOptions.builder(5010), Map.of())) {
 *     tp.publish("trade", rows);   // or a feed sends .u.upd
 * }
 * // q)h:hopen 5010; upd:{[t;x] show x}; h(".u.sub";`trade;`)
 * }</pre>
 *
 * <p>kdb+tick's own r.q subscribes with the text {@code (.u.sub[`;`];`.u `i`L)}: the answer carries a null log count,
 * so r.q replays no log and starts from the schemas. {@code .u.sub} with a null table subscribes to every table and
 * answers a list of (name; empty table) pairs; with a table it answers (name; empty table). Syms filter on the
 * {@code sym} column; a null or empty sym list means all. {@code .u.upd} takes a table, or a list of columns for a
 * table whose schema is known (from the start or from an earlier table); if such a list is one column short and the
 * schema starts with a timespan column, the time of day is added as q's tick.q does.
 */
public final class Tickerplant implements AutoCloseable {
    private final Map<String, QTable> schemas = new ConcurrentHashMap<>();
    private final Map<ClientConnection, Map<String, Set<String>>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private QServer server;

    private Tickerplant(Map<String, QTable> initialSchemas) {
        initialSchemas.forEach((name, table) -> schemas.put(name, emptyLike(table)));
    }

    /**
     * Starts the service. The builder's request and async handlers and close callback are replaced by the
     * tickerplant's.
     *
     * @param server where to listen, authentication, limits
     * @param schemas tables known from the start (their rows are ignored), may be empty
     * @return the running tickerplant
     * @throws IOException when it cannot listen
     */
    public static Tickerplant start(ServerOptions.Builder server, Map<String, QTable> schemas) throws IOException {
        Tickerplant tp = new Tickerplant(schemas);
        server.requestHandler(RequestHandler.sync(tp::request))
                .asyncHandler(tp::async)
                .onClose(tp.subscriptions::remove);
        tp.server = QServer.start(server.build());
        return tp;
    }

    /** {@return the server underneath} */
    public QServer server() {
        return server;
    }

    /**
     * Publishes rows to the subscribers of {@code table}, as {@code .u.upd} does.
     *
     * @param table the table's name
     * @param data a table, or a list of columns for a table whose schema is known
     * @return how many subscribers it was sent to
     */
    public int publish(String table, QValue data) {
        QTable t = asTable(table, data);
        schemas.putIfAbsent(table, emptyLike(t));
        updates.incrementAndGet();
        rows.addAndGet(t.count());
        int n = 0;
        for (Map.Entry<ClientConnection, Map<String, Set<String>>> e : subscriptions.entrySet()) {
            Set<String> syms = e.getValue().get(table);
            if (syms == null) {
                syms = e.getValue().get("");
            }
            if (syms == null) {
                continue;
            }
            QTable selected = syms.isEmpty() ? t : select(t, syms);
            if (selected.count() > 0
                    && e.getKey().send(QList.of(QSymbol.of("upd"), QSymbol.of(table), selected))) {
                sent.incrementAndGet();
                n++;
            }
        }
        return n;
    }

    /** {@return how many {@code .u.upd} updates arrived} */
    public long updates() {
        return updates.get();
    }

    /** {@return how many rows they held} */
    public long rows() {
        return rows.get();
    }

    /** {@return how many {@code upd} messages went to subscribers} */
    public long messagesSent() {
        return sent.get();
    }

    /** {@return how many clients are subscribed to anything} */
    public int subscribers() {
        return subscriptions.size();
    }

    /** Shuts the server down. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }

    // ---------------------------------------------------------------- requests

    private QValue request(ClientConnection client, QValue request) {
        if (request instanceof dev.q4j.value.QCharVector text && text.asString().isBlank()) {
            // h"": a client making sure everything it sent before has been processed
            return Q.NIL;
        }
        if (request instanceof dev.q4j.value.QCharVector text) {
            QValue tick = tickExpression(client, text.asString().replaceAll("\\s+", " ").trim());
            if (tick != null) {
                return tick;
            }
        }
        FunctionCall call = FunctionCall.of(request).orElseThrow(() -> new QErrorException(
                "nyi: this q4j tickerplant answers .u.sub[table;syms], .u.upd[table;data], .u.i and .u.L"));
        switch (call.name()) {
            case ".u.sub":
                return subscribe(client, call.args());
            case ".u.upd":
                upd(call.args());
                return Q.NIL;
            default:
                throw new QErrorException(call.name());
        }
    }

    /**
     * The expressions kdb+tick's subscribers send as text: {@code .u.i} and {@code .u.L} (no log here: 0N and `),
     * {@code `.u `i`L}, and r.q's {@code (.u.sub[`;`];`.u `i`L)}, whose null log count tells r.q not to replay.
     */
    private QValue tickExpression(ClientConnection client, String text) {
        switch (text) {
            case ".u.i":
                return dev.q4j.value.QLong.NULL;
            case ".u.L":
                return QSymbol.NULL;
            case "`.u `i`L":
            case "`.u`i`L":
                return noLog();
            default:
                break;
        }
        if (text.startsWith("(") && text.endsWith(")")) {
            String inner = text.substring(1, text.length() - 1).trim();
            int split = inner.lastIndexOf(';');
            if (split > 0 && tickExpression(client, inner.substring(split + 1).trim()) != null) {
                QValue first = FunctionCall.of(dev.q4j.value.QCharVector.of(inner.substring(0, split).trim()))
                        .filter(c -> c.name().equals(".u.sub"))
                        .map(c -> subscribe(client, c.args()))
                        .orElse(null);
                if (first != null) {
                    return QList.of(first, tickExpression(client, inner.substring(split + 1).trim()));
                }
            }
        }
        return null;
    }

    private static QValue noLog() {
        return QList.of(dev.q4j.value.QLong.NULL, QSymbol.NULL);
    }

    private void async(ClientConnection client, QValue message) {
        FunctionCall.of(message).ifPresent(call -> {
            if (call.name().equals(".u.upd")) {
                upd(call.args());
            } else if (call.name().equals(".u.sub")) {
                subscribe(client, call.args());
            }
        });
    }

    private void upd(List<QValue> args) {
        if (args.size() != 2 || !(args.get(0) instanceof QSymbol name)) {
            throw new QErrorException("rank: .u.upd takes a table name and data");
        }
        publish(name.value(), args.get(1));
    }

    private QValue subscribe(ClientConnection client, List<QValue> args) {
        if (args.size() != 2 || !(args.get(0) instanceof QSymbol table)) {
            throw new QErrorException("rank: .u.sub takes a table name (` for all) and syms (` for all)");
        }
        Set<String> syms = new HashSet<>();
        QValue s = args.get(1);
        if (s instanceof QSymbol one) {
            if (!one.isNull()) {
                syms.add(one.value());
            }
        } else if (s instanceof QSymbolVector many) {
            syms.addAll(Arrays.asList(many.array()));
            syms.remove("");
        } else if (!s.isGenericNull()) {
            throw new QErrorException("type: syms must be symbols");
        }
        Set<String> chosen = Set.copyOf(syms);
        // registered as the reply is queued: no update can reach the subscriber before its answer
        client.afterReply(() -> {
            if (client.isOpen()) {
                subscriptions.computeIfAbsent(client, c -> new ConcurrentHashMap<>()).put(table.value(), chosen);
            }
        });
        if (table.isNull()) {
            List<QValue> all = new ArrayList<>();
            schemas.forEach((name, schema) -> all.add(QList.of(QSymbol.of(name), schema)));
            return QList.of(all);
        }
        QTable schema = schemas.get(table.value());
        return QList.of(table, schema == null ? QList.EMPTY : schema);
    }

    // ---------------------------------------------------------------- tables

    private QTable asTable(String name, QValue data) {
        if (data instanceof QTable t) {
            return t;
        }
        QTable schema = schemas.get(name);
        if (!(data instanceof QList columns) || schema == null) {
            throw new QErrorException("type: .u.upd[`" + name + "] needs a table, or a list of columns for a "
                    + "table whose schema is known");
        }
        List<QValue> cols = new ArrayList<>(columns.items());
        List<String> names = schema.columnNames();
        if (cols.size() == names.size() - 1 && schema.columns().get(0).type() == QType.TIMESPAN && !cols.isEmpty()
                && cols.get(0) instanceof QSequence first) {
            long now = LocalTime.now(ZoneOffset.UTC).toNanoOfDay();
            long[] times = new long[first.count()];
            Arrays.fill(times, now);
            cols.add(0, QTimespanVector.wrap(times));
        }
        if (cols.size() != names.size()) {
            throw new QErrorException("length: `" + name + " has " + names.size() + " columns, .u.upd sent "
                    + cols.size());
        }
        try {
            return QTable.of(names, cols);
        } catch (IllegalArgumentException e) {
            throw new QErrorException("type: " + e.getMessage());
        }
    }

    private static QTable emptyLike(QTable t) {
        List<QValue> cols = new ArrayList<>();
        for (QSequence c : t.columns()) {
            cols.add(c instanceof QVector v ? QVectors.empty(v.type()) : QList.EMPTY);
        }
        return QTable.of(t.columnNames(), cols);
    }

    private static QTable select(QTable t, Set<String> syms) {
        int symColumn = t.indexOf("sym");
        if (symColumn < 0 || !(t.columns().get(symColumn) instanceof QSymbolVector sym)) {
            return t;
        }
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < sym.count(); i++) {
            if (syms.contains(sym.get(i))) {
                keep.add(i);
            }
        }
        if (keep.size() == t.count()) {
            return t;
        }
        List<QValue> cols = new ArrayList<>();
        for (QSequence c : t.columns()) {
            List<QValue> items = new ArrayList<>(keep.size());
            for (int i : keep) {
                items.add(c.at(i));
            }
            cols.add(c instanceof QVector v ? QVectors.ofAtoms(v.type(), items) : QList.of(items));
        }
        return QTable.of(t.columnNames(), cols);
    }
}
