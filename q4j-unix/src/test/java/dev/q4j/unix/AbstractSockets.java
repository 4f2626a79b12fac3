package dev.q4j.unix;

import dev.q4j.testing.servers.RawServer;
import java.io.EOFException;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/** Test servers on Unix sockets in Linux's abstract namespace (junixsocket), built on q4j-testing's RawServer. */
final class AbstractSockets {
    private AbstractSockets() {
    }

    /** @return a name no other test run uses: /tmp/q4j-test-RANDOM */
    static String uniqueName() {
        return "/tmp/q4j-test-" + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
    }

    /**
     * A kdb+-speaking server on {@code name} in the abstract namespace, one connection at a time, each served by
     * {@code script}; the client going away (an {@link EOFException} in the script) is not a failure.
     */
    static RawServer server(String name, RawServer.Script script) throws IOException {
        AFUNIXServerSocket socket = AFUNIXServerSocket.bindOn(AFUNIXSocketAddress.inAbstractNamespace(name));
        return RawServer.on(socket, peer -> {
            try {
                script.serve(peer);
            } catch (EOFException clientWentAway) {
                // part of the test
            }
        });
    }
}
