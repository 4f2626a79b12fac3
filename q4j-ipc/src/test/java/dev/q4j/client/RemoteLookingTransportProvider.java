package dev.q4j.client;

import dev.q4j.ipc.Endpoint;
import dev.q4j.ipc.Transport;
import dev.q4j.ipc.TransportProvider;
import dev.q4j.ipc.Transports;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A test-only transport provider (registered in the test resources' META-INF/services): the host
 * {@value #HOST} connects to 127.0.0.1 over plain TCP but reports itself as not local, so that tests can see what
 * the client does for a remote peer without leaving the loopback interface. Also proves that providers found by
 * ServiceLoader are used.
 */
public final class RemoteLookingTransportProvider implements TransportProvider {
    /** a name under the reserved .test domain: it never resolves, so only this provider can reach it */
    static final String HOST = "remote.q4j.test";

    @Override
    public boolean supports(Endpoint endpoint) {
        return endpoint instanceof Endpoint.Tcp tcp && tcp.host().equals(HOST);
    }

    @Override
    public Transport connect(Endpoint endpoint, Duration timeout) throws IOException {
        Endpoint.Tcp tcp = (Endpoint.Tcp) endpoint;
        Transport loopback = Transports.connect(Endpoint.tcp("127.0.0.1", tcp.port()), timeout, null);
        return new Transport() {
            @Override
            public InputStream input() {
                return loopback.input();
            }

            @Override
            public OutputStream output() {
                return loopback.output();
            }

            @Override
            public boolean isLocal() {
                return false;
            }

            @Override
            public String peer() {
                return tcp.toString();
            }

            @Override
            public void close() throws IOException {
                loopback.close();
            }
        };
    }
}
