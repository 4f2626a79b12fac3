package dev.q4j.codec;

import dev.q4j.QProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The bytes of kdb+'s connection handshake, without I/O. The client sends {@code user:password}, one capability
 * byte and a NUL; the server answers one byte, the capability both sides will use (the lower of the two), or closes
 * the connection to reject the credentials.
 *
 * <pre>{@code
 * byte[] hello = Handshake.request("user:password", Handshake.CAPABILITY_V3);   // "user:password\3\0"
 * int agreed = Handshake.agree(clientCapability, Handshake.CAPABILITY_V3);        // what the server answers
 * Handshake.Request r = Handshake.parseRequest(bytesUpToNul);                    // on the server side
 * }</pre>
 */
public final class Handshake {
    /** kdb+ 2.5: no compression, no timestamps */
    public static final int CAPABILITY_V2_5 = 0;
    /** compression, timestamps and timespans */
    public static final int CAPABILITY_COMPRESSION = 1;
    /** kdb+ 3.0: guids; what clients ask for by default */
    public static final int CAPABILITY_V3 = 3;
    /** messages over 2 GB (kdb+ 3.4+) */
    public static final int CAPABILITY_LARGE = 6;
    /** the longest credentials accepted from a client, to bound what a server reads before the NUL */
    public static final int MAX_REQUEST = 1024;

    private Handshake() {
    }

    /**
     * {@return the bytes a client sends}
     *
     * @param credentials {@code user:password}, {@code user}, or empty
     * @param capability 0 .. 255, usually {@link #CAPABILITY_V3}
     * @throws IllegalArgumentException when the credentials contain a NUL or are too long
     */
    public static byte[] request(String credentials, int capability) {
        if (capability < 0 || capability > 255) {
            throw new IllegalArgumentException("capability must be 0 .. 255, not " + capability);
        }
        byte[] text = credentialBytes(credentials);
        byte[] out = new byte[text.length + 2];
        System.arraycopy(text, 0, out, 0, text.length);
        out[text.length] = (byte) capability;
        return out;
    }

    /**
     * {@return the bytes a client sends to a server too old to take a capability byte}
     *
     * @param credentials {@code user:password}, {@code user}, or empty
     */
    public static byte[] requestWithoutCapability(String credentials) {
        byte[] text = credentialBytes(credentials);
        byte[] out = new byte[text.length + 1];
        System.arraycopy(text, 0, out, 0, text.length);
        return out;
    }

    private static byte[] credentialBytes(String credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("credentials cannot contain a NUL character");
        }
        byte[] text = credentials.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_REQUEST - 2) {
            throw new IllegalArgumentException("credentials longer than " + (MAX_REQUEST - 2) + " bytes");
        }
        return text;
    }

    /**
     * {@return the capability both use, the lower of the two}
     *
     * @param client the capability the client asked for
     * @param server the highest capability the server speaks
     */
    public static int agree(int client, int server) {
        return Math.min(client, server);
    }

    /**
     * What a client sent, as a server reads it.
     *
     * @param user the user name (empty when none)
     * @param password the password (empty when none)
     * @param capability the capability asked for; 0 when the client sent none
     */
    public record Request(String user, String password, int capability) {
        /**
         * Holds what a client sent to log in.
         *
         * @param user the user name
         * @param password the password
         * @param capability the capability
         */
        public Request {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            // never print a password
            return "Request[user=" + user + ", capability=" + capability + "]";
        }
    }

    /**
     * Parses a client's handshake: the bytes before the terminating NUL.
     *
     * @param bytes buffer
     * @param length how many bytes came before the NUL
     * @return user, password and capability
     * @throws QProtocolException when it is longer than {@link #MAX_REQUEST}
     */
    public static Request parseRequest(byte[] bytes, int length) {
        if (length > MAX_REQUEST) {
            throw new QProtocolException("handshake longer than " + MAX_REQUEST + " bytes");
        }
        int textLength = length;
        int capability = 0;
        // a capability byte is a control character (kdb+ sends 0 .. 6) after the text
        if (length > 0 && (bytes[length - 1] & 0xFF) < 32) {
            capability = bytes[length - 1] & 0xFF;
            textLength--;
        }
        String text = new String(bytes, 0, textLength, StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return colon < 0 ? new Request(text, "", capability)
                : new Request(text.substring(0, colon), text.substring(colon + 1), capability);
    }
}
