package dev.q4j.text;

import dev.q4j.value.QUtf8;

/**
 * q string literals: {@code "` \" \\ \n \t \r} and three octal digits for every other byte below 0x20 or from 0x7f
 * up, which is how {@code -3!} escapes them ({@code "Z\303\274rich"}). The output is plain ASCII, so the exact bytes
 * survive any console encoding. Text (symbols, error texts, lambda sources) goes through {@link QUtf8}, so that the
 * bytes written are exactly the bytes the value has on the wire.
 */
final class Strings {
    private Strings() {
    }

    /** Appends {@code "…"} with the bytes escaped. */
    static void appendQuoted(StringBuilder sb, byte[] bytes, int off, int len) {
        sb.append('"');
        for (int i = off; i < off + len; i++) {
            appendByte(sb, bytes[i]);
        }
        sb.append('"');
    }

    /**
     * Appends {@code "…"} holding the wire bytes of {@code text} ({@link QUtf8#encode(String)}).
     *
     * @throws IllegalArgumentException when the text holds a lone surrogate that is not an escaped byte: it has no
     *     bytes, and the encoder refuses it too
     */
    static void appendQuoted(StringBuilder sb, String text) {
        byte[] b = QUtf8.encode(text);
        appendQuoted(sb, b, 0, b.length);
    }

    static void appendByte(StringBuilder sb, byte b) {
        int c = b & 0xFF;
        switch (c) {
            case '"': sb.append("\\\""); return;
            case '\\': sb.append("\\\\"); return;
            case '\n': sb.append("\\n"); return;
            case '\t': sb.append("\\t"); return;
            case '\r': sb.append("\\r"); return;
            default:
                if (c < 0x20 || c >= 0x7f) {
                    sb.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                            .append((char) ('0' + (c & 7)));
                } else {
                    sb.append((char) c);
                }
        }
    }

    /**
     * {@return the index of the first lone surrogate outside {@code U+DC80 .. U+DCFF} (the bytes {@link QUtf8}
     * escapes), which has no UTF-8 form, or -1 when there is none}
     *
     * @param text text read from q source
     */
    static int badSurrogate(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (c < 0xDC80 || c > 0xDCFF) {
                return i;
            }
        }
        return -1;
    }

    /** {@return {@code U+D800} style name of a character for error messages} */
    static String codePoint(int c) {
        String hex = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "U+" + "0000".substring(Math.min(4, hex.length())) + hex;
    }

    /** {@return the text shortened to about {@code max} characters for an error message} */
    static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
    }
}
