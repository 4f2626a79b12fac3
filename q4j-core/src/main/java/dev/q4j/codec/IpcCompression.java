package dev.q4j.codec;

import dev.q4j.QLimitException;
import java.util.Arrays;
import java.util.Objects;

/**
 * kdb+ IPC message compression: the byte-exact algorithm kdb+ itself uses (the one KX publishes in its Java interface),
 * so that a message compressed here is identical to what kdb+ would send for the same uncompressed bytes.
 *
 * <h2>Wire format</h2>
 * A compressed message keeps the 8-byte header of the original (byte order, message type, reserved byte) with the
 * compressed flag (header byte 2) set to {@code 1} and the length field holding the <em>compressed</em> total length.
 * Bytes 8..11 hold the total length of the <em>uncompressed</em> message (header included), in the message's own
 * byte order (header byte 0: {@code 1} little-endian, {@code 0} big-endian). The compressed stream follows.
 *
 * <p>The stream is a sequence of groups: one flag byte, then up to 8 tokens, flag bit {@code k} (least significant
 * first) describing token {@code k}. A clear bit is a literal: one byte copied to the output. A set bit is a
 * back-reference of two bytes {@code (slot, extra)}: copy {@code 2 + extra} bytes from the output position remembered
 * in table slot {@code slot}. The table has 256 slots, keyed by the XOR of two adjacent output bytes; both sides fill
 * it in step, so it never travels on the wire. Decompression stops when the declared size is reached.
 *
 * <h2>When kdb+ compresses</h2>
 * kdb+ compresses a message only if it is longer than 2000 bytes ({@link #shouldCompress(int)}), the peer is not on
 * the same host, both sides agreed on capability 1 or more in the handshake, and the compressed form stays within half
 * of the original ({@link #compress(byte[])} returns {@code null} otherwise). The first three are the transport's
 * business; this class only knows bytes.
 *
 * <pre>{@code
 * byte[] wire = IpcCompression.shouldCompress(message.length) ? IpcCompression.compress(message) : null;
 * if (wire == null) wire = message;                    // not worth it: send as is
 * ...
 * byte[] plain = wire[2] == MessageHeader.COMPRESSED ? IpcCompression.decompress(wire, limits.maxMessageSize()) : wire;
 * }</pre>
 *
 * <p>All methods are static, allocation is limited to the result (plus a 1 KiB table), and the class does no I/O.
 */
public final class IpcCompression {

    /** kdb+ compresses only messages strictly longer than this many bytes (header included). */
    public static final int COMPRESSION_THRESHOLD = 2000;

    /**
     * The largest uncompressed message {@link #decompress(byte[])} accepts without an explicit limit: the largest
     * byte array a JVM reliably allocates.
     */
    public static final long MAX_UNCOMPRESSED_SIZE = Integer.MAX_VALUE - 8;

    private static final int HEADER = MessageHeader.SIZE;
    /** Header plus the int32 uncompressed size: where the compressed stream starts. */
    private static final int STREAM_START = 12;
    /** The most bytes one group can add to the output: a flag byte and 8 two-byte back-references. */
    private static final int MAX_GROUP = 17;
    /** The longest back-reference: 2 bytes plus at most 255 extra. */
    private static final int MAX_MATCH = 2 + 255;
    /**
     * Up to this many times the compressed length, a declared uncompressed size is allocated without first checking
     * that the stream produces it.
     */
    static final int TRUSTED_EXPANSION = 16;
    /** Input a group may read, with the 8 bytes a literal run may read too many: a group's fast path needs it. */
    private static final int FAST_GROUP_INPUT = 16 + 8;
    /** Output a group may write, with the 8 bytes a copy may write too many: a group's fast path needs it. */
    private static final int FAST_GROUP_OUTPUT = 8 * MAX_MATCH + 8;

    private IpcCompression() {
    }

    /**
     * kdb+'s size rule: a message is a candidate for compression only when its total length (header included) is
     * strictly greater than 2000 bytes. KX's Java interface tests {@code length > 2000} the same way; a message of
     * exactly 2000 bytes is sent uncompressed.
     *
     * @param messageLength total length of the uncompressed message, header included
     * @return {@code true} when {@code messageLength > 2000}
     */
    public static boolean shouldCompress(int messageLength) {
        return messageLength > COMPRESSION_THRESHOLD;
    }

    /**
     * Compresses a complete uncompressed IPC message, exactly as kdb+ would.
     *
     * <pre>{@code
     * byte[] compressed = IpcCompression.compress(message);   // null: send message uncompressed
     * }</pre>
     *
     * @param message a complete uncompressed message (8-byte header, little- or big-endian, then the body)
     * @return the complete compressed message, or {@code null} when compression is not worth it (see
     *     {@link #compress(byte[], int, int)} for the exact rule)
     * @throws IllegalArgumentException if {@code message} is not an uncompressed IPC message whose header length
     *     equals its size
     */
    public static byte[] compress(byte[] message) {
        return compress(message, 0, message.length);
    }

    /**
     * Compresses the complete uncompressed IPC message {@code message[offset .. offset+length)}, exactly as kdb+
     * would.
     *
     * <p>The result keeps header bytes 0, 1 and 3, sets byte 2 (compressed) to 1, writes the compressed total length
     * into the length field and the uncompressed total length ({@code length}) at bytes 8..11, both in the message's
     * byte order, followed by the compressed stream.
     *
     * <p><b>When the result is {@code null}.</b> The output may never exceed half of the input,
     * {@code floor(length / 2)} bytes. Like kdb+ (and KX's Java interface), the compressor checks this before each
     * group of 8 tokens: if the output already holds more than {@code floor(length / 2) - 17} bytes (17 being the most
     * one group can add), it gives up and returns {@code null}. So a non-null result is never longer than
     * {@code floor(length / 2)} bytes, and messages shorter than 58 bytes are never compressed. This method does not
     * apply {@link #shouldCompress(int)}; callers that want kdb+'s behaviour check that first.
     *
     * <pre>{@code
     * byte[] out = IpcCompression.compress(buffer, start, messageLength);
     * }</pre>
     *
     * @param message array holding the message
     * @param offset where the message starts
     * @param length total length of the message, header included
     * @return a new array with the complete compressed message, or {@code null} when it would not fit in half
     * @throws IndexOutOfBoundsException if the range is outside {@code message}
     * @throws IllegalArgumentException if the range does not hold an uncompressed IPC message whose header length
     *     equals {@code length}
     */
    // One method on purpose: the JIT compiles the hot loop with all its state in registers (BENCHMARKS.md)
    @SuppressWarnings("checkstyle:MethodLength")
    public static byte[] compress(byte[] message, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (length < HEADER) {
            throw new IllegalArgumentException("not an IPC message: " + length + " bytes, a header alone needs 8");
        }
        boolean little = littleEndian(message[offset]);
        if (message[offset + 2] != MessageHeader.PLAIN) {
            throw new IllegalArgumentException("message is already compressed (header byte 2 is "
                    + (message[offset + 2] & 0xFF) + ")");
        }
        int declared = readInt(message, offset + 4, little);
        if (declared != length) {
            throw new IllegalArgumentException("header length field says " + Integer.toUnsignedString(declared)
                    + " bytes but the message has " + length);
        }

        int capacity = length >>> 1;
        if (capacity - MAX_GROUP < STREAM_START) {
            return null;
        }
        byte[] out = new byte[capacity];
        out[0] = message[offset];
        out[1] = message[offset + 1];
        out[2] = MessageHeader.COMPRESSED;
        out[3] = message[offset + 3];
        writeInt(out, HEADER, length, little);

        // Table of input positions (absolute indices into message; always >= 8, so 0 marks an empty slot).
        int[] table = new int[256];
        int end = offset + length;
        int lastMatchable = end - 3; // a back-reference needs at least 3 input bytes left
        int s = offset + HEADER;
        int d = STREAM_START;
        int flagPos = STREAM_START;
        int flags = 0;
        int bit = 0;
        int hash = 0;
        // A literal's position enters the table one token late, after the next lookup (the decoder can only hash
        // a position once the byte after it is known).
        int pendingPos = 0;
        int pendingHash = 0;
        FastGroup group = new FastGroup();

        while (s < end) {
            if (bit == 0) {
                if (d > capacity - MAX_GROUP) {
                    return null;
                }
                out[flagPos] = (byte) flags;
                flagPos = d++;
                flags = 0;
                bit = 1;
                if (lastMatchable - s >= 8 * MAX_MATCH) {
                    // A whole group, far from the end: no token nor match can reach it, so no checks. The pending
                    // literal is stored unconditionally: after a back-reference it is the back-reference's own
                    // position, already in the table (and at the very start slot 0 gets the 0 it holds). The test
                    // above depends on s alone, which only grows: this path runs on a prefix of the message and
                    // never after the one below, whose pendingPos 0 would mean "nothing pending".
                    group.s = s;
                    group.d = d;
                    group.pendingHash = pendingHash;
                    group.pendingPos = pendingPos;
                    flags = group.run(message, out, table);
                    s = group.s;
                    d = group.d;
                    pendingHash = group.pendingHash;
                    pendingPos = group.pendingPos;
                    bit = 0;
                    continue;
                }
            }
            int candidate = 0;
            boolean literal = true;
            if (s <= lastMatchable) {
                hash = (message[s] ^ message[s + 1]) & 0xFF;
                candidate = table[hash];
                literal = candidate == 0 || message[s] != message[candidate];
            }
            if (pendingPos != 0) {
                table[pendingHash] = pendingPos;
                pendingPos = 0;
            }
            if (literal) {
                pendingHash = hash;
                pendingPos = s;
                out[d++] = message[s++];
            } else {
                // Same hash and same first byte imply the same second byte: two bytes match for sure.
                table[hash] = s;
                flags |= bit;
                int from = candidate + 2;
                s += 2;
                int matchStart = s;
                int limit = Math.min(s + (MAX_MATCH - 2), end);
                // eight bytes at a time while they fit, then byte by byte (only the input is read: overlap is fine)
                while (limit - s >= 8) {
                    long diff = (long) Bytes.LONG_LE.get(message, from) ^ (long) Bytes.LONG_LE.get(message, s);
                    if (diff != 0) {
                        int same = Long.numberOfTrailingZeros(diff) >>> 3;
                        s += same;
                        from += same;
                        limit = s;   // the mismatch ends the match
                        break;
                    }
                    s += 8;
                    from += 8;
                }
                while (s < limit && message[from] == message[s]) {
                    s++;
                    from++;
                }
                out[d++] = (byte) hash;
                out[d++] = (byte) (s - matchStart);
            }
            bit = (bit << 1) & 0xFF;
        }
        out[flagPos] = (byte) flags;
        writeInt(out, 4, d, little);
        return Arrays.copyOf(out, d);
    }

    /**
     * One whole group of 8 tokens far from the end of the input, where no token nor back-reference can reach it: no
     * bounds to check. A method of its own, called once per group, so that the JIT compiles it early and whole
     * rather than as part of the long-running loop of {@link #compress(byte[], int, int)} (which measured up to a
     * third slower, and varied more from run to run). The compressor's state goes in and out through the fields.
     */
    private static final class FastGroup {
        int s;
        int d;
        int pendingHash;
        int pendingPos;

        /** {@return the group's flag byte} */
        int run(byte[] message, byte[] out, int[] table) {
            int s = this.s;
            int d = this.d;
            int pendingHash = this.pendingHash;
            int pendingPos = this.pendingPos;
            int flags = 0;
            for (int bit = 1; bit < 0x100; bit <<= 1) {
                int h = (message[s] ^ message[s + 1]) & 0xFF;
                int candidate = table[h];
                table[pendingHash] = pendingPos;
                if (candidate == 0 || message[s] != message[candidate]) {
                    pendingHash = h;
                    pendingPos = s;
                    out[d++] = message[s++];
                } else {
                    table[h] = s;
                    pendingHash = h;
                    pendingPos = s;
                    flags |= bit;
                    int from = candidate + 2;
                    s += 2;
                    int matchStart = s;
                    int limit = s + (MAX_MATCH - 2);
                    while (limit - s >= 8) {
                        long diff = (long) Bytes.LONG_LE.get(message, from)
                                ^ (long) Bytes.LONG_LE.get(message, s);
                        if (diff != 0) {
                            s += Long.numberOfTrailingZeros(diff) >>> 3;
                            limit = -1;
                            break;
                        }
                        s += 8;
                        from += 8;
                    }
                    for (; s < limit && message[from] == message[s]; s++, from++) {
                        // the last few bytes of a long match
                    }
                    out[d++] = (byte) h;
                    out[d++] = (byte) (s - matchStart);
                }
            }
            this.s = s;
            this.d = d;
            this.pendingHash = pendingHash;
            this.pendingPos = pendingPos;
            return flags;
        }
    }

    /**
     * Reads the uncompressed total length (header included) that a compressed message declares at bytes 8..11, in
     * the message's byte order. Only the first 12 bytes are needed.
     *
     * <pre>{@code
     * int size = IpcCompression.uncompressedLength(firstTwelveBytes);
     * }</pre>
     *
     * @param message a compressed message, or at least its first 12 bytes
     * @return the declared uncompressed length, as a signed int (hostile input may make it negative)
     * @throws IpcCompressionException if fewer than 12 bytes are given, header byte 0 is not a byte order
     *     ({@code 0} or {@code 1}) or the message is not marked compressed
     */
    public static int uncompressedLength(byte[] message) {
        if (message.length < STREAM_START) {
            throw error("compressed message too short: " + message.length
                    + " bytes, the header and the uncompressed size need 12", 0);
        }
        boolean little = byteOrder(message, 0);
        checkCompressedFlag(message, 0);
        return readInt(message, HEADER, little);
    }

    /**
     * Decompresses a complete compressed IPC message, accepting any declared size up to
     * {@link #MAX_UNCOMPRESSED_SIZE}.
     *
     * <pre>{@code
     * byte[] plain = IpcCompression.decompress(compressed);
     * }</pre>
     *
     * @param message a complete compressed message (the whole array)
     * @return a new array with the complete uncompressed message
     * @throws IpcCompressionException if the message is malformed (see {@link #decompress(byte[], int, int, long)})
     * @throws dev.q4j.QLimitException if it declares an uncompressed size over {@link #MAX_UNCOMPRESSED_SIZE}
     */
    public static byte[] decompress(byte[] message) {
        return decompress(message, 0, message.length, MAX_UNCOMPRESSED_SIZE);
    }

    /**
     * Decompresses a complete compressed IPC message, refusing to produce more than {@code maxUncompressedSize}
     * bytes.
     *
     * <pre>{@code
     * byte[] plain = IpcCompression.decompress(compressed, 64L << 20);   // at most 64 MiB
     * }</pre>
     *
     * @param message a complete compressed message (the whole array)
     * @param maxUncompressedSize the largest uncompressed total length (header included) to accept
     * @return a new array with the complete uncompressed message
     * @throws IpcCompressionException if the message is malformed (see {@link #decompress(byte[], int, int, long)})
     * @throws dev.q4j.QLimitException if it declares an uncompressed size over {@code maxUncompressedSize}
     * @throws IllegalArgumentException if {@code maxUncompressedSize} is below 8
     */
    public static byte[] decompress(byte[] message, long maxUncompressedSize) {
        return decompress(message, 0, message.length, maxUncompressedSize);
    }

    /**
     * Decompresses the complete compressed IPC message {@code message[offset .. offset+length)}.
     *
     * <p>The result is a complete uncompressed message: header bytes 0, 1 and 3 as received, byte 2 (compressed)
     * set to 0, the length field set to the uncompressed size in the message's byte order, then the body.
     *
     * <p>Hostile input is rejected with an {@link IpcCompressionException} naming the problem and its offset (from
     * the start of the message): a header that is not a compressed message, a length field that disagrees with
     * {@code length}, a declared uncompressed size below 8 or larger than the compressed bytes could ever expand
     * to; and, while decoding, a back-reference to a table slot nothing filled
     * yet, a back-reference writing past the declared size, a stream that ends before the declared size is reached,
     * or bytes left over after it. A declared size more than 16 times the compressed length is allocated only after
     * a first pass over the stream has shown that it produces exactly that many bytes, so a small hostile message
     * cannot make this method allocate more than 16 times its own size. A declared size above
     * {@code maxUncompressedSize} is refused, before anything is allocated, with a {@link dev.q4j.QLimitException}.
     *
     * <pre>{@code
     * byte[] plain = IpcCompression.decompress(buffer, start, frameLength, limits.maxMessageSize());
     * }</pre>
     *
     * @param message array holding the message
     * @param offset where the message starts
     * @param length total length of the compressed message, header included (must equal its header length field)
     * @param maxUncompressedSize the largest uncompressed total length (header included) to accept
     * @return a new array of exactly the declared uncompressed size
     * @throws IpcCompressionException if the message is malformed
     * @throws dev.q4j.QLimitException if it declares an uncompressed size over {@code maxUncompressedSize}
     * @throws IndexOutOfBoundsException if the range is outside {@code message}
     * @throws IllegalArgumentException if {@code maxUncompressedSize} is below 8
     */
    // One method on purpose: the JIT compiles the hot loop with all its state in registers (BENCHMARKS.md)
    @SuppressWarnings("checkstyle:MethodLength")
    public static byte[] decompress(byte[] message, int offset, int length, long maxUncompressedSize) {
        Objects.checkFromIndexSize(offset, length, message.length);
        if (maxUncompressedSize < HEADER) {
            throw new IllegalArgumentException("maxUncompressedSize must be at least 8, was " + maxUncompressedSize);
        }
        if (length < STREAM_START) {
            throw error("compressed message too short: " + length
                    + " bytes, the header and the uncompressed size need 12", 0);
        }
        boolean little = byteOrder(message, offset);
        checkCompressedFlag(message, offset);
        int declared = readInt(message, offset + 4, little);
        if (declared != length) {
            throw error("header length field says " + Integer.toUnsignedString(declared)
                    + " bytes but the compressed message has " + length, 4);
        }
        int size = readInt(message, offset + HEADER, little);
        if (size < HEADER) {
            throw error("declared uncompressed size " + Integer.toUnsignedString(size)
                    + " is smaller than the 8-byte header", HEADER);
        }
        long limit = Math.min(maxUncompressedSize, MAX_UNCOMPRESSED_SIZE);
        if (size > limit) {
            throw new QLimitException("declared uncompressed size " + size + " exceeds the limit of " + limit
                    + " bytes (raise maxUncompressedSize to accept it)", HEADER, QLimitException.Limit.MESSAGE_SIZE,
                    limit, size);
        }
        long streamLength = length - STREAM_START;
        // Every stream byte yields at most 128.5 output bytes (a 2-byte back-reference copies at most 257).
        long maxBody = (streamLength * MAX_MATCH + 1) / 2;
        if (size - HEADER > maxBody) {
            throw error("declared uncompressed size " + size + " cannot come from " + streamLength
                    + " compressed bytes (at most " + (maxBody + HEADER) + ")", HEADER);
        }

        // A size up to TRUSTED_EXPANSION times the bytes received is allocated at once (kdb+'s messages shrink 2 to
        // 10 times): a lie then costs at most that, and is found while decompressing. A larger one is believed
        // only once a first pass over the stream (token lengths do not depend on the output) has shown that it
        // makes exactly `size` bytes, so a small message cannot make us allocate a huge array.
        if ((long) size > (long) length * TRUSTED_EXPANSION) {
            checkProducedLength(message, offset, length, size);
        }
        byte[] out = new byte[size];
        out[0] = message[offset];
        out[1] = message[offset + 1];
        out[2] = MessageHeader.PLAIN;
        out[3] = message[offset + 3];
        writeInt(out, 4, size, little);

        // Table of output positions (always >= 8, so 0 marks an empty slot).
        int[] table = new int[256];
        int end = offset + length;
        int d = offset + STREAM_START;
        int s = HEADER;
        int hashed = HEADER; // next output position to enter into the table
        while (s < size) {
            if (d >= end) {
                throw truncated(d - offset, s, size);
            }
            int flags = message[d++] & 0xFF;
            if (end - d >= FAST_GROUP_INPUT && size - s >= FAST_GROUP_OUTPUT) {
                // A whole group, far from both ends: no token can run past either, so the checks that remain are
                // the table's. Literals between back-references are copied as a run, 8 bytes at a time (writing up
                // to 7 bytes too many, which what follows overwrites before anything reads them).
                int token = 0;
                while (true) {
                    int literals = (flags >>> token) == 0 ? 8 - token : Integer.numberOfTrailingZeros(flags >>> token);
                    if (literals > 0) {
                        // hashes come from the literal bytes as read, not from the output just written
                        long word = (long) Bytes.LONG_LE.get(message, d);
                        Bytes.LONG_LE.set(out, s, word);
                        if (hashed < s) {
                            table[(out[hashed] ^ (int) word) & 0xFF] = hashed;
                        }
                        long pairs = word ^ (word >>> 8);
                        for (int k = 0; k < literals - 1; k++) {
                            table[(int) (pairs >>> (k << 3)) & 0xFF] = s + k;
                        }
                        d += literals;
                        s += literals;
                        hashed = s - 1;
                        token += literals;
                    }
                    if (token == 8) {
                        break;
                    }
                    int slot = message[d] & 0xFF;
                    int from = table[slot];
                    if (from == 0) {
                        throw emptySlot(slot, s, d - offset);
                    }
                    int n = 2 + (message[d + 1] & 0xFF);
                    d += 2;
                    // Position s-1 (when a literal ends there) and s become hashable. Their bytes are known without
                    // reading the copy: the copy starts with out[from], and the pair at s is the pair at from,
                    // which is what put `from` in this slot (from <= s - 2: s-1 is not in the table yet).
                    if (hashed < s) {
                        table[(out[hashed] ^ out[from]) & 0xFF] = hashed;
                    }
                    table[slot] = s;
                    copyMatch(out, from, s, n, size);
                    s += n;
                    hashed = s;
                    if (++token == 8) {
                        break;
                    }
                }
                continue;
            }
            for (int bit = 1; bit <= 0x80 && s < size; bit <<= 1) {
                if ((flags & bit) != 0) {
                    if (end - d < 2) {
                        throw truncated(d - offset, s, size);
                    }
                    int slot = message[d] & 0xFF;
                    int from = table[slot];
                    if (from == 0) {
                        throw emptySlot(slot, s, d - offset);
                    }
                    int n = 2 + (message[d + 1] & 0xFF);
                    if (n > size - s) {
                        throw error("back-reference copies " + n + " bytes at output position " + s
                                + ", past the declared uncompressed size " + size, d - offset);
                    }
                    d += 2;
                    copyMatch(out, from, s, n, size);
                    // Positions up to the start of this back-reference are now hashable; the rest of it never is.
                    for (; hashed <= s; hashed++) {
                        table[(out[hashed] ^ out[hashed + 1]) & 0xFF] = hashed;
                    }
                    s += n;
                    hashed = s;
                } else {
                    if (d >= end) {
                        throw truncated(d - offset, s, size);
                    }
                    out[s++] = message[d++];
                    for (; hashed < s - 1; hashed++) {
                        table[(out[hashed] ^ out[hashed + 1]) & 0xFF] = hashed;
                    }
                }
            }
        }
        if (d != end) {
            throw error((end - d) + " unused bytes after the compressed stream, which already produced the "
                    + "declared uncompressed size " + size, d - offset);
        }
        return out;
    }

    /**
     * Copies the {@code n} bytes at {@code from} to {@code to} ({@code from < to}), forwards, so that a source
     * overlapping the destination repeats its period as the format requires. Eight bytes at a time when the
     * distance is at least 8 (each word then reads only bytes already final) and there is room to write up to 7
     * bytes past the end: those are overwritten by what follows before anything reads them.
     */
    private static void copyMatch(byte[] out, int from, int to, int n, int size) {
        if (to - from >= 8 && size - to - n >= 8) {
            for (int k = 0; k < n; k += 8) {
                Bytes.LONG_LE.set(out, to + k, (long) Bytes.LONG_LE.get(out, from + k));
            }
        } else {
            for (int k = 0; k < n; k++) {
                out[to + k] = out[from + k];
            }
        }
    }

    private static void checkProducedLength(byte[] message, int offset, int length, int size) {
        int end = offset + length;
        int d = offset + STREAM_START;
        long s = HEADER;
        int flags = 0;
        int bit = 0;
        while (s < size) {
            if (bit == 0) {
                if (d >= end) {
                    throw truncated(d - offset, (int) s, size);
                }
                flags = message[d++] & 0xFF;
                if (end - d >= FAST_GROUP_INPUT && size - s >= FAST_GROUP_OUTPUT) {
                    // a whole group, far from both ends: 8 tokens, one more input byte per back-reference, which
                    // adds its extra length; the back-reference of bit k, the m-th set bit, sits at d + k + m
                    int matches = 0;
                    long produced = 8;
                    for (int f = flags; f != 0; f &= f - 1, matches++) {
                        produced += 1 + (message[d + Integer.numberOfTrailingZeros(f) + matches + 1] & 0xFF);
                    }
                    d += 8 + matches;
                    s += produced;
                    continue;
                }
                bit = 1;
            }
            if ((flags & bit) != 0) {
                if (end - d < 2) {
                    throw truncated(d - offset, (int) s, size);
                }
                int n = 2 + (message[d + 1] & 0xFF);
                if (n > size - s) {
                    throw error("back-reference copies " + n + " bytes at output position " + s
                            + ", past the declared uncompressed size " + size, d - offset);
                }
                s += n;
                d += 2;
            } else {
                if (d >= end) {
                    throw truncated(d - offset, (int) s, size);
                }
                s++;
                d++;
            }
            bit = (bit << 1) & 0xFF;
        }
        if (d != end) {
            throw error((end - d) + " unused bytes after the compressed stream, which already produced the "
                    + "declared uncompressed size " + size, d - offset);
        }
    }

    private static boolean littleEndian(byte order) {
        if (order == MessageHeader.LITTLE_ENDIAN) {
            return true;
        }
        if (order == MessageHeader.BIG_ENDIAN) {
            return false;
        }
        throw new IllegalArgumentException("header byte 0 must be 0 (big-endian) or 1 (little-endian), was "
                + (order & 0xFF));
    }

    private static boolean byteOrder(byte[] message, int offset) {
        byte order = message[offset];
        if (order != MessageHeader.BIG_ENDIAN && order != MessageHeader.LITTLE_ENDIAN) {
            throw error("header byte 0 must be 0 (big-endian) or 1 (little-endian), was " + (order & 0xFF), 0);
        }
        return order == MessageHeader.LITTLE_ENDIAN;
    }

    private static void checkCompressedFlag(byte[] message, int offset) {
        int flag = message[offset + 2] & 0xFF;
        if (flag != MessageHeader.COMPRESSED) {
            throw error(flag == MessageHeader.PLAIN
                    ? "message is not compressed (header byte 2 is 0)"
                    : "unsupported compression flag " + flag + " in header byte 2 (only 1 is known)", 2);
        }
    }

    private static IpcCompressionException emptySlot(int slot, int position, int at) {
        return error("back-reference to table slot " + slot + ", which no earlier output position filled (output "
                + "position " + position + ")", at);
    }

    private static IpcCompressionException truncated(int at, int produced, int size) {
        return error("compressed stream ends early: " + produced + " of " + size
                + " declared uncompressed bytes produced", at);
    }

    private static IpcCompressionException error(String what, long offset) {
        return new IpcCompressionException(what, offset);
    }

    private static int readInt(byte[] b, int at, boolean little) {
        int b0 = b[at] & 0xFF;
        int b1 = b[at + 1] & 0xFF;
        int b2 = b[at + 2] & 0xFF;
        int b3 = b[at + 3] & 0xFF;
        return little
                ? b0 | b1 << 8 | b2 << 16 | b3 << 24
                : b3 | b2 << 8 | b1 << 16 | b0 << 24;
    }

    private static void writeInt(byte[] b, int at, int value, boolean little) {
        if (little) {
            b[at] = (byte) value;
            b[at + 1] = (byte) (value >>> 8);
            b[at + 2] = (byte) (value >>> 16);
            b[at + 3] = (byte) (value >>> 24);
        } else {
            b[at] = (byte) (value >>> 24);
            b[at + 1] = (byte) (value >>> 16);
            b[at + 2] = (byte) (value >>> 8);
            b[at + 3] = (byte) value;
        }
    }
}
