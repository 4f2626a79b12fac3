package dev.q4j.hdb;

import java.nio.file.Path;

/**
 * The optional codecs of compressed kdb+ files: snappy (algorithm 3, {@code org.xerial.snappy:snappy-java}), lz4hc
 * (4, {@code at.yawk.lz4:lz4-java}) and zstd (5, {@code com.github.luben:zstd-jni}). Each library is loaded only
 * when a block needs it; without it the block is an error naming the library to add.
 *
 * <p>What kdb+ writes in a block is taken as the libraries' raw formats (a snappy block, not its framing; an LZ4
 * block, not an LZ4 frame; a zstd frame), as the public reader of DolphinDB's kdb+ plugin reads snappy and lz4 blocks;
 * no file kdb+ compressed so is in the corpus, so this is not proven: a block in another form fails with an error
 * saying what it holds.
 */
final class Codecs {
    private Codecs() {
    }

    /**
     * Uncompresses one block into exactly {@code want} bytes of {@code out} from {@code outPos}.
     *
     * @throws HdbException when the library is missing, the block is corrupt or gives another length
     */
    static void inflate(Path path, int algorithm, byte[] in, int inPos, int size, byte[] out, int outPos, int want,
            int block) {
        String name = algorithm == 3 ? "snappy" : algorithm == 4 ? "lz4hc" : "zstd";
        int got;
        try {
            switch (algorithm) {
                case 3:
                    got = Snappy.inflate(in, inPos, size, out, outPos, want);
                    break;
                case 4:
                    got = Lz4.inflate(in, inPos, size, out, outPos, want);
                    break;
                default:
                    got = Zstd.inflate(in, inPos, size, out, outPos, want);
                    break;
            }
        } catch (NoClassDefFoundError e) {
            String artifact = algorithm == 3 ? "org.xerial.snappy:snappy-java"
                    : algorithm == 4 ? "at.yawk.lz4:lz4-java" : "com.github.luben:zstd-jni";
            throw new HdbException(path, inPos, "block " + block + " is compressed with " + name + " (" + algorithm
                    + "): add " + artifact + " to read it", e);
        } catch (HdbException e) {
            throw e;
        } catch (RuntimeException | java.io.IOException e) {
            throw new HdbException(path, inPos, name + " block " + block + " is corrupt: " + e.getMessage(), e);
        }
        if (got != want) {
            throw new HdbException(path, inPos, name + " block " + block + " gives " + got + " bytes, " + want
                    + " expected");
        }
    }

    /** snappy-java, referenced only here */
    private static final class Snappy {
        static int inflate(byte[] in, int inPos, int size, byte[] out, int outPos, int want)
                throws java.io.IOException {
            int n = org.xerial.snappy.Snappy.uncompressedLength(in, inPos, size);
            if (n != want) {
                return n;
            }
            return org.xerial.snappy.Snappy.uncompress(in, inPos, size, out, outPos);
        }
    }

    /** lz4-java, referenced only here */
    private static final class Lz4 {
        static int inflate(byte[] in, int inPos, int size, byte[] out, int outPos, int want) {
            return net.jpountz.lz4.LZ4Factory.fastestJavaInstance().safeDecompressor()
                    .decompress(in, inPos, size, out, outPos, want);
        }
    }

    /** zstd-jni, referenced only here */
    private static final class Zstd {
        static int inflate(byte[] in, int inPos, int size, byte[] out, int outPos, int want) {
            long n = com.github.luben.zstd.Zstd.decompressByteArray(out, outPos, want, in, inPos, size);
            if (com.github.luben.zstd.Zstd.isError(n)) {
                throw new IllegalArgumentException(com.github.luben.zstd.Zstd.getErrorName(n));
            }
            return (int) n;
        }
    }
}
