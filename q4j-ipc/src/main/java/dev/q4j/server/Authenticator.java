package dev.q4j.server;

import java.util.Objects;

/**
 * Checks a client's credentials during the handshake, like q's {@code .z.pw}. A rejected client is disconnected
 * at once, as kdb+ does.
 *
 * <pre>{@code
 * Authenticator a = Authenticator.single("trader", "secret");
 * Authenticator b = (user, password) -> users.check(user, password);
 * }</pre>
 */
@FunctionalInterface
public interface Authenticator {
    /** accepts everyone, as kdb+ does without {@code -u}, {@code -U} or {@code .z.pw} */
    Authenticator ALLOW_ALL = (user, password) -> true;

    /**
     * {@return true to accept the connection}
     *
     * @param user the user name the client sent (empty when none)
     * @param password the password (empty when none)
     */
    boolean authenticate(String user, String password);

    /**
     * {@return an authenticator accepting exactly that pair}
     *
     * @param user the one user name accepted
     * @param password its password
     */
    static Authenticator single(String user, String password) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return (u, p) -> user.equals(u) && java.security.MessageDigest.isEqual(
                password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                p.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
