package dev.q4j.fuzz;

import dev.q4j.QLimitException;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.IpcCompression;
import dev.q4j.codec.IpcCompressionException;
import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import java.nio.charset.StandardCharsets;

/**
 * The work whose cost a fuzz target bounds, named so that {@link Budget} can repeat it on the same input in a JVM of
 * its own ({@link BudgetProbe}). Each is repeatable and has no side effects; a documented failure is a result, not
 * an exception.
 */
enum Work {
    /** {@link QText#parse(String)} on the input read as UTF-8; a {@link QTextException} gives null */
    QTEXT_PARSE("QText.parse") {
        @Override
        long base(byte[] input) {
            return 2L * text(input).length();
        }

        @Override
        Object run(byte[] input) {
            try {
                return QText.parse(text(input));
            } catch (QTextException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("a QTextException without a message", e);
                }
                return null;
            }
        }
    },
    /** {@link Decoder#decode(byte[])} with the default limits */
    DECODE("decode (default limits)") {
        @Override
        Object run(byte[] input) {
            return DecoderFuzzTest.Outcome.of(() -> DEFAULT_DECODER.decode(input));
        }
    },
    /** {@link Decoder#decode(byte[])} with {@link DecodeLimits#UNLIMITED} */
    DECODE_UNLIMITED("decode (unlimited)") {
        @Override
        Object run(byte[] input) {
            return DecoderFuzzTest.Outcome.of(() -> UNLIMITED_DECODER.decode(input));
        }
    },
    /**
     * {@link IpcCompression#decompress(byte[], int, int, long)}; an {@link IpcCompressionException} (malformed) or a
     * {@link QLimitException} (a declared size over the limit) gives null
     */
    DECOMPRESS("decompress") {
        @Override
        Object run(byte[] input) {
            try {
                return IpcCompression.decompress(input, 0, input.length, DecodeLimits.DEFAULT.maxMessageSize());
            } catch (IpcCompressionException | QLimitException e) {
                if (e.getMessage() == null || e.getMessage().isBlank()) {
                    throw new AssertionError("a " + e.getClass().getSimpleName() + " without a message", e);
                }
                return null;
            }
        }
    },
    /** {@link IpcCompression#compress(byte[])} of an uncompressed message */
    COMPRESS("compress") {
        @Override
        long base(byte[] input) {
            return input.length;
        }

        @Override
        Object run(byte[] input) {
            return IpcCompression.compress(input);
        }
    };

    private static final Decoder DEFAULT_DECODER = new Decoder();
    private static final Decoder UNLIMITED_DECODER = new Decoder(DecodeLimits.UNLIMITED);

    private final String label;

    Work(String label) {
        this.label = label;
    }

    /** @return how a finding names the work */
    String label() {
        return label;
    }

    /**
     * @param input the fuzzed input
     * @return the size its cost is measured against: by default the message's, or the uncompressed size a
     *     compressed message declares if larger
     */
    long base(byte[] input) {
        return DecoderFuzzTest.costBase(input);
    }

    /**
     * @param input the fuzzed input
     * @return the work's result
     */
    abstract Object run(byte[] input);

    private static String text(byte[] input) {
        return new String(input, StandardCharsets.UTF_8);
    }
}
