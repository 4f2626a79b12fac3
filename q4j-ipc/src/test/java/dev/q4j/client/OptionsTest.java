package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.ipc.Endpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Connection options and reconnect policy: safe defaults, validation, backoff. */
class OptionsTest {

    @Test
    void defaults() {
        ConnectionOptions o = ConnectionOptions.of("localhost:5000");
        assertThat(o.endpoint()).isEqualTo(Endpoint.tcp("localhost", 5000));
        assertThat(o.capability()).isEqualTo(3);
        assertThat(o.retryWithoutCapability()).isTrue();
        assertThat(o.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(o.requestTimeout()).isNull();
        assertThat(o.tls()).isNull();
        assertThat(o.compression()).isEqualTo(Compression.KDB);
        assertThat(o.limits()).isEqualTo(DecodeLimits.DEFAULT);
        assertThat(o.reconnect()).isEqualTo(ReconnectPolicy.NEVER);
        assertThat(o.reconnect().enabled()).isFalse();
        assertThat(o.listener()).isNull();
        assertThat(o.onReconnect()).isNull();
        assertThat(o.messageBuffer()).isEqualTo(1024);
        assertThat(o.autoFlush()).isTrue();
        assertThat(o.spinWait()).isEqualTo(Duration.ofNanos(50_000));
        assertThat(o.readerThread()).isTrue();
        assertThat(o.user()).isEmpty();
        assertThat(o.credentials()).isEmpty();
    }

    @Test
    void credentialsAreSentAsKdbTakesThemAndNeverPrinted() {
        ConnectionOptions o = ConnectionOptions.builder("h", 1).credentials("ann:pa:ss").build();
        assertThat(o.user()).isEqualTo("ann");
        assertThat(o.credentials()).isEqualTo("ann:pa:ss");
        assertThat(o.toString()).contains("user=ann").doesNotContain("pa:ss");
        assertThat(ConnectionOptions.builder("h", 1).credentials("bob").build().credentials()).isEqualTo("bob");
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).credentials("a:b", "c"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void capabilityAndLargeMessages() {
        assertThat(ConnectionOptions.builder("h", 1).largeMessages(true).build().capability()).isEqualTo(6);
        assertThat(ConnectionOptions.builder("h", 1).largeMessages(true).largeMessages(false).build().capability())
                .isEqualTo(3);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).capability(7))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).capability(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).requestTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConnectionOptions.builder("h", 1).requestTimeout(null).build().requestTimeout()).isNull();
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).messageBuffer(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).spinWait(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spinWait");
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).spinWait(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spinWait");
        assertThat(ConnectionOptions.builder("h", 1).spinWait(Duration.ZERO).build().spinWait()).isZero();
    }

    @Test
    void toBuilderKeepsEverything() {
        ConnectionOptions o = ConnectionOptions.builder("h", 1).credentials("u", "p").capability(6)
                .retryWithoutCapability(false).connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(2)).compression(Compression.NEVER)
                .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .messageBuffer(7).autoFlush(false).spinWait(Duration.ofMillis(3)).build();
        ConnectionOptions copy = o.toBuilder().build();
        assertThat(copy.credentials()).isEqualTo("u:p");
        assertThat(copy.capability()).isEqualTo(6);
        assertThat(copy.retryWithoutCapability()).isFalse();
        assertThat(copy.spinWait()).isEqualTo(Duration.ofMillis(3));
        assertThat(ConnectionOptions.builder("h", 1).readerThread(false).build().toBuilder().build().readerThread())
                .isFalse();
        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(copy.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.compression()).isEqualTo(Compression.NEVER);
        assertThat(copy.reconnect()).isEqualTo(o.reconnect());
        assertThat(copy.messageBuffer()).isEqualTo(7);
        assertThat(copy.autoFlush()).isFalse();
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        ReconnectPolicy p = ReconnectPolicy.backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        assertThat(p.enabled()).isTrue();
        assertThat(p.maxAttempts()).isEqualTo(Integer.MAX_VALUE);
        assertThat(p.delayBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.delayBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.delayBefore(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.delayBefore(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(p.delayBefore(5)).isEqualTo(Duration.ofMillis(1000));
        assertThat(p.delayBefore(1_000_000)).isEqualTo(Duration.ofMillis(1000));
        assertThat(p.withMaxAttempts(3).maxAttempts()).isEqualTo(3);
        // a zero initial delay still backs off
        ReconnectPolicy zero = ReconnectPolicy.backoff(Duration.ZERO, Duration.ofMillis(50));
        assertThat(zero.delayBefore(1)).isEqualTo(Duration.ZERO);
        assertThat(zero.delayBefore(2)).isPositive();
        assertThatThrownBy(() -> ReconnectPolicy.backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theOptionIsOffByDefaultAndSurvivesToBuilder() {
        assertThat(ConnectionOptions.builder("h", 1).build().decodeInPlace()).isFalse();
        assertThat(ConnectionOptions.builder("h", 1).decodeInPlace(true).build().toBuilder().build().decodeInPlace())
                .isTrue();
    }
}
