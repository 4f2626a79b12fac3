package dev.q4j.corpus;

/** Hex text to bytes and back, for tests. Output is lower case; input may be any case and surrounded by spaces. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /**
     * @param text an even number of hex digits, any case; leading and trailing whitespace is ignored
     * @return the bytes
     * @throws IllegalArgumentException on an odd number of digits or a character that is not a hex digit
     */
    public static byte[] hex(String text) {
        String t = text.strip();
        if ((t.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + t.length() + ")");
        }
        byte[] out = new byte[t.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (digit(t, 2 * i) << 4 | digit(t, 2 * i + 1));
        }
        return out;
    }

    /**
     * @param bytes any bytes
     * @return two lower-case hex digits per byte
     */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    private static int digit(String t, int at) {
        int v = Character.digit(t.charAt(at), 16);
        if (v < 0) {
            throw new IllegalArgumentException("not a hex digit: '" + t.charAt(at) + "' at index " + at);
        }
        return v;
    }
}
