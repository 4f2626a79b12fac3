package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The tables' last resort (issue 13): a table whose hash the symbols defeat gives up hashing and remembers symbols in
 * a {@code HashMap}, and still answers right, with one instance per distinct symbol.
 */
class SymbolTableFallbackTest {
    private static final long SEED = 0x1234_5678_9ABC_DEF1L;

    /** distinct 7-byte keys whose product with {@code multiplier} has the same top 18 bits: one slot at any size */
    private static List<Long> keysAimedAt(long multiplier, int count) {
        long inverse = SymbolFloodingTest.inverse(multiplier);
        Random random = new Random(7);
        Set<Long> keys = new LinkedHashSet<>();
        while (keys.size() < count) {
            long product = random.nextLong() >>> 18 | 0x2_5A5AL << 46;
            long key = product * inverse;
            if (key >>> 56 == 0 && SymbolFloodingTest.allBytesNonZero(key)) {
                keys.add(key);
            }
        }
        return new ArrayList<>(keys);
    }

    private static byte[] bytes(long key) {
        byte[] b = new byte[7];
        for (int i = 0; i < 7; i++) {
            b[i] = (byte) (key >>> (8 * i));
        }
        return b;
    }

    @Test
    void symbolTableWhoseShortSymbolsAllLandOnOneSlotGivesUpHashingAndKeepsAnswering() {
        SymbolTable table = new SymbolTable(SEED);
        table.expect(5000);
        List<Long> keys = keysAimedAt(SEED | 1, 5000);
        List<String> first = new ArrayList<>();
        for (long key : keys) {
            byte[] b = bytes(key);
            String s = table.getShort(key, b, 0, 7);
            assertThat(s).isEqualTo(dev.q4j.value.QUtf8.decode(b, 0, 7));
            first.add(s);
        }
        assertThat(table.hashingGivenUp()).isTrue();
        // every symbol again: the same instance, those remembered before the table gave up as well as after
        for (int i = 0; i < keys.size(); i++) {
            long key = keys.get(i);
            String again = table.findShort(key);
            if (again == null) {
                again = table.addShort(key, bytes(key), 0, 7);
            }
            assertThat(again).isSameAs(first.get(i));
        }
        // long symbols go to the same map
        byte[] longSymbol = "a symbol longer than seven bytes".getBytes(StandardCharsets.US_ASCII);
        String l = table.get(longSymbol, 0, longSymbol.length, true);
        assertThat(l).isEqualTo("a symbol longer than seven bytes");
        assertThat(table.get(longSymbol.clone(), 0, longSymbol.length, true)).isSameAs(l);
    }

    @Test
    void symbolTableWithRandomKeysDoesNotGiveUpOnTheSameSymbols() {
        SymbolTable table = new SymbolTable();
        table.expect(5000);
        for (long key : keysAimedAt(SEED | 1, 5000)) {
            table.getShort(key, bytes(key), 0, 7);
        }
        assertThat(table.hashingGivenUp()).isFalse();
    }

    @Test
    void symbolEncoderGivesUpHashingOnEqualHashesAndStillEncodesEachSymbol() {
        SymbolEncoder encoder = new SymbolEncoder();
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            StringBuilder s = new StringBuilder();
            for (int bit = 9; bit >= 0; bit--) {
                s.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
            }
            symbols.add(s.toString());
        }
        symbols.add("é");   // 2 bytes of UTF-8
        symbols.add("IBM");
        byte[] out = new byte[64];
        for (int round = 0; round < 2; round++) {
            for (String s : symbols) {
                byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                assertThat(encoder.length(s)).isEqualTo(utf8.length);
                // a separate instance of the same text is found by its text
                assertThat(encoder.length(new String(s.toCharArray()))).isEqualTo(utf8.length);
                java.util.Arrays.fill(out, (byte) 0x55);
                int end = encoder.put(out, 3, s);
                assertThat(end).isEqualTo(3 + utf8.length + 1);
                assertThat(java.util.Arrays.copyOfRange(out, 3, 3 + utf8.length)).isEqualTo(utf8);
                assertThat(out[3 + utf8.length]).isZero();
            }
        }
        assertThat(encoder.hashingGivenUp()).isTrue();
    }
}
