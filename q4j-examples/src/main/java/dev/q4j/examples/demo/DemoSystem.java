package dev.q4j.examples.demo;

import dev.q4j.client.ConnectionOptions;
import dev.q4j.client.QConnection;
import dev.q4j.codec.QMessage;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's kdb+tick-style system, all q4j, in this process, on 127.0.0.1: a {@link Tickerplant} knowing the
 * feed's tables, a real-time database ({@link DemoRdb} served by a {@link QServer}) subscribed to every table as
 * kdb+tick's r.q is, a {@link DemoFeed} publishing to the tickerplant once {@link #startFeed() started}, and a client
 * connection to the RDB for queries. Every row the RDB receives has its latency recorded, from the publish time the
 * feed wrote into its {@code time} column.
 *
 * <pre>{@code
 * try (DemoSystem demo = DemoSystem.start(0, 0, 200, 1_000_000)) {
 *     demo.startFeed();
 *     Thread.sleep(1000);
 *     demo.client().query("select last price by sym from trade");
 *     demo.drain(Duration.ofSeconds(10));
 *     demo.latency().percentile(99);
 * }
 * }</pre>
 */
public final class DemoSystem implements AutoCloseable {
    /** Where everything listens. */
    public static final String HOST = "127.0.0.1";

    private final DemoFeed.Clock clock = new DemoFeed.Clock();
    private final DemoRdb rdb;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong receivedRows = new AtomicLong();
    private volatile DemoRdb.Update lastUpdate;
    private volatile Throwable subscriberFailure;

    private Tickerplant tickerplant;
    private QServer rdbServer;
    private QConnection subscriber;
    private QConnection feedConnection;
    private QConnection client;
    private DemoFeed feed;

    private DemoSystem(int maxRows) {
        rdb = new DemoRdb(maxRows);
    }

    /**
     * Starts the tickerplant and the RDB, subscribes the RDB, and connects the feed and the client; the feed does
     * not publish until {@link #startFeed()}.
     *
     * @param tickerplantPort the tickerplant's port (0: a free one)
     * @param rdbPort the RDB's port (0: a free one)
     * @param rate {@code .u.upd} messages the feed sends a second
     * @param maxRows rows each RDB table keeps at most
     * @return the running system, to be closed
     * @throws IOException when the tickerplant or the RDB cannot listen; its message starts with
     *     {@code "tickerplant: "} or {@code "RDB: "}
     */
    public static DemoSystem start(int tickerplantPort, int rdbPort, double rate, int maxRows) throws IOException {
        DemoSystem system = new DemoSystem(maxRows);
        try {
            system.open(tickerplantPort, rdbPort, rate);
        } catch (IOException | RuntimeException e) {
            system.close();
            throw e;
        }
        return system;
    }

    private void open(int tickerplantPort, int rdbPort, double rate) throws IOException {
        try {
            tickerplant = Tickerplant.start(ServerOptions.builder(tickerplantPort).bind(HOST), DemoFeed.schemas());
        } catch (IOException e) {
            throw new IOException("tickerplant: " + message(e), e);
        }
        try {
            rdbServer = QServer.start(ServerOptions.builder(rdbPort).bind(HOST)
                    .requestHandler(RequestHandler.sync((c, request) -> rdb.query(request)))
                    .build());
        } catch (IOException e) {
            throw new IOException("RDB: " + message(e), e);
        }
        // the RDB subscribes to every table and starts from the schemas the tickerplant answers, as r.q does
        subscriber = QConnection.connect(ConnectionOptions.builder(HOST, tickerplantPort())
                .listener(this::onUpdate)
                .errorHandler(e -> subscriberFailure = e)
                .build());
        QValue schemas = subscriber.call(".u.sub", QSymbol.NULL, QSymbol.NULL);
        for (QValue pair : ((QList) schemas).items()) {
            QList p = (QList) pair;
            rdb.define(((QSymbol) p.at(0)).value(), (QTable) p.at(1));
        }
        feedConnection = QConnection.connect(ConnectionOptions.builder(HOST, tickerplantPort()).build());
        client = QConnection.connect(ConnectionOptions.builder(HOST, rdbPort()).build());
        feed = new DemoFeed(feedConnection, clock, rate, System.nanoTime());
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** The subscriber's {@code upd}: into the RDB, and the latency of each row from its publish time. */
    private void onUpdate(QMessage message) {
        long now = clock.now();
        DemoRdb.Update u = rdb.upd(message.value());
        int time = u.rows().indexOf("time");
        if (time >= 0 && u.rows().columns().get(time) instanceof LongBackedVector published) {
            for (long t : published.array()) {
                latency.record(now - t);
            }
        }
        received.incrementAndGet();
        receivedRows.addAndGet(u.rows().count());
        lastUpdate = u;
    }

    /** Starts the feed publishing, on a thread of its own. */
    public void startFeed() {
        feed.start();
    }

    /**
     * Stops the feed and waits until the RDB has received every row it published: the tickerplant has processed
     * everything the feed sent, and the RDB subscribes to every table and sym.
     *
     * @param timeout how long to wait for the RDB at most
     * @throws InterruptedException when interrupted
     */
    public void drain(Duration timeout) throws InterruptedException {
        feed.stop();
        feedConnection.sync();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (receivedRows.get() < feed.rows() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    /** {@return the tickerplant's port} */
    public int tickerplantPort() {
        return tickerplant.server().port();
    }

    /** {@return the RDB's port} */
    public int rdbPort() {
        return rdbServer.port();
    }

    /** {@return the tickerplant, for its counts} */
    public Tickerplant tickerplant() {
        return tickerplant;
    }

    /** {@return the feed, for its counts and its failure} */
    public DemoFeed feed() {
        return feed;
    }

    /** {@return the RDB's tables} */
    public DemoRdb rdb() {
        return rdb;
    }

    /** {@return a connection to the RDB, for queries} */
    public QConnection client() {
        return client;
    }

    /** {@return the latency of every row the RDB received, in nanoseconds} */
    public LatencyHistogram latency() {
        return latency;
    }

    /** {@return the {@code upd} messages the RDB received} */
    public long received() {
        return received.get();
    }

    /** {@return the rows they held} */
    public long receivedRows() {
        return receivedRows.get();
    }

    /** {@return what the last {@code upd} the RDB received appended, or {@code null} before the first} */
    public DemoRdb.Update lastUpdate() {
        return lastUpdate;
    }

    /** {@return why the RDB's subscription failed, or {@code null}} */
    public Throwable subscriberFailure() {
        return subscriberFailure;
    }

    /** Stops the feed, closes the connections and shuts the RDB and the tickerplant down. */
    @Override
    public void close() {
        if (feed != null) {
            feed.stop();
        }
        for (QConnection c : new QConnection[] {client, feedConnection, subscriber}) {
            if (c != null) {
                c.close();
            }
        }
        if (rdbServer != null) {
            rdbServer.shutdown(Duration.ofSeconds(1));
        }
        if (tickerplant != null) {
            tickerplant.server().shutdown(Duration.ofSeconds(1));
        }
    }
}
