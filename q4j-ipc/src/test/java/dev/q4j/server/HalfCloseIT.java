package dev.q4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.Handshake;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QCharVector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client that sends its requests and at once ends its side of the stream (a shell's {@code nc}, a script that
 * sends and then only reads) still gets every reply before the server closes. Found by ServerFuzzIT (q4j-fuzz):
 * the connection's reader thread was started before its writer, so a reader that got the request and the end of
 * the stream before the accepting thread had started the writer closed the connection (its wait for the writer
 * returning at once for a thread not yet started) with the reply still queued: about 1 connection in 100 on a
 * loaded 2-core machine lost its reply.
 */
class HalfCloseIT {
    private static final int CLIENTS = 3000;
    private static final int AT_ONCE = 100;

    @Test
    void aRequestFollowedAtOnceByTheEndOfTheStreamIsStillAnswered() throws Exception {
        QCharVector request = QCharVector.of("and then nothing more");
        Encoder encoder = new Encoder();
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.writeBytes(Handshake.request("user", Handshake.CAPABILITY_V3));
        sent.writeBytes(encoder.encode(MessageType.SYNC, request, Compression.NEVER));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(Handshake.CAPABILITY_V3);
        expected.writeBytes(encoder.encode(MessageType.RESPONSE, request, Compression.NEVER));
        List<String> lost = new ArrayList<>();
        try (QServer server = TestServers.echo()) {
            for (int burst = 0; burst < CLIENTS / AT_ONCE; burst++) {
                // a burst of clients that have sent everything and half-closed by the time they are accepted
                List<Socket> clients = new ArrayList<>();
                try {
                    for (int i = 0; i < AT_ONCE; i++) {
                        Socket s = new Socket("127.0.0.1", server.port());
                        clients.add(s);
                        OutputStream out = s.getOutputStream();
                        out.write(sent.toByteArray());
                        out.flush();
                        s.shutdownOutput();
                    }
                    for (Socket s : clients) {
                        s.setSoTimeout(10_000);
                        byte[] got = readToEnd(s);
                        if (!java.util.Arrays.equals(got, expected.toByteArray())) {
                            lost.add(HexFormat.of().formatHex(got));
                        }
                    }
                } finally {
                    for (Socket s : clients) {
                        s.close();
                    }
                }
            }
        }
        assertThat(lost).as("what the clients whose reply was lost got, of " + CLIENTS).isEmpty();
    }

    private static byte[] readToEnd(Socket s) throws IOException {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = s.getInputStream().read(buffer)) >= 0; ) {
                got.write(buffer, 0, n);
            }
        } catch (SocketException reset) {
            got.writeBytes(("<" + reset.getMessage() + ">").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        return got.toByteArray();
    }
}
