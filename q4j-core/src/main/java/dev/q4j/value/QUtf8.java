package dev.q4j.value;

/**
 * Text to bytes and back for q symbols, error texts and lambdas, losslessly: valid UTF-8 decodes as usual, and each
 * byte that is not part of valid UTF-8 (legacy Latin-1 data, say) decodes to the lone surrogate {@code U+DC80 ..
 * U+DCFF} that encodes back to that same byte (Python calls this "surrogateescape"). So any symbol kdb+ sends,
 * such as {@code `$"\377"}, decodes to a {@code String} and encodes back to exactly its bytes.
 *
 * <pre>{@code
 * String s = QUtf8.decode(new byte[] {(byte) 0xff}, 0, 1);   // "\uDCFF"
 * byte[] b = QUtf8.encode(s);                                  // {(byte) 0xff}
 * QUtf8.encode("caf\u00e9");                                   // 63 61 66 c3 a9
 * }</pre>
 */
public final class QUtf8 {
    private static final char ESCAPE_BASE = 0xDC00;

    private QUtf8() {
    }

    /**
     * {@return the text, with bytes that are not valid UTF-8 as {@code U+DC80 .. U+DCFF}}
     *
     * @param bytes a buffer
     * @param offset first byte
     * @param length how many bytes
     */
    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        char[] out = null;
        int n = 0;
        for (int i = offset; i < end; ) {
            int b0 = bytes[i];
            if (b0 >= 0) {
                if (out != null) {
                    out[n++] = (char) b0;
                }
                i++;
                continue;
            }
            if (out == null) {
                // first non-ASCII byte: switch to the general path
                out = new char[length];
                for (int k = offset; k < i; k++) {
                    out[n++] = (char) bytes[k];
                }
            }
            int size = sequenceLength(bytes, i, end);
            b0 &= 0xFF;
            if (size == 2) {
                out[n++] = (char) (((b0 & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
            } else if (size == 3) {
                out[n++] = (char) (((b0 & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
            } else if (size == 4) {
                int cp = ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3F) << 12) | ((bytes[i + 2] & 0x3F) << 6)
                        | (bytes[i + 3] & 0x3F);
                out[n++] = Character.highSurrogate(cp);
                out[n++] = Character.lowSurrogate(cp);
            } else {
                out[n++] = (char) (ESCAPE_BASE | b0);
                size = 1;
            }
            i += size;
        }
        return out == null ? new String(bytes, offset, length, java.nio.charset.StandardCharsets.ISO_8859_1)
                : new String(out, 0, n);
    }

    /** {@return the length of the valid UTF-8 sequence starting at {@code i} (2 .. 4), or 0 when it is not one} */
    private static int sequenceLength(byte[] b, int i, int end) {
        int b0 = b[i] & 0xFF;
        if (b0 >= 0xC2 && b0 <= 0xDF) {
            return i + 1 < end && continuation(b[i + 1]) ? 2 : 0;
        }
        if (b0 >= 0xE0 && b0 <= 0xEF) {
            if (i + 2 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                return 0;
            }
            int b1 = b[i + 1] & 0xFF;
            // no overlong forms, no encoded surrogates
            return (b0 == 0xE0 && b1 < 0xA0) || (b0 == 0xED && b1 >= 0xA0) ? 0 : 3;
        }
        if (b0 >= 0xF0 && b0 <= 0xF4) {
            if (i + 3 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                return 0;
            }
            int b1 = b[i + 1] & 0xFF;
            return (b0 == 0xF0 && b1 < 0x90) || (b0 == 0xF4 && b1 >= 0x90) ? 0 : 4;
        }
        return 0;
    }

    private static boolean continuation(byte b) {
        return (b & 0xC0) == 0x80;
    }

    /**
     * {@return its bytes}
     *
     * @param text text, possibly holding escaped bytes from {@link #decode}
     * @throws IllegalArgumentException when it holds a lone surrogate other than an escaped byte, which has no
     *     UTF-8 form (Java's own encoder would silently write '?')
     */
    public static byte[] encode(String text) {
        int n = text.length();
        int ascii = 0;
        while (ascii < n && text.charAt(ascii) < 0x80) {
            ascii++;
        }
        if (ascii == n) {
            return text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        byte[] out = new byte[encodedLength(text)];
        int p = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | (c >> 6));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(++i));
                out[p++] = (byte) (0xF0 | (cp >> 18));
                out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                out[p++] = (byte) c;   // an escaped byte: encodedLength has checked the range
            } else {
                out[p++] = (byte) (0xE0 | (c >> 12));
                out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                out[p++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return out;
    }

    /**
     * {@return the number of bytes {@link #encode} gives, without allocating}
     *
     * @param text text, possibly holding escaped bytes from {@link #decode}
     * @throws IllegalArgumentException when it holds a lone surrogate other than an escaped byte
     */
    public static int encodedLength(String text) {
        int n = text.length();
        int len = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                len++;
            } else if (c < 0x800) {
                len += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                len += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                if (c < 0xDC80 || c > 0xDCFF) {
                    throw new IllegalArgumentException("text with a lone surrogate U+"
                            + Integer.toHexString(c).toUpperCase() + " at index " + i
                            + " has no UTF-8 form and cannot be sent");
                }
                len++;
            } else {
                len += 3;
            }
        }
        return len;
    }
}
