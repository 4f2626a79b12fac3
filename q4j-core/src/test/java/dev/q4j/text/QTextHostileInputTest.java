package dev.q4j.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.q4j.testing.RoundTrips;
import dev.q4j.value.Attribute;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QProjection;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Review finding 1: {@link QText#parse(String)} throws nothing but {@link QTextException}, in linear time and a small
 * stack, for any text however deep; it never returns a value that cannot be printed or encoded; and every value as
 * deep as the value model allows ({@link QValue#MAX_DEPTH}) prints and reads back.
 */
class QTextHostileInputTest {
    /** Generous: each of these takes milliseconds; the bound catches quadratic time and runaway recursion. */
    private static final Duration QUICKLY = Duration.ofSeconds(10);

    /** Parses, and checks that the outcome is a value that round trips or a QTextException inside the text. */
    private static void parsesOrExplains(String text) {
        QValue v;
        try {
            v = QText.parse(text);
        } catch (QTextException e) {
            assertThat(e.position()).isBetween(0, text.length());
            return;
        }
        RoundTrips.assertTextRoundTrip(v);
    }

    static Stream<Arguments> deepTexts() {
        List<Arguments> out = new ArrayList<>();
        for (int n : new int[] {1001, 5000, 100_000}) {
            out.add(Arguments.of("enlists " + n, ",".repeat(n) + "1"));
            out.add(Arguments.of("enlist keywords " + n, "enlist ".repeat(n) + "1"));
            out.add(Arguments.of("flips and enlists " + n, "flip enlist ".repeat(n) + "1"));
            out.add(Arguments.of("iterators " + n, "+" + "/".repeat(n)));
            out.add(Arguments.of("mixed iterators " + n, "{x}" + "'/:\\:':".repeat(n / 4)));
            out.add(Arguments.of("parentheses " + n, "(".repeat(n) + "1" + ")".repeat(n)));
            out.add(Arguments.of("unclosed parentheses " + n, "(".repeat(n)));
            out.add(Arguments.of("lists " + n, "(1;".repeat(n) + "1" + ")".repeat(n)));
            out.add(Arguments.of("unclosed lists " + n, "(`a;".repeat(n)));
            out.add(Arguments.of("projection arguments " + n, "{x}[".repeat(n) + "1" + "]".repeat(n)));
            out.add(Arguments.of("projections of projections " + n, "{x}" + "[1]".repeat(n)));
            out.add(Arguments.of("projected iterators " + n, "+" + "/[1]".repeat(n / 2)));
            out.add(Arguments.of("compositions " + n, "'[".repeat(n) + "+" + "]".repeat(n)));
            out.add(Arguments.of("tables " + n, "([]a:".repeat(n) + "1" + ")".repeat(n)));
            out.add(Arguments.of("keyed tables " + n, "([k:".repeat(n) + "1] v:2)".repeat(n)));
            out.add(Arguments.of("dictionaries " + n, "(,`a)!,".repeat(n) + "1"));
            out.add(Arguments.of("sorted dictionaries " + n, "`s#(,`a)!".repeat(n) + "`s#,1"));
            out.add(Arguments.of("lambdas in brackets " + n, "{x}[{y}".repeat(n)));
            out.add(Arguments.of("unclosed lambdas " + n, "{".repeat(n)));
            out.add(Arguments.of("nested lambdas " + n, "{".repeat(n) + "}".repeat(n)));
            out.add(Arguments.of("lambda sources " + n, "value\"" + "{".repeat(n) + "\\n" + "}".repeat(n) + "\""));
            out.add(Arguments.of("value in brackets " + n, "(value\"{x}\")[".repeat(n)));
            out.add(Arguments.of("drops " + n, "1_-1_".repeat(n) + "(" + "1;`a;".repeat(n) + "2)"));
            out.add(Arguments.of("joins " + n, "1,".repeat(n) + "1"));
            out.add(Arguments.of("mixed joins " + n, "(1;`a),".repeat(n) + "()"));
            out.add(Arguments.of("attributes " + n, "`s#".repeat(n) + "1 2"));
            out.add(Arguments.of("casts " + n, "`$".repeat(n) + "\"a\""));
            out.add(Arguments.of("negations " + n, "-".repeat(n) + "1"));
            out.add(Arguments.of("errors " + n, "'".repeat(n) + "x"));
            out.add(Arguments.of("deserialise " + n, "-9!".repeat(n) + "0x010000000a000000fc2a"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepTexts")
    void deepOrLongTextIsAValueOrAQTextExceptionQuickly(String kind, String text) {
        assertTimeoutPreemptively(QUICKLY, () -> parsesOrExplains(text));
    }

    @Test
    void theReviewExamplesAreQTextExceptionsWithThePositionOfTheLevelTooMany() {
        // right to left, the enlist at 4999 - k makes a list k deep: 1001 deep at 3998
        assertThatThrownBy(() -> QText.parse(",".repeat(5000) + "1")).isInstanceOf(QTextException.class)
                .hasMessageContaining("at most 1000 levels").hasMessageContaining("at position 3998");
        assertThatThrownBy(() -> QText.parse("enlist ".repeat(5000) + "1")).isInstanceOf(QTextException.class)
                .hasMessageContaining("at most 1000 levels").hasMessageContaining("at position " + 3998 * 7);
        // the 1001st iterator, at offset 1001
        assertThatThrownBy(() -> QText.parse("+" + "/".repeat(5000))).isInstanceOf(QTextException.class)
                .hasMessageContaining("at most 1000 levels").hasMessageContaining("at position 1001");
        assertThatThrownBy(() -> QText.parse("(".repeat(5000) + "1" + ")".repeat(5000)))
                .isInstanceOf(QTextException.class).hasMessageContaining("brackets nested deeper than")
                .hasMessageContaining("at position " + (QParser.MAX_NESTING - 1));
        assertThatThrownBy(() -> QText.parse("{x}[".repeat(5000) + "1" + "]".repeat(5000)))
                .isInstanceOf(QTextException.class).hasMessageContaining("brackets nested deeper than");
        assertThatThrownBy(() -> QText.parse("{".repeat(5000))).isInstanceOf(QTextException.class)
                .hasMessageContaining("lambda without its closing }");
        assertThat(QText.parse("{".repeat(5000) + "}".repeat(5000))).isEqualTo(
                QLambda.of("{".repeat(5000) + "}".repeat(5000)));
    }

    @Test
    void aThousandLevelsReadBackAndOneMoreIsRefused() {
        String ok = "(".repeat(QValue.MAX_DEPTH) + "1" + ";`a)".repeat(QValue.MAX_DEPTH);
        assertThat(QText.parse(ok).depth()).isEqualTo(QValue.MAX_DEPTH);
        assertThat(QText.parse(",".repeat(QValue.MAX_DEPTH + 1) + "1").depth()).isEqualTo(QValue.MAX_DEPTH);
        assertThatThrownBy(() -> QText.parse(",".repeat(QValue.MAX_DEPTH + 2) + "1"))
                .isInstanceOf(QTextException.class).hasMessageContaining("at position 0");
        assertThat(QText.parse("+/".repeat(1) + "/".repeat(QValue.MAX_DEPTH - 1)).depth())
                .isEqualTo(QValue.MAX_DEPTH);
    }

    @Test
    void parsingNeedsOnlyASmallStack() throws InterruptedException {
        // the parser keeps its brackets on the heap: 1000 levels of lists parse on a thread with a 128 KiB stack
        // (lists, unlike the record containers, know their depth without recursing)
        String text = "(".repeat(QValue.MAX_DEPTH) + "1" + ";`a)".repeat(QValue.MAX_DEPTH);
        Object[] outcome = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                outcome[0] = QText.parse(text);
            } catch (Throwable e) {
                outcome[0] = e;
            }
        }, "small-stack", 128 * 1024);
        t.start();
        t.join();
        assertThat(outcome[0]).isInstanceOf(QList.class);
        assertThat(((QValue) outcome[0]).depth()).isEqualTo(QValue.MAX_DEPTH);
    }

    /** Wraps {@code times} times. */
    private static QValue nest(QValue v, int times, UnaryOperator<QValue> wrap) {
        for (int i = 0; i < times; i++) {
            v = wrap.apply(v);
        }
        return v;
    }

    static Stream<Arguments> deepestValues() {
        int max = QValue.MAX_DEPTH;
        QSymbol a = QSymbol.of("a");
        QValue pairs998 = nest(QLongVector.of(1, 2), max - 2, v -> QList.of(v, a));
        QValue pairs999 = QList.of(pairs998, a);
        QValue lambda = QLambda.of("{x}");
        QValue multiLine = QLambda.of("{x\n}");
        QDict ab = QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2));
        return Stream.of(
                Arguments.of("pairs", nest(QLongVector.of(1, 2), max, v -> QList.of(v, a))),
                Arguments.of("one-item lists", nest(QUnaryPrimitive.of(1), max, QList::of)),
                Arguments.of("one-item lists of errors", nest(new dev.q4j.value.QError("x y"), max, QList::of)),
                Arguments.of("quoted symbols inside", nest(QSymbolVector.of("a b", "c"), max, v -> QList.of(v, a))),
                Arguments.of("guids inside", nest(QGuidVector.of(new UUID(1, 2), new UUID(3, 4)), max,
                        v -> QList.of(a, v))),
                Arguments.of("atoms of one type inside", nest(QList.of(QLong.of(1), QLong.of(2)), max - 1,
                        v -> QList.of(v, a))),
                Arguments.of("dictionaries", nest(QLongVector.of(1), max / 2,
                        v -> QDict.of(QSymbolVector.of("a"), QList.of(v)))),
                Arguments.of("sorted dictionaries", nest(QLongVector.of(1), max / 2,
                        v -> new QDict(QSymbolVector.of("a"), QList.of(v), true))),
                Arguments.of("lists of dictionaries", nest(ab, max / 3, v -> QList.of(QDict.of(QSymbolVector.of("k"),
                        QList.of(v))))),
                Arguments.of("table", QTable.of(List.of("a"), List.of(QList.of(pairs998, pairs998)))),
                Arguments.of("table of two columns", QTable.of(List.of("a", "b c"),
                        List.of(QList.of(pairs998), QLongVector.of(1)))),
                Arguments.of("keyed table", QKeyedTable.of(
                        QTable.of(List.of("k"), List.of(QList.of(nest(QLongVector.of(1), max - 3,
                                v -> QList.of(v, a))))),
                        QTable.of(List.of("v"), List.of(QLongVector.of(1))))),
                Arguments.of("sorted keyed table", new QKeyedTable(
                        QTable.wrap(new String[] {"k"}, new dev.q4j.value.QSequence[] {QList.of(nest(QLongVector.of(1),
                                max - 3, v -> QList.of(v, a)))}, Attribute.NONE),
                        QTable.of(List.of("v"), List.of(QLongVector.of(1))), true)),
                Arguments.of("projection arguments", nest(lambda, max, v -> QProjection.of(lambda, v))),
                Arguments.of("projections of projections", nest(lambda, max, v -> QProjection.of(v, QLong.of(1)))),
                Arguments.of("derived functions", nest(lambda, max, v -> QDerivedFunction.of(QType.EACH, v))),
                Arguments.of("derived from iterators", nest(dev.q4j.value.QIterator.of(1), max,
                        v -> QDerivedFunction.of(QType.OVER, v))),
                Arguments.of("compositions", nest(lambda, max, v -> QComposition.of(v, QUnaryPrimitive.of(2)))),
                Arguments.of("multi-line lambdas", nest(multiLine, max, v -> QProjection.of(v, multiLine))),
                Arguments.of("projection of data", QProjection.of(pairs999, QLong.of(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deepestValues")
    void valuesAsDeepAsAllowedPrintAndReadBack(String kind, QValue v) {
        assertThat(v.depth()).isEqualTo(QValue.MAX_DEPTH);
        // on a new thread with the default stack
        assertTimeoutPreemptively(QUICKLY, () -> RoundTrips.assertTextRoundTrip(v));
    }

    @Property(tries = 5000)
    void anyTextIsAValueThatRoundTripsOrAQTextException(@ForAll("qish") String text) {
        parsesOrExplains(text);
    }

    @Provide
    Arbitrary<String> qish() {
        Arbitrary<String> pieces = Arbitraries.oneOf(List.of(
                Arbitraries.strings().withChars("()[];{}`\"'/\\:,.+-_!#$@0123456789abxyzkNWnwjhifeDTGgsmupv \n\t")
                        .ofMaxLength(6),
                Arbitraries.of("enlist ", "flip ", "value", "\"{x}\"", "`a`b!", "1 2", "(", ")", "[", "]", ";", "::",
                        "-9!", "0x01", "`s#", "`$", "\"G\"$", "-1_", ",", "+", "'[", "{x}", ".q)", "k)", "2000.01.01",
                        "0N", "-0w", "\\377", "\uD800", "\uDCFF", "\uD83D\uDE00", "\u00e9", "`a`b!1 2;")));
        return pieces.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
