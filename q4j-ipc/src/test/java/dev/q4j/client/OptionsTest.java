package dev.q4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Capability;
import dev.q4j.codec.Compression;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.ipc.Endpoint;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Connection options and reconnect policy: safe defaults, validation, choices as enums, the tuning knobs as one value,
 * conflicts refused at the call that makes them, backoff.
 */
class OptionsTest {

    @Test
    void defaults() {
        ConnectionOptions o = ConnectionOptions.of("localhost:5000");
        assertThat(o.endpoint()).isEqualTo(Endpoint.tcp("localhost", 5000));
        assertThat(o.capability()).isEqualTo(Capability.V3);
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
        assertThat(o.readMode()).isEqualTo(ReadMode.READER_THREAD);
        assertThat(o.tuning()).isEqualTo(Tuning.DEFAULT);
        assertThat(o.user()).isEmpty();
        assertThat(o.credentials()).isEmpty();
        assertThat(o.toString()).doesNotContain("THREAD");
    }

    @Test
    void theDefaultTuningSpinsBrieflyFlushesEachMessageDecodesIntoArraysAndBuffers1024Pushes() {
        Tuning t = ConnectionOptions.of("localhost:5000").tuning();
        assertThat(t.spinWait()).isEqualTo(Duration.ofNanos(50_000));
        assertThat(t.autoFlush()).isTrue();
        assertThat(t.decodeInPlace()).isFalse();
        assertThat(t.messageBuffer()).isEqualTo(1024);
        assertThat(t).hasToString("Tuning[spinWait=PT0.00005S, autoFlush=true, decodeInPlace=false, "
                + "messageBuffer=1024]");
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
    void eachCapabilityCarriesTheByteKdbDocumentsForIt() {
        // the bytes of KX's IPC documentation (and DESIGN.md's protocol facts), written out, not taken from q4j
        assertThat(Arrays.stream(Capability.values()).mapToInt(Capability::code)).containsExactly(0, 1, 3, 6);
        assertThat(Capability.values()).containsExactly(Capability.V2_5, Capability.COMPRESSION, Capability.V3,
                Capability.LARGE_MESSAGES);
        // the last choice wins: one setting, not two that could disagree
        assertThat(ConnectionOptions.builder("h", 1).capability(Capability.LARGE_MESSAGES).capability(Capability.V3)
                .build().capability()).isEqualTo(Capability.V3);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).capability(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("capability");
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).readMode(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("mode");
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).tuning(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("tuning");
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).connectTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConnectionOptions.builder("h", 1).requestTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ConnectionOptions.builder("h", 1).requestTimeout(null).build().requestTimeout()).isNull();
    }

    @Test
    void tuningKnobsAreCheckedWhenSet() {
        assertThatThrownBy(() -> Tuning.DEFAULT.withMessageBuffer(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("messageBuffer");
        assertThatThrownBy(() -> Tuning.DEFAULT.withSpinWait(Duration.ofNanos(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spinWait");
        assertThatThrownBy(() -> Tuning.DEFAULT.withSpinWait(Duration.ofMillis(1001)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spinWait");
        assertThatThrownBy(() -> Tuning.DEFAULT.withSpinWait(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("spinWait");
        assertThat(Tuning.DEFAULT.withSpinWait(Duration.ZERO).spinWait()).isZero();
        assertThat(Tuning.DEFAULT.withSpinWait(Tuning.MAX_SPIN_WAIT).spinWait()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void eachTuningWitherChangesOneKnobAndKeepsTheOthers() {
        Tuning t = Tuning.DEFAULT.withSpinWait(Duration.ofMillis(3)).withAutoFlush(false).withDecodeInPlace(true)
                .withMessageBuffer(7);
        assertThat(t.spinWait()).isEqualTo(Duration.ofMillis(3));
        assertThat(t.autoFlush()).isFalse();
        assertThat(t.decodeInPlace()).isTrue();
        assertThat(t.messageBuffer()).isEqualTo(7);
        assertThat(t.withAutoFlush(true)).isEqualTo(Tuning.DEFAULT.withSpinWait(Duration.ofMillis(3))
                .withDecodeInPlace(true).withMessageBuffer(7));
        assertThat(t.withAutoFlush(true).hashCode()).isEqualTo(Tuning.DEFAULT.withSpinWait(Duration.ofMillis(3))
                .withDecodeInPlace(true).withMessageBuffer(7).hashCode());
        assertThat(t).isNotEqualTo(Tuning.DEFAULT);
        // the value is immutable: DEFAULT is unchanged by the withers above
        assertThat(Tuning.DEFAULT.messageBuffer()).isEqualTo(1024);
    }

    @Test
    void decodeInPlaceIsOffByDefaultAndSurvivesToBuilder() {
        assertThat(ConnectionOptions.builder("h", 1).build().tuning().decodeInPlace()).isFalse();
        assertThat(ConnectionOptions.builder("h", 1).tuning(Tuning.DEFAULT.withDecodeInPlace(true)).build()
                .toBuilder().build().tuning().decodeInPlace()).isTrue();
    }

    @Test
    void aListenerIsRefusedAtTheCallOnACallingThreadBuilder() {
        ConnectionOptions.Builder b = ConnectionOptions.builder("h", 1).readMode(ReadMode.CALLING_THREAD);
        assertThatThrownBy(() -> b.listener(m -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listener needs the reader thread")
                .hasMessageContaining("readMode(CALLING_THREAD)");
        // refused, the builder is as it was: still calling-thread, no listener; clearing a listener is no conflict
        ConnectionOptions o = b.listener(null).build();
        assertThat(o.readMode()).isEqualTo(ReadMode.CALLING_THREAD);
        assertThat(o.listener()).isNull();
    }

    @Test
    void aRequestTimeoutIsRefusedAtTheCallOnACallingThreadBuilder() {
        ConnectionOptions.Builder b = ConnectionOptions.builder("h", 1).readMode(ReadMode.CALLING_THREAD);
        assertThatThrownBy(() -> b.requestTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requestTimeout(PT1S) needs the reader thread")
                .hasMessageContaining("readMode(CALLING_THREAD)");
        ConnectionOptions o = b.requestTimeout(null).build();
        assertThat(o.readMode()).isEqualTo(ReadMode.CALLING_THREAD);
        assertThat(o.requestTimeout()).isNull();
    }

    @Test
    void theCallingThreadIsRefusedAtTheCallAfterAListener() {
        MessageListener listener = m -> { };
        ConnectionOptions.Builder b = ConnectionOptions.builder("h", 1).listener(listener);
        assertThatThrownBy(() -> b.readMode(ReadMode.CALLING_THREAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readMode(CALLING_THREAD) conflicts with the listener set before");
        ConnectionOptions o = b.build();
        assertThat(o.readMode()).isEqualTo(ReadMode.READER_THREAD);
        assertThat(o.listener()).isSameAs(listener);
        // once the listener is taken away, the choice is free
        assertThat(b.listener(null).readMode(ReadMode.CALLING_THREAD).build().readMode())
                .isEqualTo(ReadMode.CALLING_THREAD);
    }

    @Test
    void theCallingThreadIsRefusedAtTheCallAfterARequestTimeout() {
        ConnectionOptions.Builder b = ConnectionOptions.builder("h", 1).requestTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> b.readMode(ReadMode.CALLING_THREAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("readMode(CALLING_THREAD) conflicts with the requestTimeout set before (PT2S)");
        assertThat(b.build().readMode()).isEqualTo(ReadMode.READER_THREAD);
        assertThat(b.requestTimeout(null).readMode(ReadMode.CALLING_THREAD).build().readMode())
                .isEqualTo(ReadMode.CALLING_THREAD);
        // the reader thread takes both, in either order
        assertThat(ConnectionOptions.builder("h", 1).readMode(ReadMode.READER_THREAD).listener(m -> { })
                .requestTimeout(Duration.ofSeconds(1)).readMode(ReadMode.READER_THREAD).build().readMode())
                .isEqualTo(ReadMode.READER_THREAD);
    }

    @Test
    void theConflictRulesHoldOnABuilderFromToBuilder() {
        ConnectionOptions callingThread = ConnectionOptions.builder("h", 1).readMode(ReadMode.CALLING_THREAD).build();
        assertThatThrownBy(() -> callingThread.toBuilder().listener(m -> { }))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> callingThread.toBuilder().requestTimeout(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class);
        ConnectionOptions listening = ConnectionOptions.builder("h", 1).listener(m -> { }).build();
        assertThatThrownBy(() -> listening.toBuilder().readMode(ReadMode.CALLING_THREAD))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyCapabilityAndReadModeSurvivesToBuilder() {
        for (Capability c : Capability.values()) {
            for (ReadMode m : ReadMode.values()) {
                ConnectionOptions o = ConnectionOptions.builder("h", 1).capability(c).readMode(m).build();
                ConnectionOptions copy = o.toBuilder().build();
                assertThat(copy.capability()).as("%s %s", c, m).isEqualTo(c);
                assertThat(copy.readMode()).as("%s %s", c, m).isEqualTo(m);
                assertThat(copy.toString()).as("%s %s", c, m).contains("capability=" + c);
            }
        }
        assertThat(ConnectionOptions.builder("h", 1).readMode(ReadMode.CALLING_THREAD).build().toString())
                .contains("CALLING_THREAD");
    }

    @Test
    void toBuilderKeepsEverything() {
        MessageListener listener = m -> { };
        Tuning tuning = Tuning.DEFAULT.withMessageBuffer(7).withAutoFlush(false).withSpinWait(Duration.ofMillis(3))
                .withDecodeInPlace(true);
        ConnectionOptions o = ConnectionOptions.builder("h", 1).credentials("u", "p")
                .capability(Capability.LARGE_MESSAGES).retryWithoutCapability(false)
                .connectTimeout(Duration.ofSeconds(1)).requestTimeout(Duration.ofSeconds(2))
                .compression(Compression.NEVER).listener(listener)
                .reconnect(ReconnectPolicy.backoff(Duration.ofMillis(1), Duration.ofMillis(2)))
                .tuning(tuning).build();
        ConnectionOptions copy = o.toBuilder().build();
        assertThat(copy.credentials()).isEqualTo("u:p");
        assertThat(copy.capability()).isEqualTo(Capability.LARGE_MESSAGES);
        assertThat(copy.retryWithoutCapability()).isFalse();
        assertThat(copy.connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(copy.requestTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(copy.compression()).isEqualTo(Compression.NEVER);
        assertThat(copy.listener()).isSameAs(listener);
        assertThat(copy.reconnect()).isEqualTo(o.reconnect());
        assertThat(copy.readMode()).isEqualTo(ReadMode.READER_THREAD);
        assertThat(copy.tuning()).isEqualTo(tuning);
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
}
