package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec's fast paths (symbol columns read and written 8 bytes at a time, short vectors item by item, whole
 * compression groups) against the plain ones: the same bytes, the same values, the same shared instances.
 */
class FastPathTest {
    private static final String[] ALPHABET = {"A", "B", "é", "\uDCFF", "\uDC80", "z", "_", "7", "€"};

    private final Decoder decoder = new Decoder();
    private final Encoder encoder = new Encoder();

    @Test
    void aRunOfOneSymbolStopsWithItsVectorEvenWhereTheBytesAfterItRepeatTheSamePattern() {
        // the symbol 0x0B and its NUL repeat as 0B 00; the next vector starts 0B 00 0B 00 00 00 (type 11, no
        // attribute, a count of 11), which continues the pattern for 4 bytes past the end of the first vector
        String vt = "\u000B";
        for (int n = 1; n <= 40; n++) {
            String[] first = new String[n];
            Arrays.fill(first, vt);
            String[] second = new String[11];
            Arrays.fill(second, vt);
            dev.q4j.value.QList list = dev.q4j.value.QList.of(QSymbolVector.of(first), QSymbolVector.of(second));
            byte[] bytes = encoder.encode(MessageType.RESPONSE, list);
            assertThat(decoder.decode(bytes).value()).as("n=%d", n).isEqualTo(list);
            assertThat(decoder.decodeInPlace(bytes).value()).as("n=%d", n).isEqualTo(list);
        }
    }

    @Test
    void runsOfEveryShortLengthAfterEmptyAndLongSymbols() {
        for (int len = 1; len <= 7; len++) {
            String s = "abcdefg".substring(0, len);
            for (int run = 1; run <= 20; run++) {
                for (String before : new String[] {null, "", "a long symbol", s + "x", "é"}) {
                    java.util.List<String> items = new java.util.ArrayList<>();
                    if (before != null) {
                        items.add(before);
                    }
                    for (int k = 0; k < run; k++) {
                        items.add(s);
                    }
                    items.add("");
                    for (int k = 0; k < run; k++) {
                        items.add(s);
                    }
                    items.add("z");
                    QSymbolVector v = QSymbolVector.of(items.toArray(new String[0]));
                    byte[] bytes = encoder.encode(MessageType.RESPONSE, v);
                    assertThat(decoder.decode(bytes).value()).as("%s x%d after %s", s, run, before).isEqualTo(v);
                }
            }
        }
    }

    @Test
    void symbolColumnsReadAndWriteByteForByte() {
        Random random = new Random(6);
        for (int round = 0; round < 300; round++) {
            int n = random.nextInt(round < 50 ? 20 : 3000);
            String[] universe = new String[1 + random.nextInt(round % 3 == 0 ? 5 : 400)];
            for (int u = 0; u < universe.length; u++) {
                universe[u] = symbol(random, random.nextInt(round % 4 == 0 ? 20 : 9));
            }
            String[] symbols = new String[n];
            boolean runs = random.nextBoolean();
            for (int i = 0; i < n; i++) {
                symbols[i] = runs && i > 0 && random.nextInt(10) < 8 ? symbols[i - 1]
                        : universe[random.nextInt(universe.length)];
            }
            QSymbolVector v = QSymbolVector.wrap(symbols);
            byte[] expected = symbolMessage(symbols, ByteOrder.LITTLE_ENDIAN);
            assertThat(encoder.encode(MessageType.RESPONSE, v)).as("round %d", round).isEqualTo(expected);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                QSymbolVector back = (QSymbolVector) decoder.decode(symbolMessage(symbols, order)).value();
                assertThat(back).as("round %d", round).isEqualTo(v);
                Map<String, String> first = new HashMap<>();
                for (String s : back.array()) {
                    assertThat(first.computeIfAbsent(s, k -> s)).as("one instance per distinct symbol").isSameAs(s);
                }
            }
        }
    }

    @Test
    void aLongVectorOfManyDistinctSymbolsSharesOneInstanceOfEach() {
        // long enough for the sparse table, with more distinct symbols than its sparse size holds at a sixteenth
        Random random = new Random(8);
        int n = SymbolTable.SPARSE_COUNT + 5000;
        java.util.Set<String> distinct = new java.util.LinkedHashSet<>();
        while (distinct.size() < 20_000) {
            distinct.add(symbol(random, 1 + random.nextInt(distinct.size() % 10 == 0 ? 12 : 7)));
        }
        String[] universe = distinct.toArray(new String[0]);
        String[] symbols = new String[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = universe[i < universe.length ? i : random.nextInt(universe.length)];
        }
        QSymbolVector v = QSymbolVector.wrap(symbols);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            QSymbolVector back = (QSymbolVector) decoder.decode(symbolMessage(symbols, order)).value();
            assertThat(back).isEqualTo(v);
            Map<String, String> first = new HashMap<>();
            for (String s : back.array()) {
                assertThat(first.computeIfAbsent(s, k -> s)).as("one instance per distinct symbol").isSameAs(s);
            }
            assertThat(first.size()).isEqualTo(universe.length);
        }
    }

    @Test
    void aLongVectorOfMoreDistinctSymbolsThanTheTableRemembersDecodesEveryOne() {
        // short symbols all: the sparse table fills up to MAX_ENTRIES, and those past it are made but not remembered
        int distinct = SymbolTable.MAX_ENTRIES + 3000;
        String[] symbols = new String[distinct + 2000];
        for (int i = 0; i < distinct; i++) {
            symbols[i] = Integer.toString(i, 36);
        }
        Random random = new Random(9);
        for (int i = distinct; i < symbols.length; i++) {
            symbols[i] = symbols[random.nextInt(distinct)];
        }
        QSymbolVector v = QSymbolVector.wrap(symbols);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            QSymbolVector back = (QSymbolVector) decoder.decode(symbolMessage(symbols, order)).value();
            assertThat(back).isEqualTo(v);
            String[] items = back.array();
            for (int i = distinct; i < items.length; i++) {
                int first = Integer.parseInt(items[i], 36);
                if (first < SymbolTable.MAX_ENTRIES && items[first] != items[i]) {
                    assertThat(items[i]).as("item %d, a remembered symbol", i).isSameAs(items[first]);
                }
            }
        }
    }

    @Test
    void vectorsAroundTheBulkThresholdInBothByteOrders() {
        Random random = new Random(7);
        for (int n : new int[] {0, 1, 2, 31, 32, 33, 64, 1000}) {
            long[] longs = random.longs(n).toArray();
            double[] doubles = new double[n];
            float[] floats = new float[n];
            int[] ints = random.ints(n).toArray();
            short[] shorts = new short[n];
            for (int i = 0; i < n; i++) {
                // NaN payloads too: raw bits must survive both paths
                doubles[i] = i % 5 == 0 ? Double.longBitsToDouble(0x7FF8_0000_0000_0000L | random.nextInt(1 << 20))
                        : random.nextDouble();
                floats[i] = i % 5 == 0 ? Float.intBitsToFloat(0x7FC0_0000 | random.nextInt(1 << 20))
                        : random.nextFloat();
                shorts[i] = (short) random.nextInt();
            }
            QVector[] vectors = {QLongVector.wrap(longs), QTimestampVector.wrap(longs), QFloatVector.wrap(doubles),
                QRealVector.wrap(floats), QIntVector.wrap(ints), QShortVector.wrap(shorts)};
            for (QVector v : vectors) {
                byte[] little = encoder.encode(MessageType.RESPONSE, v);
                assertThat(little).isEqualTo(vectorMessage(v, ByteOrder.LITTLE_ENDIAN));
                for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                    QValue back = decoder.decode(vectorMessage(v, order)).value();
                    assertThat(back.getClass()).isEqualTo(v.getClass());
                    assertThat(encoder.encode(MessageType.RESPONSE, back)).as("%s of %d, %s", v.type(), n, order)
                            .isEqualTo(little);
                }
            }
        }
    }

    @Test
    void symbolVectorsAcrossTheWordWiseChunksAndTheLastEightSymbolsDecodeAsJavakdbEncodesThem() throws Exception {
        // the word-wise loop runs in chunks of symbols and leaves a message's last 8 symbols to the careful way:
        // vectors of every size around those bounds, runs that cross them, at the end of a message and before more
        // bytes, in messages that javakdb wrote
        c kx = new c();
        Random random = new Random(9);
        int[] sizes = {0, 1, 2, 7, 8, 9, 10, 16, 17, 255, 256, 257, 263, 264, 265, 511, 512, 513, 1030};
        String[] pool = {"", "a", "ab", "abcdefg", "abcdefgh", "a much longer symbol", "IBM", "MSFT", "x"};
        for (int n : sizes) {
            for (int shape = 0; shape < 4; shape++) {
                String[] items = new String[n];
                for (int i = 0; i < n; ) {
                    // 0: one symbol throughout; 1: runs of random length; 2: no runs; 3: runs and long symbols
                    String s = shape == 0 ? "IBM" : pool[random.nextInt(shape == 3 ? pool.length : 4) + (shape == 3
                            ? 0 : 1)];
                    int run = shape == 2 ? 1 : 1 + random.nextInt(shape == 0 ? n : 300);
                    for (int k = 0; k < run && i < n; k++) {
                        items[i++] = s;
                    }
                }
                QSymbolVector expected = QSymbolVector.of(items);
                byte[] alone = kx.serialize(2, items, false);
                assertThat(decoder.decode(alone).value()).as("n=%d shape=%d alone", n, shape).isEqualTo(expected);
                byte[] followed = kx.serialize(2, new Object[] {items, new long[] {1, 2, 3}}, false);
                assertThat(decoder.decode(followed).value()).as("n=%d shape=%d followed", n, shape)
                        .isEqualTo(dev.q4j.value.QList.of(expected, QLongVector.of(1, 2, 3)));
            }
        }
    }

    @Test
    void compressionGroupsAgreeWithKxJavaInterface() throws Exception {
        c kx = new c();
        Random random = new Random(8);
        int compressed = 0;
        for (int round = 0; round < 400; round++) {
            byte[] body = structured(random, 2500 + random.nextInt(round % 10 == 0 ? 200_000 : 20_000));
            byte[] plain = kx.serialize(0, body, false);
            byte[] theirs = kx.serialize(0, body, true);
            byte[] ours = IpcCompression.compress(plain);
            if (theirs[2] == 0) {
                assertThat(ours).as("round %d", round).isNull();
            } else {
                assertThat(ours).as("round %d", round).isEqualTo(theirs);
                assertThat(IpcCompression.decompress(ours)).as("round %d", round).isEqualTo(plain);
                compressed++;
            }
        }
        assertThat(compressed).isGreaterThan(200);
    }

    /** Runs, short periods (overlapping copies), repeats at every distance, literals: whatever a group can hold. */
    private static byte[] structured(Random random, int n) {
        byte[] b = new byte[n];
        int i = 0;
        while (i < n) {
            int len = Math.min(n - i, 1 + random.nextInt(random.nextInt(10) == 0 ? 600 : 40));
            int mode = random.nextInt(12);
            switch (mode < 3 ? 0 : mode < 6 ? 1 : mode < 10 ? 2 : 3) {
                case 0:   // a run
                    Arrays.fill(b, i, i + len, (byte) random.nextInt(4));
                    break;
                case 1: { // a short period: copies that overlap their source
                    int period = 1 + random.nextInt(12);
                    for (int k = 0; k < len; k++) {
                        b[i + k] = k < period ? (byte) random.nextInt(256) : b[i + k - period];
                    }
                    break;
                }
                case 2: { // a repeat of something earlier
                    int from = i == 0 ? 0 : random.nextInt(i);
                    for (int k = 0; k < len; k++) {
                        b[i + k] = i == 0 ? 0 : b[from + k];
                    }
                    break;
                }
                default:  // literals
                    for (int k = 0; k < len; k++) {
                        b[i + k] = (byte) random.nextInt(256);
                    }
            }
            i += len;
        }
        return b;
    }

    private static String symbol(Random random, int length) {
        StringBuilder s = new StringBuilder();
        boolean ascii = random.nextInt(4) > 0;
        for (int k = 0; k < length; k++) {
            s.append(ascii ? String.valueOf((char) ('a' + random.nextInt(26)))
                    : ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return s.toString();
    }

    private static byte[] symbolMessage(String[] symbols, ByteOrder order) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(11);
        body.write(0);
        body.writeBytes(ByteBuffer.allocate(4).order(order).putInt(symbols.length).array());
        for (String s : symbols) {
            body.writeBytes(QUtf8.encode(s));
            body.write(0);
        }
        return message(body.toByteArray(), order);
    }

    private static byte[] vectorMessage(QVector v, ByteOrder order) {
        int n = v.count();
        int width = v.type().width();
        ByteBuffer b = ByteBuffer.allocate(6 + n * width).order(order);
        b.put(v.type().code()).put((byte) 0).putInt(n);
        for (int i = 0; i < n; i++) {
            if (v instanceof QLongVector x) {
                b.putLong(x.array()[i]);
            } else if (v instanceof QTimestampVector x) {
                b.putLong(x.array()[i]);
            } else if (v instanceof QFloatVector x) {
                b.putLong(Double.doubleToRawLongBits(x.array()[i]));
            } else if (v instanceof QRealVector x) {
                b.putInt(Float.floatToRawIntBits(x.array()[i]));
            } else if (v instanceof QIntVector x) {
                b.putInt(x.array()[i]);
            } else {
                b.putShort(((QShortVector) v).array()[i]);
            }
        }
        return message(b.array(), order);
    }

    private static byte[] message(byte[] body, ByteOrder order) {
        ByteBuffer m = ByteBuffer.allocate(8 + body.length).order(order);
        m.put((byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 0)).put((byte) 2).put((byte) 0).put((byte) 0)
                .putInt(8 + body.length).put(body);
        return m.array();
    }
}
