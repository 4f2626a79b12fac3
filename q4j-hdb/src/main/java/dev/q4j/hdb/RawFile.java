package dev.q4j.hdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One kdb+ file as kdb+ sees it. An uncompressed file is memory-mapped: its header is read into {@link #head}, and
 * its items are read in place through {@link #items}, mapped in parts of at most {@value #PART_BYTES} bytes (a Java
 * buffer holds at most 2 GB). A compressed file ({@code kxzipped}) is uncompressed into {@link #head} whole. Offsets
 * in errors are offsets in the uncompressed file.
 *
 * <p>The compressed layout, proven by the corpus's gzip files of one block and of two, and consistent with the public
 * reader of DolphinDB's kdb+ plugin: the 8 bytes {@code kxzipped}, the compressed blocks one after another, then a
 * trailer of {@code 8 * (5 + n)} bytes: int32 (3 in every file seen; not checked), the algorithm byte, the level
 * byte, two zero bytes, int64 uncompressed length, int64 offset of the trailer, int64 logical block size, for each
 * of the {@code n} blocks int32 compressed size and int32 algorithm (0 stored, 1 q IPC, 2 gzip, 3 snappy, 4 lz4hc,
 * 5 zstd), and last int64 {@code n}. Every field is checked against the others, and the logical block size must be
 * a power of two from 2^12 to 2^20 (KX's documented range; 2^17 in the corpus), which also bounds what a small
 * hostile file can make q4j allocate: at most 1 MB per block it lists, 8 bytes each.
 */
final class RawFile {
    static final byte[] KXZIPPED = "kxzipped".getBytes(StandardCharsets.US_ASCII);
    /** the header of an encrypted file (KX's documentation: "kxzippEd") */
    static final byte[] ENCRYPTED = "kxzippEd".getBytes(StandardCharsets.US_ASCII);
    /** the most an array holds, in bytes */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;
    /** the bytes of a header: 4096 and the 16 of the header of an enumeration's items (or of a nested column) */
    static final int HEAD = 4096 + 16;
    /** the size of one mapping, a power of two, so that each holds a power of two of items */
    static final long PART_BYTES = 1L << 30;
    /** for tests: the size of one mapping, to map the corpus's small files in several */
    static long partBytes = PART_BYTES;

    final Path path;
    /** the whole file when {@link #whole}, else its first bytes (up to {@link #HEAD}) */
    final byte[] head;
    /** whether {@link #head} is the whole file */
    final boolean whole;
    final boolean compressed;
    /** the (uncompressed) file's size */
    final long size;

    /** a compressed file's bytes, uncompressed at the first {@link #all()} (only its head is, when opened) */
    private final byte[] zipped;
    private byte[] inflated;

    private RawFile(Path path, byte[] head, boolean whole, boolean compressed, long size, byte[] zipped) {
        this.path = path;
        this.head = head;
        this.whole = whole;
        this.compressed = compressed;
        this.size = size;
        this.zipped = zipped;
        this.inflated = whole ? head : null;
    }

    /**
     * Opens a file: reads its header; a compressed file is read whole, and only the blocks holding its header are
     * uncompressed (its size is in its trailer, so counting rows uncompresses nothing more).
     */
    static RawFile read(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = readFully(path, ch, 0, (int) Math.min(size, HEAD));
            if (startsWith(head, ENCRYPTED)) {
                throw new HdbException(path, 0, "an encrypted file (kxzippEd): encrypted files are not read");
            }
            if (startsWith(head, KXZIPPED)) {
                if (size > MAX_ARRAY) {
                    throw new HdbException(path, -1, "compressed file of " + size + " bytes: compressed files over"
                            + " 2 GB are not read yet");
                }
                byte[] all = size == head.length ? head : readFully(path, ch, 0, (int) size);
                long uncompressed = uncompressedLength(path, all);
                byte[] first = inflate(path, all, HEAD);
                return new RawFile(path, first, first.length == uncompressed, true, uncompressed, all);
            }
            return new RawFile(path, head, head.length == size, false, size, null);
        } catch (NoSuchFileException e) {
            throw new HdbException(path, -1, "no such file", e);
        } catch (IOException e) {
            throw new HdbException(path, -1, "cannot be read: " + e, e);
        }
    }

    private static byte[] readFully(Path path, FileChannel ch, long from, int length) throws IOException {
        byte[] out = new byte[length];
        ByteBuffer b = ByteBuffer.wrap(out);
        while (b.hasRemaining()) {
            if (ch.read(b, from + b.position()) < 0) {
                throw new HdbException(path, from + b.position(), "file ended while read");
            }
        }
        return out;
    }

    /** {@return the whole (uncompressed) file in an array} */
    synchronized byte[] all() {
        if (inflated != null) {
            return inflated;
        }
        if (compressed) {
            inflated = inflate(path, zipped, size);
            return inflated;
        }
        if (size > MAX_ARRAY) {
            throw new HdbException(path, -1, "file of " + size + " bytes: this kind of file is read whole, and"
                    + " files over 2 GB are not");
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() != size) {
                throw new HdbException(path, -1, "the file changed size while read");
            }
            return readFully(path, ch, 0, (int) size);
        } catch (IOException e) {
            throw new HdbException(path, -1, "cannot be read: " + e, e);
        }
    }

    /**
     * {@return the bytes of {@code count} items of {@code width} bytes from {@code offset}, little-endian}: of the
     * array when the file is in memory, else mapped, in parts of a power of two of items
     */
    List<ByteBuffer> items(long offset, int count, int width) {
        long length = (long) count * width;
        if (offset < 0 || offset + length > size) {
            throw new HdbException(path, offset, count + " items of " + width + " bytes run past the file's end at "
                    + size);
        }
        if (whole || compressed) {
            byte[] b = all();
            return List.of(ByteBuffer.wrap(b, (int) offset, (int) length).slice().order(ByteOrder.LITTLE_ENDIAN));
        }
        List<ByteBuffer> parts = new ArrayList<>();
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (ch.size() < offset + length) {
                throw new HdbException(path, -1, "the file shrank to " + ch.size() + " bytes while read");
            }
            for (long at = 0; at < length || parts.isEmpty(); at += partBytes) {
                long n = Math.min(partBytes, length - at);
                parts.add(ch.map(FileChannel.MapMode.READ_ONLY, offset + at, n).order(ByteOrder.LITTLE_ENDIAN));
            }
        } catch (IOException e) {
            throw new HdbException(path, offset, "cannot be mapped: " + e, e);
        }
        return parts;
    }

    /** {@return {@code length} bytes from {@code offset}, copied into an array} */
    byte[] region(long offset, int length) {
        if (whole || compressed) {
            return java.util.Arrays.copyOfRange(all(), (int) offset, (int) offset + length);
        }
        byte[] out = new byte[length];
        int at = 0;
        for (ByteBuffer b : items(offset, length, 1)) {
            int n = b.remaining();
            b.get(out, at, n);
            at += n;
        }
        return out;
    }

    static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** {@return a compressed file's uncompressed length}, its trailer checked */
    private static long uncompressedLength(Path path, byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        return b.getLong(trailer(path, file) + 8);
    }

    /** {@return where a compressed file's trailer starts}, every field of it checked against the others */
    private static int trailer(Path path, byte[] file) {
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        int len = file.length;
        if (len < KXZIPPED.length + 48) {
            throw new HdbException(path, len, "compressed file of " + len + " bytes is shorter than its trailer");
        }
        long blocks = b.getLong(len - 8);
        if (blocks < 0 || blocks > (len - KXZIPPED.length - 48) / 8 + 1) {
            throw new HdbException(path, len - 8, "compressed file claims " + blocks + " blocks, which its "
                    + len + " bytes cannot hold");
        }
        int trailer = (int) (len - 8 * (5 + blocks));
        if (trailer < KXZIPPED.length) {
            throw new HdbException(path, len - 8, "compressed file's trailer of " + blocks + " blocks overlaps its"
                    + " header");
        }
        long uncompressed = b.getLong(trailer + 8);
        long trailerOffset = b.getLong(trailer + 16);
        long blockSize = b.getLong(trailer + 24);
        if (trailerOffset != trailer) {
            throw new HdbException(path, trailer + 16, "compressed file's trailer says it starts at " + trailerOffset
                    + ", its block count puts it at " + trailer);
        }
        if (uncompressed < 0 || uncompressed > MAX_ARRAY) {
            throw new HdbException(path, trailer + 8, "uncompressed length " + uncompressed
                    + (uncompressed < 0 ? " is negative" : ": files over 2 GB are not read yet"));
        }
        if (blockSize < 1 << 12 || blockSize > 1 << 20 || Long.bitCount(blockSize) != 1) {
            throw new HdbException(path, trailer + 24, "logical block size " + blockSize + " is not a power of two"
                    + " from 4096 to 1048576 (2^12 to 2^20, the sizes kdb+ writes)");
        }
        if (blockSize * blocks < uncompressed || uncompressed <= blockSize * (blocks - 1)) {
            throw new HdbException(path, trailer + 24, "logical block size " + blockSize + " with " + blocks
                    + " blocks does not give the uncompressed length " + uncompressed);
        }
        int in = KXZIPPED.length;
        for (int i = 0; i < blocks; i++) {
            int entry = trailer + 32 + 8 * i;
            int size = b.getInt(entry);
            if (size < 0 || size > trailer - in) {
                throw new HdbException(path, entry, "block " + i + " of " + size + " compressed bytes runs past the"
                        + " blocks' end at " + trailer);
            }
            in += size;
        }
        if (in != trailer) {
            throw new HdbException(path, in, "the blocks end at " + in + " but the trailer starts at " + trailer);
        }
        return trailer;
    }

    /**
     * {@return the first bytes of a compressed file, uncompressed}: the blocks that hold its first {@code limit}
     * bytes (all of it when {@code limit} is its length or more)
     */
    private static byte[] inflate(Path path, byte[] file, long limit) {
        int trailer = trailer(path, file);
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        long uncompressed = b.getLong(trailer + 8);
        long blockSize = b.getLong(trailer + 24);
        long wanted = Math.min(uncompressed, (Math.min(limit, uncompressed) + blockSize - 1) / blockSize * blockSize);
        byte[] out = new byte[(int) wanted];
        int in = KXZIPPED.length;
        int outPos = 0;
        for (int i = 0; outPos < wanted; i++) {
            int entry = trailer + 32 + 8 * i;
            int size = b.getInt(entry);
            int algorithm = b.getInt(entry + 4);
            int want = (int) Math.min(blockSize, uncompressed - outPos);
            inflateBlock(path, file, in, size, algorithm, out, outPos, want, i);
            in += size;
            outPos += want;
        }
        return out;
    }

    private static void inflateBlock(Path path, byte[] file, int in, int size, int algorithm, byte[] out, int outPos,
            int want, int block) {
        switch (algorithm) {
            case 0:
                if (size != want) {
                    throw new HdbException(path, in, "stored block " + block + " holds " + size + " bytes, "
                            + want + " expected");
                }
                System.arraycopy(file, in, out, outPos, size);
                return;
            case 2:
                Inflater inflater = new Inflater();
                try {
                    inflater.setInput(file, in, size);
                    int n = 0;
                    while (n < want && !inflater.finished()) {
                        int got = inflater.inflate(out, outPos + n, want - n);
                        if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            break;
                        }
                        n += got;
                    }
                    if (n != want || !inflater.finished()) {
                        throw new HdbException(path, in, "gzip block " + block + " gives " + n + " bytes"
                                + (inflater.finished() ? "" : " and does not end there") + ", " + want + " expected");
                    }
                } catch (DataFormatException e) {
                    throw new HdbException(path, in, "gzip block " + block + " is corrupt: " + e.getMessage(), e);
                } finally {
                    inflater.end();
                }
                return;
            case 1:
                throw new HdbException(path, in, "block " + block + " is compressed with q's IPC algorithm (1): not"
                        + " read yet (no file real kdb+ wrote so is at hand to prove the block layout)");
            case 3:
            case 4:
            case 5:
                Codecs.inflate(path, algorithm, file, in, size, out, outPos, want, block);
                return;
            default:
                throw new HdbException(path, in, "block " + block + " names compression algorithm " + algorithm
                        + ", which kdb+ does not have (0 to 5)");
        }
    }
}
