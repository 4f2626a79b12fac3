/**
 * The parts of {@code q4j demo}, a kdb+tick-style system made of q4j alone: {@link
 * dev.q4j.examples.demo.DemoFeed} publishes synthetic trades and quotes to a {@link dev.q4j.tick.Tickerplant},
 * {@link dev.q4j.examples.demo.DemoRdb} subscribes and answers a few queries as a real-time database would, and
 * {@link dev.q4j.examples.demo.LatencyHistogram} counts the latencies. The command itself, which assembles them and
 * prints what happens as the q console would, is the CLI's {@code demo}.
 *
 * <pre>{@code
 * Tickerplant tp = Tickerplant.start(ServerOptions.builder(5010).bind("127.0.0.1"), DemoFeed.schemas());
 * DemoFeed feed = new DemoFeed(QConnection.connect("127.0.0.1:5010"), new DemoFeed.Clock(), 200, 1);
 * feed.start();
 * }</pre>
 *
 * <p>Depends on q4j-ipc's client, server and tickerplant and on the core; nothing but the CLI depends on it.
 */
package dev.q4j.examples.demo;
