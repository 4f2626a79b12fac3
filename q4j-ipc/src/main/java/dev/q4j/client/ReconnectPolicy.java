package dev.q4j.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Whether and how a lost connection is re-established: exponential backoff from {@code initialDelay} up to
 * {@code maxDelay}, at most {@code maxAttempts} times in a row.
 *
 * <pre>{@code
 * ReconnectPolicy p = ReconnectPolicy.backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
 * }</pre>
 *
 * @param enabled whether to reconnect at all
 * @param initialDelay the wait before the first attempt
 * @param maxDelay the longest wait between attempts
 * @param maxAttempts attempts before giving up (then the connection closes)
 */
public record ReconnectPolicy(boolean enabled, Duration initialDelay, Duration maxDelay, int maxAttempts) {
    /** never reconnect: a lost connection is closed */
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, 0);

    /**
     * Checks and holds the policy.
     *
     * @param enabled whether to reconnect
     * @param initialDelay first wait
     * @param maxDelay longest wait
     * @param maxAttempts attempts before giving up
     */
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (enabled && (maxAttempts < 1 || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0)) {
            throw new IllegalArgumentException("a reconnect policy needs maxAttempts >= 1 and 0 <= initialDelay <= "
                    + "maxDelay");
        }
    }

    /**
     * {@return a policy that tries without end, doubling the wait up to {@code maxDelay}}
     *
     * @param initialDelay the first wait
     * @param maxDelay the longest wait
     */
    public static ReconnectPolicy backoff(Duration initialDelay, Duration maxDelay) {
        return new ReconnectPolicy(true, initialDelay, maxDelay, Integer.MAX_VALUE);
    }

    /**
     * {@return a copy with that many attempts}
     *
     * @param attempts attempts before giving up
     */
    public ReconnectPolicy withMaxAttempts(int attempts) {
        return new ReconnectPolicy(enabled, initialDelay, maxDelay, attempts);
    }

    /**
     * {@return the wait before it}
     *
     * @param attempt 1 for the first attempt
     */
    Duration delayBefore(int attempt) {
        long ms = initialDelay.toMillis();
        for (int i = 1; i < attempt && ms < maxDelay.toMillis(); i++) {
            ms = Math.max(1, ms * 2);
        }
        return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
    }
}
