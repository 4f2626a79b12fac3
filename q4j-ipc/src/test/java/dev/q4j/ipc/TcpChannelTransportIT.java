package dev.q4j.ipc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.channels.ClosedByInterruptException;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server's plain TCP transport (a channel with buffers of its own), against a plain socket on loopback: what it
 * reads and writes is what the socket sent and receives, whatever the sizes and however the bytes arrive.
 */
class TcpChannelTransportIT {
    private Listener listener;
    private Socket peer;
    private Transport transport;

    @BeforeEach
    void connect() throws IOException {
        listener = Transports.listen(Endpoint.tcp("127.0.0.1", 0), null);
        peer = new Socket(InetAddress.getLoopbackAddress(), ((Endpoint.Tcp) listener.endpoint()).port());
        peer.setSoTimeout(10_000);
        transport = listener.accept();
    }

    @AfterEach
    void close() throws IOException {
        transport.close();
        peer.close();
        listener.close();
    }

    @Test
    void plainTcpListenerHandsOutTheChannelTransportSeeingArrivingBytesAndTheLoopbackPeer() {
        assertThat(transport).isInstanceOf(TcpChannelTransport.class);
        assertThat(transport.seesArrivingBytes()).isTrue();
        assertThat(transport.isLocal()).isTrue();
        assertThat(transport.peer()).startsWith("/127.0.0.1:").isEqualTo(peer.getLocalSocketAddress().toString());
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "peer watched: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void readsEveryByteInOrderWhateverTheSizesOfTheReadsAndOfWhatArrives(boolean watched) throws Exception {
        // 1 MB: smaller and larger than the input buffer, sent in pieces of random sizes; read as a server reads a
        // client in its handshake too (polling, not blocking), although it sends far more than one
        transport.watchPeer(watched);
        byte[] sent = new byte[1 << 20];
        Random random = new Random(7);
        random.nextBytes(sent);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = peer.getOutputStream();
                int at = 0;
                Random r = new Random(8);
                while (at < sent.length) {
                    int n = Math.min(sent.length - at, 1 + r.nextInt(100_000));
                    out.write(sent, at, n);
                    out.flush();
                    at += n;
                }
                peer.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        writer.start();
        InputStream in = transport.input();
        byte[] got = new byte[sent.length];
        int at = 0;
        while (at < got.length) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                int b = in.read();
                assertThat(b).isNotNegative();
                got[at++] = (byte) b;
            } else {
                int want = kind == 1 ? 1 + random.nextInt(16) : kind == 2 ? 1 + random.nextInt(40_000)
                        : 100_000 + random.nextInt(100_000);
                int n = in.read(got, at, Math.min(want, got.length - at));
                assertThat(n).isPositive();
                at += n;
            }
        }
        writer.join(10_000);
        assertThat(got).isEqualTo(sent);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(in.read(new byte[10], 0, 0)).isZero();
    }

    @Test
    void aLargeReadTakesNoDirectMemoryAsLargeAsItself() throws Exception {
        // a channel reads into a heap array through a temporary direct buffer of the request's size, kept on the
        // thread: a 1 GiB message read in one call would take 1 GiB of direct memory
        byte[] sent = new byte[48 << 20];
        new Random(3).nextBytes(sent);
        Thread writer = new Thread(() -> {
            try {
                peer.getOutputStream().write(sent);
                peer.getOutputStream().flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        java.lang.management.BufferPoolMXBean direct = java.lang.management.ManagementFactory
                .getPlatformMXBeans(java.lang.management.BufferPoolMXBean.class).stream()
                .filter(p -> p.getName().equals("direct")).findFirst().orElseThrow();
        long before = direct.getTotalCapacity();
        writer.start();
        byte[] got = new byte[sent.length];
        InputStream in = transport.input();
        int at = 0;
        while (at < got.length) {
            int n = in.read(got, at, got.length - at);
            assertThat(n).isPositive();
            at += n;
        }
        writer.join(10_000);
        assertThat(got).isEqualTo(sent);
        assertThat(direct.getTotalCapacity() - before).as("direct memory taken by the reads")
                .isLessThan(1 << 20);
    }

    @Test
    void availableCountsWhatIsBufferedAndThenWhatTheKernelHoldsBufferedInputOnlyTheFormer() throws Exception {
        InputStream in = transport.input();
        assertThat(in.available()).isZero();
        assertThat(transport.bufferedInput()).isZero();
        peer.getOutputStream().write(new byte[] {1, 2, 3, 4, 5});
        peer.getOutputStream().flush();
        assertThat(in.read()).isEqualTo(1);
        assertThat(in.available()).isEqualTo(4);
        assertThat(transport.bufferedInput()).isEqualTo(4);
        assertThat(in.skip(3)).isEqualTo(3);
        assertThat(in.available()).isEqualTo(1);
        assertThat(transport.bufferedInput()).isEqualTo(1);
        assertThat(in.read()).isEqualTo(5);
        assertThat(in.available()).isZero();
        peer.getOutputStream().write(new byte[] {6, 7});
        peer.getOutputStream().flush();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (in.available() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(in.available()).isEqualTo(2);
        assertThat(transport.bufferedInput()).as("what the kernel holds is not asked for").isZero();
        assertThat(in.read()).isEqualTo(6);
        assertThat(transport.bufferedInput()).isEqualTo(1);
        assertThat(in.markSupported()).isFalse();
    }

    @Test
    void bufferedInputCannotTellOnceAReadFilledTheBufferForMoreMayWaitInTheKernel() throws Exception {
        // a peer that writes faster than it is read: the reader must ask the kernel (available()), not assume 0
        byte[] lots = new byte[(1 << 15) + 100];
        peer.getOutputStream().write(lots);
        peer.getOutputStream().flush();
        InputStream in = transport.input();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (in.available() < lots.length && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        byte[] part = new byte[1 << 15];
        // a small read first, so that the input fills its own buffer (32 KiB) and hands out of it
        assertThat(in.read(part, 0, 10)).isEqualTo(10);
        assertThat(transport.bufferedInput()).isEqualTo((1 << 15) - 10);
        assertThat(in.readNBytes(part, 0, (1 << 15) - 10)).isEqualTo((1 << 15) - 10);
        assertThat(transport.bufferedInput()).as("the last read filled the buffer").isEqualTo(-1);
        assertThat(in.available()).isEqualTo(100);
        assertThat(in.read(part, 0, 10)).isEqualTo(10);
        assertThat(in.readNBytes(part, 0, 90)).isEqualTo(90);
        assertThat(transport.bufferedInput()).as("the last read got less than it asked for").isZero();
    }

    @Test
    void aWatchedPeerIsSilentUntilItsBytesArriveAndNotWhileTheReaderHoldsWhatItTook() throws Exception {
        // what a server asks from its accepting thread to tell a silent client from one it has not got round to
        assertThat(transport.waitsForPeer()).as("not watched: it does not say").isFalse();
        transport.watchPeer(true);
        assertThat(transport.waitsForPeer()).as("nothing sent, nothing read").isTrue();
        InputStream in = transport.input();
        java.util.concurrent.CompletableFuture<Integer> first = readAsync(in);
        Thread.sleep(200);
        assertThat(first).isNotDone();
        assertThat(transport.waitsForPeer()).as("a read waiting on a silent peer").isTrue();
        peer.getOutputStream().write(new byte[] {7, 8, 9});
        peer.getOutputStream().flush();
        assertThat(first.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(7);
        assertThat(transport.waitsForPeer()).as("two bytes read and not taken").isFalse();
        assertThat(in.read()).isEqualTo(8);
        assertThat(in.read()).isEqualTo(9);
        assertThat(transport.waitsForPeer()).as("everything taken, the reader busy with it").isFalse();
        java.util.concurrent.CompletableFuture<Integer> second = readAsync(in);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!transport.waitsForPeer() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(transport.waitsForPeer()).as("the reader waiting for more").isTrue();
        assertThat(second).isNotDone();
        peer.getOutputStream().write(10);
        peer.getOutputStream().flush();
        assertThat(second.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(10);
        transport.watchPeer(false);
        assertThat(transport.waitsForPeer()).as("the watch ended").isFalse();
        java.util.concurrent.CompletableFuture<Integer> blocking = readAsync(in);
        Thread.sleep(100);
        assertThat(blocking).isNotDone();
        peer.getOutputStream().write(11);
        peer.getOutputStream().flush();
        assertThat(blocking.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(11);
    }

    @Test
    void aWatchedReadEndsAtTheEndOfTheStreamAndFailsAtOnceWhenTheTransportCloses() throws Exception {
        transport.watchPeer(true);
        InputStream in = transport.input();
        java.util.concurrent.CompletableFuture<Integer> waiting = readAsync(in);
        Thread.sleep(200);
        transport.close();
        assertThat(waiting).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(java.io.UncheckedIOException.class);

        Socket other = new Socket(InetAddress.getLoopbackAddress(), ((Endpoint.Tcp) listener.endpoint()).port());
        try (Transport t = listener.accept()) {
            t.watchPeer(true);
            other.close();
            assertThat(t.input().read()).as("the peer closed without a byte").isEqualTo(-1);
        }
    }

    private static java.util.concurrent.CompletableFuture<Integer> readAsync(InputStream in) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return in.read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void writesArriveWholeFromOneByteToManyTimesTheBuffer() throws Exception {
        byte[] large = new byte[(1 << 16) * 5 + 123];
        new Random(9).nextBytes(large);
        byte[][] got = new byte[1][];
        // the peer reads while the transport writes: more than the socket buffers hold
        Thread drain = new Thread(() -> {
            try {
                got[0] = peer.getInputStream().readNBytes(1 + 3 + large.length);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        drain.start();
        OutputStream out = transport.output();
        out.write(42);
        out.write(new byte[] {9, 1, 2, 3, 9}, 1, 3);
        out.write(large);
        out.flush();
        drain.join(10_000);
        assertThat(got[0]).hasSize(1 + 3 + large.length);
        assertThat(got[0][0]).isEqualTo((byte) 42);
        assertThat(java.util.Arrays.copyOfRange(got[0], 1, 4)).containsExactly(1, 2, 3);
        assertThat(java.util.Arrays.copyOfRange(got[0], 4, got[0].length)).isEqualTo(large);
    }

    @Test
    void closingFromAnotherThreadEndsABlockedRead() throws Exception {
        Thread closer = new Thread(() -> {
            try {
                Thread.sleep(200);
                transport.close();
            } catch (InterruptedException | IOException e) {
                throw new IllegalStateException(e);
            }
        });
        closer.start();
        assertThatThrownBy(() -> transport.input().read()).isInstanceOf(IOException.class);
        closer.join();
    }

    @Test
    void aReadByAnInterruptedThreadClosesTheChannelAsChannelsDo() throws Exception {
        // why the server clears an interrupt its handlers leave behind before it reads again
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> transport.input().read()).isInstanceOf(ClosedByInterruptException.class);
        } finally {
            Thread.interrupted();
        }
    }
}
