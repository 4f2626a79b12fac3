package dev.q4j.codec;

import static dev.q4j.testing.RoundTrips.assertSameAsCopied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QProtocolException;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.value.Attribute;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QType;
import dev.q4j.value.QVectors;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Decoder#decodeInPlace}: vectors of 4- and 8-byte items that read the message's bytes instead of copies of
 * them, and give exactly what {@link Decoder#decode} gives. The same over generated values of every type is
 * q4j-testkit's {@code dev.q4j.properties.InPlaceDecodePropertiesTest}, over the public generators.
 */
class InPlaceDecodeTest {
    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#all")
    void everyCorpusMessageDecodesInPlaceToWhatDecodeGivesAndReEncodesByteForByte(CorpusEntry entry) {
        QMessage copied = decoder.decode(entry.message());
        QMessage inPlace = decoder.decodeInPlace(entry.message().clone());
        assertSameAsCopied(inPlace.value(), copied.value());
        assertThat(inPlace.order()).isEqualTo(copied.order());
        byte[] again = encoder.encode(inPlace.type(), inPlace.value(),
                entry.compressed() ? Compression.KDB : Compression.NEVER);
        assertThat(Hex.hex(again)).isEqualTo(entry.hex());
    }

    @Test
    void twoThreadsCallingArrayAtOnceGetTheSameCopy() throws Exception {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, QLongVector.of(new long[10_000]));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 200; trial++) {
                QLongVector v = (QLongVector) decoder.decodeInPlace(bytes).value();
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                java.util.concurrent.Callable<long[]> call = () -> {
                    start.await();
                    return v.array();
                };
                java.util.concurrent.Future<long[]> a = pool.submit(call);
                java.util.concurrent.Future<long[]> b = pool.submit(call);
                start.countDown();
                assertThat(a.get()).isSameAs(b.get()).isSameAs(v.array());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theVectorsReadTheMessageItselfWhichIsWhyItMustNotBeModified() {
        long[] items = {1, 2, 3};
        byte[] bytes = encoder.encode(MessageType.RESPONSE, QLongVector.wrap(items));
        QLongVector v = (QLongVector) decoder.decodeInPlace(bytes).value();
        assertThat(v.get(2)).isEqualTo(3);
        bytes[bytes.length - 8] = 9;   // the last item's lowest byte: the vector sees it
        assertThat(v.get(2)).isEqualTo(9);
        QLongVector copied = (QLongVector) decoder.decode(bytes).value();
        bytes[bytes.length - 8] = 7;
        assertThat(copied.get(2)).as("decode copies").isEqualTo(9);
    }

    @Test
    void aTableOfEveryInPlaceTypeBehavesAsOneOfArrays() {
        long t0 = QTimestampVector.ofInstants(Instant.parse("2026-11-27T09:30:00Z")).get(0);
        QTable table = QTable.of(List.of("time", "sym", "price", "size", "date"), List.of(
                QTimestampVector.of(t0, Long.MIN_VALUE, Long.MAX_VALUE, t0 + 1),
                QSymbolVector.of("IBM", "", "MSFT", "IBM"),
                QFloatVector.of(1.5, Double.NaN, Double.POSITIVE_INFINITY, -0.0),
                // g#: these items are not sorted, and s# on them is refused since issue 13
                QLongVector.of(100, Long.MIN_VALUE, -Long.MAX_VALUE, 0).withAttribute(Attribute.GROUPED),
                QDateVector.of(1, Integer.MIN_VALUE, Integer.MAX_VALUE, -Integer.MAX_VALUE)));
        QTable t = (QTable) decoder.decodeInPlace(encoder.encode(MessageType.RESPONSE, table)).value();
        assertSameAsCopied(t, table);

        QTimestampVector time = (QTimestampVector) t.column("time");
        assertThat(time.instant(0)).isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
        assertThat(time.instant(1)).isNull();
        assertThat(time.isNull(1)).isTrue();
        assertThat(time.isInfinite(2)).isTrue();
        assertThat(time.stream().skip(3).findFirst()).hasValue(t0 + 1);

        QFloatVector price = (QFloatVector) t.column("price");
        assertThat(price.isNull(1)).isTrue();
        assertThat(price.isInfinite(2)).isTrue();
        assertThat(Double.doubleToRawLongBits(price.get(3))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(price.stream().limit(1).sum()).isEqualTo(1.5);

        QLongVector size = (QLongVector) t.column("size");
        assertThat(size.attribute()).isEqualTo(Attribute.GROUPED);
        assertThat(size.withAttribute(Attribute.NONE)).isEqualTo(QLongVector.of(100, Long.MIN_VALUE, -Long.MAX_VALUE,
                0));
        assertThat(size.withAttribute(Attribute.NONE).get(0)).isEqualTo(100);
        assertThat(size.isInfinite(2)).isTrue();

        QDateVector date = (QDateVector) t.column("date");
        assertThat(date.localDate(0)).isEqualTo(java.time.LocalDate.of(2000, 1, 2));
        assertThat(date.isNull(1)).isTrue();
        assertThat(date.isInfinite(2)).isTrue();
        assertThat(date.isInfinite(3)).isTrue();
        assertThat(date.stream().sum()).isEqualTo(1L + Integer.MIN_VALUE + Integer.MAX_VALUE - Integer.MAX_VALUE);
    }

    @Test
    void arrayCopiesTheItemsOnceAndToArrayEveryTime() {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, QLongVector.of(5, 6, 7));
        QLongVector v = (QLongVector) decoder.decodeInPlace(bytes).value();
        long[] array = v.array();
        assertThat(array).containsExactly(5, 6, 7);
        assertThat(v.array()).isSameAs(array);
        assertThat(v.toArray()).containsExactly(5, 6, 7).isNotSameAs(v.toArray());
    }

    @Test
    void bufferGivesTheItemsWithoutCopyingAndReadOnly() {
        QList list = QList.of(QLongVector.of(1, 2), QIntVector.of(3, 4, 5), QFloatVector.of(6.5));
        QList decoded = (QList) decoder.decodeInPlace(encoder.encode(MessageType.RESPONSE, list)).value();
        java.nio.LongBuffer longs = ((QLongVector) decoded.at(0)).buffer();
        assertThat(longs.remaining()).isEqualTo(2);
        assertThat(longs.get(1)).isEqualTo(2);
        assertThat(longs.isReadOnly()).isTrue();
        java.nio.IntBuffer ints = ((QIntVector) decoded.at(1)).buffer();
        int[] got = new int[3];
        ints.get(got);
        assertThat(got).containsExactly(3, 4, 5);
        assertThat(((QFloatVector) decoded.at(2)).buffer().get(0)).isEqualTo(6.5);
        assertThat(QLongVector.of(7, 8).buffer().get(1)).isEqualTo(8);
        assertThat(QLongVector.of(7, 8).buffer().isReadOnly()).isTrue();
    }

    @Test
    void anIndexOutsideTheVectorThrowsInsteadOfReadingTheBytesAround() {
        // the vector sits between other items of the message: its neighbours' bytes must stay out of reach
        QList list = QList.of(QLongVector.of(1), QIntVector.of(2, 3), QFloatVector.of(4));
        QList decoded = (QList) decoder.decodeInPlace(encoder.encode(MessageType.RESPONSE, list)).value();
        QIntVector ints = (QIntVector) decoded.at(1);
        assertThat(ints.count()).isEqualTo(2);
        assertThatThrownBy(() -> ints.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ints.get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ((QLongVector) decoded.at(0)).get(1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> ((QFloatVector) decoded.at(2)).isNull(1))
                .isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void aTruncatedVectorIsRejectedAsDecodeRejectsIt() {
        byte[] bytes = encoder.encode(MessageType.RESPONSE, QLongVector.of(1, 2, 3));
        byte[] lying = bytes.clone();
        lying[10] = 4;   // the count says 4 items, the message holds 3
        assertThatThrownBy(() -> decoder.decode(lying)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("long vector of 4 items needs 32 bytes but only 24 remain");
        assertThatThrownBy(() -> decoder.decodeInPlace(lying)).isInstanceOf(QProtocolException.class)
                .hasMessageContaining("long vector of 4 items needs 32 bytes but only 24 remain");
    }

    @Test
    void inPlaceVectorsCanBeMadeDirectlyInEitherByteOrder() {
        byte[] little = {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0};
        byte[] big = {0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2};
        assertThat(QVectors.inPlace(QType.LONG, little, 0, 2, ByteOrder.LITTLE_ENDIAN, Attribute.NONE))
                .isEqualTo(QLongVector.of(1, 2))
                .isEqualTo(QVectors.inPlace(QType.LONG, big, 0, 2, ByteOrder.BIG_ENDIAN, Attribute.NONE));
        assertThat(QVectors.inPlace(QType.INT, big, 4, 3, ByteOrder.BIG_ENDIAN, Attribute.NONE))
                .isEqualTo(QIntVector.of(1, 0, 2));
        assertThat(QVectors.inPlace(QType.INT, little, 16, 0, ByteOrder.LITTLE_ENDIAN, Attribute.NONE))
                .isEqualTo(QIntVector.EMPTY);
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, little, 8, 2, ByteOrder.LITTLE_ENDIAN, Attribute.NONE))
                .isInstanceOf(IndexOutOfBoundsException.class).hasMessageContaining("do not fit in an array of 16");
        assertThatThrownBy(() -> QVectors.inPlace(QType.LONG, little, 0, -1, ByteOrder.LITTLE_ENDIAN, Attribute.NONE))
                .isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> QVectors.inPlace(QType.SHORT, little, 0, 1, ByteOrder.LITTLE_ENDIAN, Attribute.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not read in place");
    }
}
