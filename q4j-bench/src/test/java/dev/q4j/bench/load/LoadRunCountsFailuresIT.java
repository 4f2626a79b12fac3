package dev.q4j.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.bench.LoopbackServer;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The load harness reports a server's failures instead of passing them: an echo server that answers one request per
 * connection with the wrong sequence number shows misordered replies, one that drops a reply shows it lost (the
 * client's read times out), and neither run counts as complete.
 */
class LoadRunCountsFailuresIT {
    /** 5 sync clients x 20 requests after 5 warm-up ones, a pipelined client (batches of 7), 1 hostile of each kind */
    private static final LoadRun.Config TINY = new LoadRun.Config(5, 20, 5, 50, 1, 7, 1, 1, 20, 1000, List.of());
    /** the message (counted from 0 on each connection) the faulty server gets wrong: in the measured phase */
    private static final int FAULTY = 10;

    @Test
    void wrongSequenceInOneReplyPerConnectionIsCountedMisordered() throws Exception {
        try (FaultyServer server = new FaultyServer(false)) {
            LoadRun.Result r = LoadRun.runAgainst(LoadServer.Kind.Q4J, TINY, server.port());
            String report = LoadMain.format(r);
            // each of the 6 clients gets one wrong reply, then the right ones again
            assertThat(r.misordered()).as(report).isEqualTo(6);
            assertThat(r.ok()).as(report).isEqualTo(r.expected() - 6);
            assertThat(r.lost()).as(report).isZero();
            assertThat(r.complete()).as(report).isFalse();
        }
    }

    @Test
    void droppedReplyIsCountedLost() throws Exception {
        try (FaultyServer server = new FaultyServer(true)) {
            LoadRun.Result r = LoadRun.runAgainst(LoadServer.Kind.Q4J, TINY, server.port());
            String report = LoadMain.format(r);
            // every sync client loses its 6th measured request (message 10) and stops there. The pipelined client's
            // first batch is messages 5..11: it reads 5 replies, then the reply to message 11 where it expects 10's
            // (misordered), then waits in vain for the 7th (lost); the rest of its requests are never sent
            assertThat(r.lost()).as(report).isEqualTo(5 + 1);
            assertThat(r.misordered()).as(report).isEqualTo(1);
            assertThat(r.notRun()).as(report).isEqualTo(5 * (20 - 6) + (20 - 7));
            assertThat(r.ok()).as(report).isEqualTo(5 * 5 + 5);
            assertThat(r.complete()).as(report).isFalse();
            assertThat(r.errors()).as(report).isNotEmpty();
        }
    }

    /** Echoes sync requests, but gets message {@link #FAULTY} of each connection wrong (or drops it). */
    private static final class FaultyServer implements AutoCloseable {
        private final LoopbackServer socket;
        private final boolean drop;

        FaultyServer(boolean drop) throws IOException {
            this.drop = drop;
            this.socket = new LoopbackServer("faulty-server", 50, this::serve);
        }

        int port() {
            return socket.port();
        }

        private void serve(Socket s) {
            try (s) {
                InputStream raw = s.getInputStream();
                OutputStream out = s.getOutputStream();
                for (int b; (b = raw.read()) != 0; ) {
                    if (b < 0) {
                        return;
                    }
                }
                out.write(3);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
                for (int n = 0; ; n++) {
                    byte[] header = new byte[8];
                    in.readFully(header);
                    int length = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
                    if (header[0] != 1 || length != Protocol.REQUEST_BYTES) {
                        return; // a hostile client: drop it
                    }
                    byte[] message = new byte[length];
                    System.arraycopy(header, 0, message, 0, 8);
                    in.readFully(message, 8, length - 8);
                    message[1] = 2;
                    if (n == FAULTY) {
                        if (drop) {
                            continue;
                        }
                        message[length - 8]++; // the sequence number's low byte
                    }
                    out.write(message);
                }
            } catch (IOException e) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
