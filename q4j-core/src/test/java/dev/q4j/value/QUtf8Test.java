package dev.q4j.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** q's text as Java strings: every byte string survives the trip, valid UTF-8 or not. */
class QUtf8Test {
    @Test
    void lossLessUtf8() {
        byte[] latin1 = {'c', 'a', 'f', (byte) 0xe9};
        String s = QUtf8.decode(latin1, 0, latin1.length);
        assertThat(s).isEqualTo("caf\uDCE9");
        assertThat(QUtf8.encode(s)).isEqualTo(latin1);
        assertThat(QUtf8.encode("caf\u00e9")).isEqualTo(new byte[] {'c', 'a', 'f', (byte) 0xc3, (byte) 0xa9});
        assertThat(QUtf8.decode(new byte[] {(byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80}, 0, 4))
                .isEqualTo("\uD83D\uDE00");
        // an encoded surrogate (ED A0 80) is not valid UTF-8: each byte is kept
        byte[] encodedSurrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertThat(QUtf8.encode(QUtf8.decode(encodedSurrogate, 0, 3))).isEqualTo(encodedSurrogate);
        assertThatThrownBy(() -> QUtf8.encode("a\uD800")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lone surrogate U+D800");
    }
}
