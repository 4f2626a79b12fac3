package dev.q4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.q4j.QProtocolException;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.IncrementalDecoder;
import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.QMessage;
import dev.q4j.corpus.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IncrementalDecoder} fed a stream of bytes in pieces: all at once, one byte at a time (the first 1024
 * bytes, then the rest), and in random pieces of 1 to 16 and of 1 to 4096 bytes (the splits drawn from a generator
 * seeded by the input, so a finding reproduces). It must agree with {@link Decoder} applied to each message of the
 * stream in turn: the same messages
 * in the same order, a failure where a message fails (a {@link QProtocolException}, and every later feed failing
 * too), and a stream that ends inside a message left waiting for more ({@link IncrementalDecoder#isMidMessage()},
 * {@link IncrementalDecoder#bytesNeeded()}). Anything else is a finding.
 */
class IncrementalDecoderFuzzTest {
    private static final Decoder DECODER = new Decoder();
    /** fed one byte at a time: the first this many bytes (then the rest at once), which keeps large inputs fast */
    private static final int ONE_BY_ONE = 1024;

    static Stream<Arguments> seeds() {
        return Seeds.of(IncrementalDecoderFuzzTest.class, "feedInPieces", Seeds.streams());
    }

    @MethodSource("seeds")
    @FuzzTest
    void feedInPieces(byte[] data) {
        Expected expected = expect(data);
        Random random = new Random(Arrays.hashCode(data));
        check("whole", data, new int[] {data.length}, expected);
        int[] oneByOne = pieces(Math.min(data.length, ONE_BY_ONE), () -> 1);
        if (data.length > ONE_BY_ONE) {
            oneByOne = Arrays.copyOf(oneByOne, oneByOne.length + 1);
            oneByOne[oneByOne.length - 1] = data.length - ONE_BY_ONE;
        }
        check("one byte at a time", data, oneByOne, expected);
        check("pieces of 1..16", data, pieces(data.length, () -> 1 + random.nextInt(16)), expected);
        check("pieces of 1..4096", data, pieces(data.length, () -> 1 + random.nextInt(4096)), expected);
    }

    /** What Decoder says of the stream, message by message. */
    private record Expected(List<QMessage> messages, boolean fails, long pendingBytes, long bytesNeeded) {
    }

    private static Expected expect(byte[] data) {
        List<QMessage> out = new ArrayList<>();
        int at = 0;
        while (at < data.length) {
            int remaining = data.length - at;
            if (remaining < MessageHeader.SIZE) {
                return new Expected(out, false, remaining, MessageHeader.SIZE - remaining);
            }
            MessageHeader h;
            try {
                h = MessageHeader.read(data, at);
            } catch (QProtocolException e) {
                return new Expected(out, true, 0, 0);
            }
            if (h.length() > Math.min(DECODER.limits().maxMessageSize(), DecodeLimits.JVM_MAX_MESSAGE)) {
                return new Expected(out, true, 0, 0);
            }
            if (h.length() > remaining) {
                return new Expected(out, false, remaining, h.length() - remaining);
            }
            try {
                out.add(DECODER.decode(data, at, (int) h.length()));
            } catch (QProtocolException e) {
                return new Expected(out, true, 0, 0);
            }
            at += (int) h.length();
        }
        return new Expected(out, false, 0, MessageHeader.SIZE);
    }

    private static void check(String how, byte[] data, int[] pieces, Expected expected) {
        IncrementalDecoder in = new IncrementalDecoder(DECODER);
        List<QMessage> got = new ArrayList<>();
        QProtocolException failure = null;
        int at = 0;
        for (int piece : pieces) {
            try {
                in.feed(data, at, piece);
            } catch (QProtocolException e) {
                failure = e;
            }
            at += piece;
            for (QMessage m; (m = in.poll()) != null; ) {
                got.add(m);
            }
            if (failure != null) {
                break;
            }
        }
        String where = " (fed " + how + ") for " + Hex.hex(data);
        if (!got.equals(expected.messages())) {
            throw new AssertionError("IncrementalDecoder gave " + got + " where Decoder gives " + expected.messages()
                    + where);
        }
        if ((failure != null) != expected.fails()) {
            throw new AssertionError(failure != null
                    ? "IncrementalDecoder failed (" + failure.getMessage() + ") where Decoder does not" + where
                    : "IncrementalDecoder did not fail where Decoder does" + where);
        }
        if (failure != null) {
            if (failure.getMessage() == null || failure.getMessage().isBlank()) {
                throw new AssertionError("a QProtocolException without a message" + where, failure);
            }
            try {
                in.feed(new byte[1], 0, 1);
                throw new AssertionError("IncrementalDecoder took more bytes after it failed" + where);
            } catch (QProtocolException expectedAgain) {
                return;
            }
        }
        if (in.isMidMessage() != (expected.pendingBytes() > 0) || in.bytesNeeded() != expected.bytesNeeded()) {
            throw new AssertionError("IncrementalDecoder at the end: mid message " + in.isMidMessage() + ", "
                    + in.bytesNeeded() + " bytes needed; expected " + (expected.pendingBytes() > 0) + ", "
                    + expected.bytesNeeded() + where);
        }
        if (in.messagesDecoded() != got.size()) {
            throw new AssertionError("IncrementalDecoder counts " + in.messagesDecoded() + " messages but gave "
                    + got.size() + where);
        }
    }

    private static int[] pieces(int total, java.util.function.IntSupplier size) {
        List<Integer> out = new ArrayList<>();
        for (int left = total; left > 0; ) {
            int n = Math.min(left, size.getAsInt());
            out.add(n);
            left -= n;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
