package dev.q4j.testkit.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QLongVector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The session file format: written, read back, and its errors naming the line. */
class SessionTest {
    private static final Encoder ENCODER = new Encoder();

    @Test
    void writesOneLinePerEntryWithTheBytesAsHexAndReadsItBack() {
        byte[] request = ENCODER.encode(MessageType.SYNC, QCharVector.of("til 3"));
        byte[] reply = ENCODER.encode(MessageType.RESPONSE, QLongVector.of(0, 1, 2));
        Session s = new Session(List.of(
                new Session.Entry(Session.Kind.LOGIN, 1, "user=ann capability=3", new byte[] {3}, 0),
                Session.message(Session.Kind.REQUEST, 1, request),
                Session.message(Session.Kind.REPLY, 1, reply),
                new Session.Entry(Session.Kind.CLOSE, 1, "", new byte[0], 0)));
        String text = s.toText();
        assertThat(text).isEqualTo("""
                q4j-session 1
                login 1 user=ann capability=3
                  03
                > 1 sync "til 3"
                  01010000130000000a000500000074696c2033
                < 1 response 0 1 2
                  0102000026000000070003000000000000000000000001000000000000000200
                  000000000000
                close 1
                """);
        Session back = Session.parse(text.replace("q4j-session 1\n", "q4j-session 1\n# a comment\n\n"));
        assertThat(back.toText()).isEqualTo(text);
        assertThat(back.entries().get(1).bytes()).isEqualTo(request);
        assertThat(back.entries().get(1).line()).isEqualTo(6);
        assertThat(back.entries().get(2).messageType()).isEqualTo(MessageType.RESPONSE);
    }

    @Test
    void theTextOfAMessageIsOneLineAndLongTextIsCut() {
        byte[] lines = ENCODER.encode(MessageType.ASYNC, Q.string("a\nb"));
        assertThat(Session.textOf(lines)).isEqualTo("\"a\\nb\"").doesNotContain("\n");
        byte[] longText = ENCODER.encode(MessageType.ASYNC, Q.string("x".repeat(5000)));
        assertThat(Session.textOf(longText)).hasSizeLessThan(2100).endsWith(" ..(5002 chars)");
        assertThat(Session.textOf(new byte[] {1, 1, 0, 0, 9, 0, 0, 0, 99})).startsWith("<undecodable: ");
    }

    @Test
    void badInputNamesTheLine() {
        assertThatThrownBy(() -> Session.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 1: not a q4j session: it must start with \"q4j-session 1\"");
        assertThatThrownBy(() -> Session.parse("q4j-session 1\n> 1 sync \"x\"\n  zz\n"))
                .hasMessageStartingWith("line 3: not hex");
        assertThatThrownBy(() -> Session.parse("q4j-session 1\n> 1 sync \"x\"\n"))
                .hasMessage("line 2: a message needs its bytes as hex on the lines after it");
        assertThatThrownBy(() -> Session.parse("q4j-session 1\nsend 1\n"))
                .hasMessage("line 2: unknown entry \"send\" (login, refused, >, <, close)");
        assertThatThrownBy(() -> Session.parse("q4j-session 1\nclose x\n"))
                .hasMessage("line 2: not an entry: close x");
        assertThatThrownBy(() -> Session.parse("q4j-session 1\n  00\n"))
                .hasMessage("line 2: hex without an entry before it");
    }

    @Test
    void aMismatchShowsWhereTheTextAndTheBytesFirstDiffer() {
        byte[] recorded = ENCODER.encode(MessageType.SYNC, QCharVector.of("count trade"));
        byte[] sent = ENCODER.encode(MessageType.SYNC, QCharVector.of("count quote"));
        Session.Entry e = new Session.Entry(Session.Kind.REQUEST, 1, "\"count trade\"", recorded, 7);
        Mismatch m = new Mismatch(2, "> 2 sync \"count quote\"", sent, e, "the application sent something else");
        assertThat(m).hasToString("""
                replay: the application sent something else (connection 2)
                  sent:     > 2 sync "count quote"
                  recorded: > 1 sync "count trade"   (line 7)
                  the q text differs from character 8: quote" where the recording has trade"
                  the bytes differ from offset 20: 71756f7465 where the recording has 7472616465 (25 bytes sent, \
                25 recorded)
                """);
    }
}
