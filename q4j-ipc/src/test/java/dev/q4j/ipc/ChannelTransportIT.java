package dev.q4j.ipc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Unix-socket transports (a socket file, both sides channels): a large message goes through in slices, never through
 * a temporary direct buffer as large as itself (which the channel would keep cached on the thread).
 */
class ChannelTransportIT {
    private static final int SIZE = 48 << 20;

    @Test
    void aLargeMessageGoesBothWaysWithoutDirectMemoryAsLargeAsItself() throws Exception {
        Path dir = Files.createTempDirectory("q4j-channel");
        Path socket = dir.resolve("q.sock");
        BufferPoolMXBean direct = ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
        byte[] sent = new byte[SIZE];
        new Random(5).nextBytes(sent);
        try (Listener listener = Transports.listen(Endpoint.unix(socket), null)) {
            CompletableFuture<Transport> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return listener.accept();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            try (Transport client = Transports.connect(Endpoint.unix(socket), Duration.ofSeconds(5), null);
                 Transport server = accepted.get(5, TimeUnit.SECONDS)) {
                long before = direct.getTotalCapacity();
                // client to server, then back: one write of the whole message, reads of as much as is left
                CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(client, sent));
                byte[] got = readFully(server.input());
                writing.get(10, TimeUnit.SECONDS);
                CompletableFuture<Void> back = CompletableFuture.runAsync(() -> write(server, got));
                byte[] returned = readFully(client.input());
                back.get(10, TimeUnit.SECONDS);
                assertThat(returned).isEqualTo(sent);
                assertThat(direct.getTotalCapacity() - before).as("direct memory taken by the transfers")
                        .isLessThan(2L << 20);
            }
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
    }

    private static void write(Transport t, byte[] bytes) {
        try {
            t.output().write(bytes);
            t.output().flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] readFully(InputStream in) throws IOException {
        byte[] got = new byte[SIZE];
        int at = 0;
        while (at < SIZE) {
            int n = in.read(got, at, SIZE - at);
            if (n < 0) {
                throw new java.io.EOFException("after " + at + " bytes");
            }
            at += n;
        }
        return got;
    }
}
