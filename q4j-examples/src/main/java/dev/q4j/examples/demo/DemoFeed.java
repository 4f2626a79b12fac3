package dev.q4j.examples.demo;

import dev.q4j.client.QConnection;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimespanVector;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The demo's feed handler: synthetic trades and quotes for a handful of symbols, published to a tickerplant as
 * kdb+ feeds do, {@code .u.upd[`trade;(time;sym;price;size)]} as async messages, at a steady rate on a thread of
 * its own. Prices follow a geometric random walk per symbol, in whole cents; quotes have a spread of 1 to 3 cents;
 * trades happen at the bid or the ask; sizes are round lots.
 *
 * <p>The {@code time} column is the publish time: a timespan (time of day, nanoseconds) from {@link Clock}, taken
 * just before each message is sent, so a subscriber in the same process can measure the latency of every row.
 *
 * <pre>{@code
 * try (QConnection tp = QConnection.connect("localhost:5010")) {
 *     DemoFeed feed = new DemoFeed(tp, new DemoFeed.Clock(), 200, 42);
 *     feed.start();
 *     Thread.sleep(5_000);
 *     feed.stop();   // feed.messages(), feed.rows()
 * }
 * }</pre>
 */
public final class DemoFeed {
    /** The symbols, sorted. */
    public static final List<String> SYMBOLS = List.of("AAPL", "AMZN", "GOOG", "IBM", "MSFT");
    private static final double[] START_PRICES = {190, 180, 140, 185, 410};
    /** Standard deviation of a mid price's log step. */
    private static final double VOLATILITY = 0.0004;
    /** Sends beyond this many late messages are skipped rather than sent in a burst (after a long pause). */
    private static final int MAX_BURST = 1000;

    private final QConnection tickerplant;
    private final Clock clock;
    private final double rate;
    private final Random random;
    private final double[] mids = START_PRICES.clone();
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong rows = new AtomicLong();
    private volatile boolean running;
    private volatile Throwable failure;
    private volatile long startNanos;
    private volatile long stopNanos;
    private Thread thread;

    /**
     * A feed that starts publishing at {@link #start()}.
     *
     * @param tickerplant where to send {@code .u.upd}
     * @param clock the time of day for the {@code time} column
     * @param rate {@code .u.upd} messages a second, trades and quotes alternately
     * @param seed seeds the random walks
     */
    public DemoFeed(QConnection tickerplant, Clock clock, double rate, long seed) {
        this.tickerplant = tickerplant;
        this.clock = clock;
        this.rate = rate;
        this.random = new Random(seed);
    }

    /** {@return the empty tables the feed publishes to, for the tickerplant} */
    public static Map<String, QTable> schemas() {
        return Map.of(
                "trade", QTable.of(List.of("time", "sym", "price", "size"),
                        List.of(QTimespanVector.EMPTY, QSymbolVector.EMPTY, QFloatVector.EMPTY, QLongVector.EMPTY)),
                "quote", QTable.of(List.of("time", "sym", "bid", "ask", "bsize", "asize"),
                        List.of(QTimespanVector.EMPTY, QSymbolVector.EMPTY, QFloatVector.EMPTY, QFloatVector.EMPTY,
                                QLongVector.EMPTY, QLongVector.EMPTY)));
    }

    /** Starts publishing on a thread of its own. */
    public synchronized void start() {
        running = true;
        thread = new Thread(this::publishLoop, "q4j-demo-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops publishing and waits for the thread to end. */
    public void stop() {
        running = false;
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            boolean interrupted = false;
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@return {@code .u.upd} messages sent} */
    public long messages() {
        return messages.get();
    }

    /** {@return rows they held} */
    public long rows() {
        return rows.get();
    }

    /** {@return why publishing stopped early, or {@code null}} */
    public Throwable failure() {
        return failure;
    }

    /** {@return seconds from the first message to the stop (or to now while running)} */
    public double seconds() {
        long start = startNanos;
        if (start == 0) {
            return 0;
        }
        long end = stopNanos == 0 ? System.nanoTime() : stopNanos;
        return (end - start) / 1e9;
    }

    private void publishLoop() {
        long start = System.nanoTime();
        startNanos = start;
        long sent = 0;
        try {
            while (running) {
                long due = (long) ((System.nanoTime() - start) * rate / 1e9) + 1;
                if (due - sent > MAX_BURST) {
                    sent = due - MAX_BURST;
                }
                while (sent < due && running) {
                    publish(sent % 2 == 0);
                    sent++;
                }
                long wait = start + (long) (sent * 1e9 / rate) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            stopNanos = System.nanoTime();
        }
    }

    private void publish(boolean trade) {
        int n = 1 + random.nextInt(trade ? 4 : 6);
        String[] sym = new String[n];
        long[] size = new long[n];
        long[] size2 = new long[n];
        double[] price = new double[n];
        double[] price2 = new double[n];
        for (int i = 0; i < n; i++) {
            int s = random.nextInt(SYMBOLS.size());
            sym[i] = SYMBOLS.get(s);
            mids[s] *= Math.exp(VOLATILITY * random.nextGaussian());
            long spread = 1 + random.nextInt(3);
            long bid = Math.round(mids[s] * 100 - spread / 2.0);
            long ask = bid + spread;
            if (trade) {
                price[i] = (random.nextBoolean() ? bid : ask) / 100.0;
                size[i] = 100L * (1 + random.nextInt(10));
            } else {
                price[i] = bid / 100.0;
                price2[i] = ask / 100.0;
                size[i] = 100L * (1 + random.nextInt(20));
                size2[i] = 100L * (1 + random.nextInt(20));
            }
        }
        long[] time = new long[n];
        Arrays.fill(time, clock.now());
        QList columns = trade
                ? QList.of(QTimespanVector.wrap(time), QSymbolVector.wrap(sym), QFloatVector.wrap(price),
                        QLongVector.wrap(size))
                : QList.of(QTimespanVector.wrap(time), QSymbolVector.wrap(sym), QFloatVector.wrap(price),
                        QFloatVector.wrap(price2), QLongVector.wrap(size), QLongVector.wrap(size2));
        tickerplant.send(".u.upd", QSymbol.of(trade ? "trade" : "quote"), columns);
        messages.incrementAndGet();
        rows.addAndGet(n);
    }

    /**
     * The time of day in nanoseconds, as a kdb+ timespan, that never goes backwards: the local time of day when it
     * was made plus the monotonic {@link System#nanoTime()} since. Within one process, the difference of two
     * readings is an exact elapsed time.
     */
    public static final class Clock {
        private final long originNanoTime = System.nanoTime();
        private final long originTimeOfDay = LocalTime.now().toNanoOfDay();

        /** A clock starting from the local time of day now. */
        public Clock() {
        }

        /** {@return nanoseconds since local midnight (past a day after midnight, as a timespan of 1D and more)} */
        public long now() {
            return originTimeOfDay + (System.nanoTime() - originNanoTime);
        }
    }
}
