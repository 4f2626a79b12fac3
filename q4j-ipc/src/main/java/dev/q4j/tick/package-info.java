/**
 * A service built on q4j's server: {@link dev.q4j.tick.Tickerplant}, a kdb+tick-style tickerplant
 * ({@code .u.sub}, {@code .u.upd}) that q subscribers and feeds written for kdb+tick's {@code tick.q} use
 * unchanged. It keeps no log and runs no end of day: it is for tests, demos and small systems in one JVM.
 *
 * <pre>{@code
 * try (Tickerplant tp = Tickerplant.start(ServerOptions.builder(5010).bind("127.0.0.1"), Map.of())) {
 *     tp.publish("trade", rows);   // or feeds send .u.upd; subscribers get (`upd;`trade;rows)
 * }
 * }</pre>
 *
 * <p>A user of the server, not a part of it: it depends only on the public API of {@link dev.q4j.server} and the
 * core, never on {@link dev.q4j.client}; nothing in {@link dev.q4j.server} depends on it.
 */
package dev.q4j.tick;
