package dev.q4j.client;

import dev.q4j.testing.servers.RawServer;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QValue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link RawServer} script for tests that need a reply to come late: it answers each char-vector request, but holds
 * back those beginning with a prefix until the test releases one permit for each (within 5 seconds, or it fails).
 *
 * <pre>{@code
 * Semaphore release = new Semaphore(0);
 * try (RawServer server = RawServer.tcp(HeldReplies.holding("slow", release, QCharVector::of))) { ... }
 * }</pre>
 */
final class HeldReplies {
    private HeldReplies() {
    }

    /**
     * {@return the script}
     *
     * @param prefix what the requests held back begin with
     * @param release one permit a request held back
     * @param reply the reply to a request's text
     */
    static RawServer.Script holding(String prefix, Semaphore release, Function<String, QValue> reply) {
        return peer -> {
            peer.handshake(3);
            peer.tolerateDisconnect();
            while (true) {
                String text = ((QCharVector) peer.read().value()).asString();
                if (text.startsWith(prefix) && !release.tryAcquire(5, TimeUnit.SECONDS)) {
                    throw new AssertionError("never released");
                }
                peer.reply(reply.apply(text));
            }
        };
    }
}
