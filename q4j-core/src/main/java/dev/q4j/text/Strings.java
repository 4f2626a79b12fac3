package dev.q4j.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * q string literals: {@code "` \" \\ \n \t \r} and three octal digits for every other byte below 0x20 or from 0x7f
 * up, which is how {@code -3!} escapes them ({@code "Z\303\274rich"}). The output is plain ASCII, so the exact bytes
 * survive any console encoding.
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

    /** Appends {@code "…"} holding the UTF-8 bytes of {@code text}. */
    static void appendQuoted(StringBuilder sb, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
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

    /** @return the text decoded as strict UTF-8, or null when the bytes are not valid UTF-8 */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
