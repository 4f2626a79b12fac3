package dev.q4j.cli;

import java.util.HexFormat;

/** Hex text to bytes and back, with errors that say where the bad digit is. */
final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    /** Bad hex text; {@link #index()} is the 0-based position of the problem in the text given. */
    static final class HexException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int index;

        HexException(String message, int index) {
            super(message);
            this.index = index;
        }

        int index() {
            return index;
        }
    }

    /**
     * {@return lower-case hex, two digits a byte, no separators}
     *
     * @param bytes bytes
     */
    static String format(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /**
     * Parses hex digits, either case, with an optional {@code 0x} prefix (as q prints bytes). No whitespace.
     *
     * @param text the digits
     * @return the bytes
     * @throws HexException on a character that is not a hex digit, or an odd number of digits
     */
    static byte[] parse(String text) throws HexException {
        int start = text.startsWith("0x") || text.startsWith("0X") ? 2 : 0;
        int digits = text.length() - start;
        for (int i = start; i < text.length(); i++) {
            if (digit(text.charAt(i)) < 0) {
                throw new HexException(describe(text, i) + " is not a hex digit", i);
            }
        }
        if (digits % 2 != 0) {
            throw new HexException("odd number of hex digits (" + digits + "): two digits make a byte",
                    text.length());
        }
        byte[] out = new byte[digits / 2];
        for (int i = 0; i < out.length; i++) {
            int p = start + 2 * i;
            out[i] = (byte) (digit(text.charAt(p)) << 4 | digit(text.charAt(p + 1)));
        }
        return out;
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String describe(String text, int i) {
        int cp = text.codePointAt(i);
        if (cp < 0x20 || cp == 0x7f || Character.isWhitespace(cp)) {
            return String.format("character U+%04X", cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }
}
