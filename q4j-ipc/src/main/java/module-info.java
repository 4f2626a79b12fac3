/**
 * q4j ipc: connections to kdb+ ({@link dev.q4j.client}) over the transports of {@link dev.q4j.ipc}: TCP, TLS and
 * Unix domain sockets. Plain JDK I/O; add-on modules supply more transports through {@link
 * dev.q4j.ipc.TransportProvider}.
 */
module dev.q4j.ipc {
    requires transitive dev.q4j.core;
    // JDK Flight Recorder events (dev.q4j.internal.jfr, not exported): free unless a recording runs
    requires jdk.jfr;

    exports dev.q4j.ipc;
    exports dev.q4j.client;
    exports dev.q4j.server;
    // a tickerplant service built on the server's public API
    exports dev.q4j.tick;

    uses dev.q4j.ipc.TransportProvider;
}
