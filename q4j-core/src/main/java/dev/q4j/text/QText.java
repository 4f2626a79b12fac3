package dev.q4j.text;

import dev.q4j.value.QValue;
import java.util.Objects;

/**
 * q's own text for values, both ways: {@link #print(QValue)} writes any value the way q's {@code -3!} (and
 * {@code .Q.s1}) prints it, and {@link #parse(String)} reads that text back; printing and then parsing gives a value
 * that encodes to exactly the same bytes as the original. Where {@code -3!}'s text would not read back (guids,
 * symbols with spaces, floats past 7 digits, ...) q4j prints a form q does read, and a value with no q literal at all
 * prints as {@code -9!0x…}, its serialized bytes. {@link #parse(String)} is a literal reader, not a q interpreter:
 * it reads what {@code print} writes and the literals people type, and throws a {@link QTextException} naming the
 * problem and its position for anything else. {@link #show(QValue)} lays a value out as the q console shows it, for
 * people ({@link QConsole}). The full rules, every special form and the q4j-only notations are in
 * {@code docs/q-text.md}.
 *
 * <pre>{@code
 * QValue v = QText.parse("([] sym:`a`b; px:1.5 2)");
 * String text = QText.print(v);            // +`sym`px!(`a`b;1.5 2)
 * QText.parse(text).equals(v);             // true
 * QText.print(QLong.NULL);                 // 0N
 * QText.parse("`s#1 2 3");                 // a long vector with the sorted attribute
 * }</pre>
 *
 * <p>Parsing never throws anything but {@link QTextException}, and needs a bounded stack and no more than about
 * linear time however long or deep the text (values nest at most {@link QValue#MAX_DEPTH} levels).
 */
public final class QText {
    private QText() {
    }

    /**
     * Prints a value as q text, on one line. Values q has no text for print as {@code -9!0x…}.
     *
     * @param value any value
     * @return its q text
     * @throws IllegalArgumentException when the value holds text (a symbol, an error, a lambda) with a lone surrogate
     *     outside {@code U+DC80 .. U+DCFF}: such text has no bytes, so it has no q text and cannot be encoded either
     */
    public static String print(QValue value) {
        Objects.requireNonNull(value, "value");
        return QPrinter.print(value);
    }

    /**
     * Shows a value as the q console does at its default size ({@code \c 25 80}): tables as columns, dictionaries as
     * {@code key| value} lines, floats to 7 digits, long output cut with {@code ..}. This is text for people, which
     * need not read back; {@link QConsole} has the rules and other sizes.
     *
     * <pre>{@code
     * QText.show(QText.parse("`a`bb!1 2"));   // "a | 1\nbb| 2\n"
     * }</pre>
     *
     * @param value any value
     * @return the console's lines, each ended by a newline; empty for {@code ::}
     */
    public static String show(QValue value) {
        return QConsole.DEFAULT.show(value);
    }

    /**
     * Reads q text into a value.
     *
     * @param text q text, for example {@code `a`b!1 2}
     * @return the value
     * @throws QTextException when the text is not a value q4j can read; the message says what and where
     */
    public static QValue parse(String text) {
        Objects.requireNonNull(text, "text");
        return QParser.parse(text);
    }
}
