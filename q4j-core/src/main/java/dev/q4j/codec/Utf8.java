package dev.q4j.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** UTF-8 decoding that refuses malformed bytes instead of replacing them, so text round-trips exactly. */
final class Utf8 {
    private Utf8() {
    }

    /**
     * @param text text to send
     * @return its UTF-8 bytes
     * @throws IllegalArgumentException when the text holds a lone surrogate, which has no UTF-8 form (Java would
     *     silently send '?' instead)
     */
    static byte[] encodeStrict(String text) {
        try {
            ByteBuffer b = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(java.nio.CharBuffer.wrap(text));
            byte[] out = new byte[b.remaining()];
            b.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text with a lone surrogate (an unpaired half of a UTF-16 pair) has no "
                    + "UTF-8 form and cannot be sent: " + text.replaceAll("[\\uD800-\\uDFFF]", "\\\\u????"));
        }
    }

    /** @return the text, or {@code null} when the bytes are not valid UTF-8 */
    static String decodeStrict(byte[] b, int off, int len) {
        boolean ascii = true;
        for (int i = off; i < off + len; i++) {
            if (b[i] < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
