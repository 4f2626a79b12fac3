/**
 * Connections to kdb+: {@link dev.q4j.client.QConnection} runs queries and function calls synchronously,
 * asynchronously and pipelined, receives what the server pushes (subscriptions) through a
 * {@link dev.q4j.client.MessageListener}, and reconnects by its {@link dev.q4j.client.ReconnectPolicy}; its
 * {@link dev.q4j.client.ConnectionOptions} are immutable. Failures are typed: {@link dev.q4j.QErrorException} for q's
 * errors, {@link dev.q4j.client.QConnectionException}, {@link dev.q4j.client.QAuthenticationException},
 * {@link dev.q4j.client.QTimeoutException}.
 *
 * <p>Depends on {@link dev.q4j.ipc} and the core; never on {@link dev.q4j.server}.
 */
package dev.q4j.client;
