/**
 * The parts of {@code q4j demo}, a kdb+tick-style system made of q4j alone: {@link
 * dev.q4j.examples.demo.DemoFeed} publishes synthetic trades and quotes to a {@link dev.q4j.tick.Tickerplant},
 * {@link dev.q4j.examples.demo.DemoRdb} subscribes and answers a few queries as a real-time database would, and
 * {@link dev.q4j.examples.demo.LatencyHistogram} counts the latencies; {@link dev.q4j.examples.demo.DemoSystem}
 * assembles them, with a client for queries. The command, which runs it and prints what happens as the q console
 * would, is the CLI's {@code demo}.
 *
 * <pre>{@code
 * try (DemoSystem demo = DemoSystem.start(5010, 5011, 200, 1_000_000)) {   // q)h:hopen 5011; h"count trade"
 *     demo.startFeed();
 *     Thread.sleep(60_000);
 * }
 * }</pre>
 *
 * <p>Depends on q4j-ipc's client, server and tickerplant and on the core; nothing but the CLI depends on it.
 */
package dev.q4j.examples.demo;
