package dev.q4j.hdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import net.jpountz.lz4.LZ4Factory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xerial.snappy.Snappy;

/**
 * Files compressed with snappy (3), lz4hc (4) and zstd (5). The corpus has no file kdb+ compressed so: these are the
 * corpus's gzip files with each block recompressed by the library and the trailer's algorithm fields changed, so the
 * container is kdb+'s own (one block, and two) and only the block format is the library's raw one (an assumption,
 * see {@link Codecs}).
 */
class OptionalCodecsTest {
    @TempDir
    Path tmp;

    private static final int SNAPPY = 3;
    private static final int LZ4HC = 4;
    private static final int ZSTD = 5;

    /** {@return the file with its gzip blocks recompressed by {@code codec}, its trailer naming {@code algorithm}} */
    private static byte[] recompress(Path gzipFile, int algorithm, UnaryOperator<byte[]> codec)
            throws IOException, DataFormatException {
        byte[] f = Files.readAllBytes(gzipFile);
        ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
        int n = (int) b.getLong(f.length - 8);
        int trailer = f.length - 8 * (5 + n);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(f, 0, 8);
        List<Integer> sizes = new ArrayList<>();
        int in = 8;
        long blockSize = b.getLong(trailer + 24);
        long left = b.getLong(trailer + 8);
        for (int i = 0; i < n; i++) {
            int size = b.getInt(trailer + 32 + 8 * i);
            assertThat(b.getInt(trailer + 36 + 8 * i)).as("a gzip block").isEqualTo(2);
            Inflater inflater = new Inflater();
            inflater.setInput(f, in, size);
            byte[] plain = new byte[(int) Math.min(blockSize, left)];
            assertThat(inflater.inflate(plain)).isEqualTo(plain.length);
            inflater.end();
            byte[] packed = codec.apply(plain);
            out.write(packed);
            sizes.add(packed.length);
            in += size;
            left -= plain.length;
        }
        int newTrailer = out.size();
        ByteBuffer t = ByteBuffer.allocate(8 * (5 + n)).order(ByteOrder.LITTLE_ENDIAN);
        t.put(f, trailer, 32);
        t.put(4, (byte) algorithm);
        t.putLong(16, newTrailer);
        for (int i = 0; i < n; i++) {
            t.putInt(32 + 8 * i, sizes.get(i)).putInt(36 + 8 * i, algorithm);
        }
        t.putLong(32 + 8 * n, n);
        out.write(t.array());
        return out.toByteArray();
    }

    private static byte[] snappy(byte[] plain) {
        try {
            return Snappy.compress(plain);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] lz4hc(byte[] plain) {
        return LZ4Factory.fastestJavaInstance().highCompressor().compress(plain);
    }

    private static byte[] zstd(byte[] plain) {
        return com.github.luben.zstd.Zstd.compress(plain);
    }

    @Test
    void oneBlockFilesReadWithEachCodec() throws Exception {
        Path gzip = HdbCorpus.sample().resolve("compressCharArrayVector/id");
        Object plain = KdbFiles.read(HdbCorpus.sample().resolve("charArrayVector/id"));
        assertThat(KdbFiles.read(gzip)).isEqualTo(plain);
        for (int algorithm : new int[] {SNAPPY, LZ4HC, ZSTD}) {
            Path f = tmp.resolve("id" + algorithm);
            Files.write(f, recompress(gzip, algorithm,
                    algorithm == SNAPPY ? OptionalCodecsTest::snappy : algorithm == LZ4HC ? OptionalCodecsTest::lz4hc
                            : OptionalCodecsTest::zstd));
            assertThat(KdbFiles.read(f)).as("algorithm %d", algorithm).isEqualTo(plain);
        }
    }

    @Test
    void twoBlockEnumerationReadsWithEachCodec() throws Exception {
        Path daily = HdbCorpus.sample().resolve("2022.06.17/Daily");
        Enumeration expected = Hdb.open(HdbCorpus.sample()).table("Daily").enumeration("2022.06.17", "sym");
        for (int algorithm : new int[] {SNAPPY, LZ4HC, ZSTD}) {
            Path db = tmp.resolve("db" + algorithm);
            Path to = db.resolve("2022.06.17/Daily");
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(daily)) {
                for (Path p : files.toList()) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
            Files.copy(HdbCorpus.sample().resolve("sym"), db.resolve("sym"));
            Files.write(to.resolve("sym"), recompress(daily.resolve("sym"), algorithm,
                    algorithm == SNAPPY ? OptionalCodecsTest::snappy : algorithm == LZ4HC ? OptionalCodecsTest::lz4hc
                            : OptionalCodecsTest::zstd));
            Enumeration e = Hdb.open(db).table("Daily").enumeration("2022.06.17", "sym");
            assertThat(e.indices()).as("algorithm %d", algorithm).isEqualTo(expected.indices());
            assertThat(e.symbols()).isEqualTo(expected.symbols());
        }
    }

    @Test
    void corruptBlockOfAnOptionalCodecIsAnError() throws Exception {
        Path gzip = HdbCorpus.sample().resolve("compressCharArrayVector/id");
        for (int algorithm : new int[] {SNAPPY, LZ4HC, ZSTD}) {
            Path f = tmp.resolve("bad" + algorithm);
            byte[] b = recompress(gzip, algorithm, plain -> new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
            Files.write(f, b);
            assertThatThrownBy(() -> KdbFiles.read(f)).as("algorithm %d", algorithm)
                    .isInstanceOf(HdbException.class).hasMessageContaining("at offset 8");
        }
    }
}
