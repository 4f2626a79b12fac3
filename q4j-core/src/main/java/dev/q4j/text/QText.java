package dev.q4j.text;

import dev.q4j.value.QValue;
import java.util.Objects;

/**
 * q's own text for values, both ways: {@link #print(QValue)} writes any value the way q's {@code -3!} (and
 * {@code .Q.s1}) prints it, and {@link #parse(String)} reads that text back. {@link #show(QValue)} lays a value out
 * as the q console shows it, for people ({@link QConsole}). Printing and then parsing gives a value
 * that encodes to exactly the same bytes as the original.
 *
 * <pre>{@code
 * QValue v = QText.parse("([] sym:`a`b; px:1.5 2)");
 * String text = QText.print(v);            // +`sym`px!(`a`b;1.5 2)
 * QText.parse(text).equals(v);             // true
 * QText.print(QLong.NULL);                 // 0N
 * QText.parse("`s#1 2 3");                 // a long vector with the sorted attribute
 * }</pre>
 *
 * <h2>Printing</h2>
 * Where {@code -3!}'s text reads back in q, it is copied exactly: {@code 1b 0x2a 1h 1i 1 1e 1f "a" `a},
 * {@code 1 2 3}, {@code 1 0N 3i}, {@code 101b}, {@code 0x0102}, {@code ,1} (one item), {@code `long$()} (empty),
 * {@code (1;`a;"b")}, {@code `a`b!1 2}, {@code (,`a)!,1}, {@code +`a`b!(1 2;3 4)} (table),
 * {@code (+(,`k)!,1 2)!+(,`v)!,3 4} (keyed table), {@code `s#1 2 3}, temporal literals
 * ({@code 2001.01m 2001.01.01 2000.01.04D05:36:57.600000000 2000.01.04T05:36:57.600 0D05:36:57.600000000 12:01
 * 12:05:00 12:04:59.123}), nulls and infinities ({@code 0N 0Ni 0Wi -0W 0n 0w 0Nd 0Wp}), {@code {x+y}},
 * {@code {x+y}[3]} and {@code {x+y+z}[1;;2]} (projections; an empty slot is the elided argument),
 * {@code ~:} ({@code not}), {@code &} ({@code and}), {@code ,/} ({@code raze}), {@code ::} (generic null).
 * Strings escape {@code " \ } newline, tab and return with a backslash and every other byte below 0x20 or from 0x7f
 * up as three octal digits ({@code "Z\303\274rich"}), so the text is ASCII and keeps the exact bytes.
 *
 * <p>Every value prints on one line: strings, symbols and error texts are escaped, and lambdas whose source holds a
 * line break or another character that does not print are written as {@code value"…"} (below).
 *
 * <p>Where {@code -3!}'s text would not read back, q4j prints a form q does read:
 * <ul>
 * <li>floats and reals with the fewest digits that read back to the same bits ({@code 0.1}, {@code 3.234},
 *     {@code 1e+10}, {@code -0f}), not q's 7 significant digits;</li>
 * <li>guids as {@code "G"$"0a369037-75d3-b24d-6721-5a1d44d4bed5"}, {@code "G"$("…";"…")}, {@code ,"G"$"…"},
 *     {@code 0Ng}, {@code `guid$()};</li>
 * <li>symbols that are not plain names as {@code `$"a b"}, and vectors holding any as {@code `$("a b";,"c")}; the
 *     string holds the symbol's exact bytes on the wire ({@link dev.q4j.value.QUtf8}), so a symbol that is not
 *     UTF-8, such as {@code `$"\377"} (the Java text {@code "\uDCFF"}), prints and reads back byte for byte;</li>
 * <li>nulls and infinities inside date, time, timestamp, timespan, datetime, minute and second vectors with their
 *     type letter ({@code 2001.01.01 0Nd}, {@code 12:01 0Wu}); in month, numeric and real vectors as q writes them
 *     ({@code 2001.01 0N 2001.03m}, {@code 1.5 0N 2e});</li>
 * <li>a datetime whose {@code YYYY.MM.DDThh:mm:ss.mmm} text would not read back to the same double as
 *     {@code "z"$3.2340000001}; dates and months with years outside 0001..9999 as {@code "d"$-800000i} and
 *     {@code "m"$1000000i};</li>
 * <li>times, minutes and seconds that are negative or past 24:00 with a sign and unwrapped hours
 *     ({@code -23:12:34.567}, {@code 43:12:34.567}); a short's infinity as {@code 0Wh} ({@code 32767h} reads back
 *     too);</li>
 * <li>a general list whose items are atoms of one type, which {@code (1;2)} would turn into a vector, as
 *     {@code -1_(1;2;::)}; likewise a general list of dictionaries with symbol keys, which q turns into a table
 *     (a list of conforming dictionaries is a table, and {@code enlist} of one is a one-row table):
 *     {@code -1_(`a`b!1 2;`a`b!3 4;::)} and {@code -1_(`a`b!1 2;::)};</li>
 * <li>a sorted dictionary or keyed table (type 127) as {@code `s#`a`b!1 2}: the keys carry the s attribute, which
 *     {@code `s#} gives them; keys with another attribute print it ({@code `s#(`u#`a`b)!1 2}) and keys with none are
 *     written with q's attribute remover: {@code `s#(`#`a`b)!1 2};</li>
 * <li>compositions as {@code '[f;g]} instead of {@code -3!}'s concatenation;</li>
 * <li>errors (type -128) as {@code 'type}, or {@code '"text with spaces"}.</li>
 * </ul>
 *
 * <h2>q4j notations</h2>
 * These are not q; they exist so that every value prints and reads back:
 * <ul>
 * <li>A lambda whose source holds a line break, a carriage return or another character that would not print on
 *     one line (a control character, a byte that is not UTF-8) prints as q's {@code value} of its source written
 *     as an escaped string: {@code value"{x /c\n }"}. q reads it back as the same lambda; q4j reads
 *     {@code value"…"} only when the string is the source of a lambda ({@code {…}} or {@code k){…}}), and gives
 *     a lambda with exactly that source. Applied or iterated it goes in parentheses: {@code (value"{x\ny}")[1]}.
 *     </li>
 * <li>A lambda defined outside the root namespace prints its context first, as {@code .ctx)} immediately followed
 *     by the source: {@code xbar} is {@code .q)k){x*y div x:$[16h=abs[@x];"j"$x;x]}}, and
 *     {@code .ctx)value"{x\n}"} in the form above. Such a {@code .name)} prefix can only start a lambda.</li>
 * <li>{@code -0n}, {@code -0Ne} (and {@code -0N} in a real vector, {@code -0Nz} for datetimes) are the null with
 *     its sign bit set, which some kdb+ builds send ({@code 0xfff8000000000000}); {@code 0n} is
 *     {@code 0x7ff8000000000000}.</li>
 * <li>Compositions of one or of more than two functions print as {@code '[f]} and {@code '[f;g;h]}.</li>
 * <li>Anything that has no q literal at all (a primitive code outside q's tables, a NaN with another bit pattern, a
 *     lambda whose source q4j cannot delimit, a projection of data, the elided argument on its own) prints as
 *     {@code -9!0x…}: the IPC message q deserialises back to exactly that value. For example the unary primitive
 *     with code 99 is {@code -9!0x010000000a0000006563}.</li>
 * </ul>
 *
 * <h2>Parsing</h2>
 * {@link #parse(String)} reads everything {@link #print(QValue)} writes, and the q literals people type: numbers and
 * vectors with type letters ({@code 1 2 3h}, {@code 0wh}, {@code 1.5e}), {@code 101b}, {@code 0x0102},
 * {@code "abc"}, {@code `a`b}, temporals, {@code (1;"a";`b)}, {@code `a`b!1 2}, {@code ([] a:1 2; b:`x`y)},
 * {@code ([k:1 2] v:`a`b)}, {@code enlist 1}, {@code flip `a`b!(1 2;3 4)}, {@code `s#1 2 3}, {@code `long$()},
 * {@code {x+y}}, {@code value"{x+y}"}, {@code ::}, and q keywords that name primitives ({@code not}, {@code and},
 * {@code insert}, {@code raze}, {@code md5}, ...). It is a literal reader, not a q interpreter: expressions are
 * evaluated right to left as in q, but only with the verbs that build values ({@code !} dictionary,
 * {@code +}/{@code flip}, {@code ,}/{@code enlist} and join, {@code #} with a symbol on the left (attribute),
 * {@code $} casts, {@code _} drop, {@code -9!} deserialise), bracket application (always a projection), iterators
 * (derived functions) and {@code '[f;g]}. As in q, a list of dictionaries with the same symbol keys, or
 * {@code enlist} of one, is a table. Anything else, and any malformed text, throws a {@link QTextException} naming
 * the problem and its position. Comments are not supported.
 *
 * <p>Text in strings, symbols, error texts and lambdas becomes bytes as {@link dev.q4j.value.QUtf8} writes them:
 * characters as UTF-8 and {@code U+DC80 .. U+DCFF} as the single bytes they stand for. Any other lone surrogate has
 * no bytes and is a {@link QTextException}, never a silent {@code ?}.
 *
 * <p>Parsing never throws anything but {@link QTextException}, and needs a bounded stack and no more than about
 * linear time however long or deep the text: brackets may nest a little deeper than values, which nest at most {@link QValue#MAX_DEPTH} levels; deeper
 * text (brackets, enlists, iterators, projections) is refused with the position where the limit was passed.
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
