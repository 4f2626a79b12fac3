package dev.q4j.properties;

import static dev.q4j.testing.RoundTrips.assertSameAsCopied;
import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Compression;
import dev.q4j.codec.Decoder;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.testkit.generators.QArbitraries;
import dev.q4j.value.DoubleBackedVector;
import dev.q4j.value.IntBackedVector;
import dev.q4j.value.LongBackedVector;
import dev.q4j.value.QList;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * {@code Decoder.decodeInPlace} gives exactly what {@code Decoder.decode} gives, for generated values of every type,
 * long vectors in either byte order, damaged messages and compressed ones: q4j-core's codec through its public API
 * with the testkit's public generators (q4j-core's tests cannot use them: the core cannot depend on the testkit);
 * the corpus and the vectors' own cases are q4j-core's {@code dev.q4j.codec.InPlaceDecodeTest}.
 */
class InPlaceDecodePropertiesTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    /** Vectors long enough for the bulk paths (32 items and more) as well as short ones. */
    @Provide
    Arbitrary<QVector> longVectors() {
        return Arbitraries.integers().between(0, 300).flatMap(QArbitraries::vectorsOfSize);
    }

    @Property(tries = 1000)
    void anyValueDecodesInPlaceToWhatDecodeGives(@ForAll(supplier = AnyValue.class) QValue value) {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, value);
        assertSameAsCopied(decoder.decodeInPlace(bytes).value(), value);
        assertThat(encoder.encode(MessageType.RESPONSE, decoder.decodeInPlace(bytes).value())).isEqualTo(bytes);
    }

    @Property(tries = 300)
    void longVectorsDecodeInPlaceInEitherByteOrderAndReEncodeByteForByte(@ForAll("longVectors") QVector vector) {
        byte[] little = encoder.encode(MessageType.RESPONSE, vector);
        QValue inPlace = decoder.decodeInPlace(little).value();
        assertSameAsCopied(inPlace, vector);
        assertThat(encoder.encode(MessageType.RESPONSE, inPlace)).isEqualTo(little);
        byte[] big = bigEndian(little, vector);
        if (big != null) {
            QValue fromBig = decoder.decodeInPlace(big).value();
            assertSameAsCopied(fromBig, vector);
            assertThat(encoder.encode(MessageType.RESPONSE, fromBig)).isEqualTo(little);
        }
    }

    @Property(tries = 2000)
    void damagedMessagesFailOrSucceedInPlaceExactlyAsTheyDoCopied(
            @ForAll(supplier = AnyValue.class) QValue value,
            @ForAll @IntRange(min = 0, max = 1 << 20) int where, @ForAll byte what) {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, value);
        bytes[8 + where % (bytes.length - 8)] = what;   // anywhere in the body
        Object copied = outcome(() -> decoder.decode(bytes.clone()).value());
        Object inPlace = outcome(() -> decoder.decodeInPlace(bytes.clone()).value());
        assertThat(inPlace).isEqualTo(copied);
    }

    @Property(tries = 200)
    void compressedMessagesDecodeInPlaceFromTheirDecompressedBytes(
            @ForAll(supplier = AnyValue.class) QValue value) {
        QList list = QList.of(value, value, value, value, value, value, value, value);
        byte[] bytes = encoder.encode(MessageType.ASYNC, list, Compression.ALWAYS);
        byte[] before = bytes.clone();
        assertSameAsCopied(decoder.decodeInPlace(bytes).value(), list);
        assertThat(bytes).isEqualTo(before);
    }

    /** The value, or the exception's class and message. */
    private static Object outcome(java.util.function.Supplier<QValue> decode) {
        try {
            return decode.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /**
     * The big-endian message of a vector of 4- or 8-byte items (as a big-endian machine would send it: the same
     * bytes as the little-endian message, each number reversed), or null for other vectors.
     */
    private static byte[] bigEndian(byte[] little, QVector vector) {
        int width = vector instanceof LongBackedVector || vector instanceof DoubleBackedVector ? 8
                : vector instanceof IntBackedVector ? 4 : 0;
        if (width == 0) {
            return null;
        }
        byte[] big = little.clone();
        big[0] = 0;
        reverse(big, 4, 4);        // the message length
        reverse(big, 10, 4);       // the count, after the type and attribute bytes
        for (int p = 14; p < big.length; p += width) {
            reverse(big, p, width);
        }
        return big;
    }

    private static void reverse(byte[] b, int from, int n) {
        for (int i = from, j = from + n - 1; i < j; i++, j--) {
            byte t = b[i];
            b[i] = b[j];
            b[j] = t;
        }
    }
}
