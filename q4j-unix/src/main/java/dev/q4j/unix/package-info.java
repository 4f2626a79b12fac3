/**
 * Unix domain sockets in Linux's abstract namespace ({@code @name}), which the JDK cannot open, through junixsocket:
 * a {@link dev.q4j.ipc.TransportProvider} found by {@link java.util.ServiceLoader} when this module is present.
 *
 * <p>Depends on {@link dev.q4j.ipc} and junixsocket.
 */
package dev.q4j.unix;
