package dev.q4j.hdb;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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

    /**
     * snappy-java, found by reflection: its jar names no module (a module name taken from a file name would break
     * q4j-hdb's module-info when snappy-java gets one); on the module path add {@code --add-modules snappy.java}
     */
    private static final class Snappy {
        private static volatile MethodHandle[] handles;

        static int inflate(byte[] in, int inPos, int size, byte[] out, int outPos, int want)
                throws java.io.IOException {
            MethodHandle[] h = handles();
            try {
                int n = (int) h[0].invokeExact(in, inPos, size);
                if (n != want) {
                    return n;
                }
                return (int) h[1].invokeExact(in, inPos, size, out, outPos);
            } catch (java.io.IOException | RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new java.io.IOException(e);
            }
        }

        private static MethodHandle[] handles() {
            MethodHandle[] h = handles;
            if (h == null) {
                try {
                    Class<?> c = Class.forName("org.xerial.snappy.Snappy", true, Codecs.class.getClassLoader());
                    MethodHandles.Lookup l = MethodHandles.publicLookup();
                    h = new MethodHandle[] {
                        l.findStatic(c, "uncompressedLength",
                                MethodType.methodType(int.class, byte[].class, int.class, int.class)),
                        l.findStatic(c, "uncompress", MethodType.methodType(int.class, byte[].class, int.class,
                                int.class, byte[].class, int.class))
                    };
                } catch (ClassNotFoundException e) {
                    NoClassDefFoundError missing = new NoClassDefFoundError(e.getMessage());
                    missing.initCause(e);
                    throw missing;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("snappy-java has no Snappy.uncompress as q4j uses it: " + e, e);
                }
                handles = h;
            }
            return h;
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
