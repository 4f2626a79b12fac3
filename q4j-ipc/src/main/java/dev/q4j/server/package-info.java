/**
 * A kdb+-speaking server that q clients, javakdb and node-q can query and publish to: {@link dev.q4j.server.QServer}
 * with a {@link dev.q4j.server.RequestHandler} for sync requests, an {@link dev.q4j.server.AsyncHandler} for async
 * messages, an {@link dev.q4j.server.Authenticator} for logins, and {@link dev.q4j.server.ServerOptions} bounding
 * what one client (or a hostile one) may cost. Services built on it live in packages of their own, such as
 * the tickerplant of {@code dev.q4j.tick}.
 *
 * <p>Depends on {@link dev.q4j.ipc} and the core; never on {@link dev.q4j.client}.
 */
package dev.q4j.server;
