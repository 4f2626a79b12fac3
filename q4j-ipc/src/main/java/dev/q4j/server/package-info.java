/**
 * A kdb+-speaking server that q clients, javakdb and node-q can query and publish to: {@link dev.q4j.server.QServer}
 * with a {@link dev.q4j.server.RequestHandler} for sync requests, an {@link dev.q4j.server.AsyncHandler} for async
 * messages, an {@link dev.q4j.server.Authenticator} for logins, and {@link dev.q4j.server.ServerOptions} bounding
 * what one client (or a hostile one) may cost. {@link dev.q4j.server.Tickerplant} is a small tickerplant service
 * built on it ({@code .u.sub}, {@code .u.upd}).
 *
 * <p>Depends on {@link dev.q4j.ipc} and the core; never on {@link dev.q4j.client}.
 */
package dev.q4j.server;
