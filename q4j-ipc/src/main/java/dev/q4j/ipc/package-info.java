/**
 * What the client and the server share: {@link dev.q4j.ipc.Endpoint} (TCP host and port, a Unix socket path, an
 * abstract Unix name), {@link dev.q4j.ipc.Transport}s and {@link dev.q4j.ipc.Listener}s over plain JDK sockets and TLS
 * ({@link dev.q4j.ipc.TlsOptions}), the {@link dev.q4j.ipc.TransportProvider} service through which add-on modules
 * bring more transports, and the reading of whole messages off a stream.
 *
 * <p>Depends on the core ({@link dev.q4j.codec}, {@link dev.q4j.value}, {@link dev.q4j}); never on
 * {@link dev.q4j.client} or {@link dev.q4j.server}.
 */
package dev.q4j.ipc;
