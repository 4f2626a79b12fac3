package dev.q4j.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.text.QText;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QError;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QLambda;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QProjection;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every corpus message decodes to the value its q expression means. Literal expressions are read with q4j's q text
 * parser (a separate code path from the decoder); the rest (q code such as {@code til}, {@code #}, named functions)
 * have their meaning written out here, from q's definitions. The node-q entries have every value written out in
 * {@code dev.q4j.interop.NodeqVectorsValueTest}. Every value is also cross-checked against KX's Java interface in
 * {@code JavakdbCorpusTest}.
 */
class CorpusMeaningTest {
    private static final Map<String, QValue> NOT_LITERALS = new HashMap<>();

    static {
        NOT_LITERALS.put("1+`", new QError("type"));
        // insert [1]: the binary primitive insert (code 28) projected on 1
        NOT_LITERALS.put("insert [1]", QProjection.of(QBinaryPrimitive.of(28), QLong.of(1)));
        // not is ~: (unary 15); and is & (binary 5); md5 is -15!, the binary ! (16) projected on -15
        NOT_LITERALS.put("not", QUnaryPrimitive.of(15));
        NOT_LITERALS.put("and", QBinaryPrimitive.of(5));
        NOT_LITERALS.put("md5", QProjection.of(QBinaryPrimitive.of(16), QLong.of(-15)));
        // any is max composed with $["b"] (cast to boolean): max is unary 28, $ is binary 11
        NOT_LITERALS.put("any", QComposition.of(QUnaryPrimitive.of(28),
                QProjection.of(QBinaryPrimitive.of(11), new QChar((byte) 'b'))));
        // raze ,/  sums +\  prev :':
        NOT_LITERALS.put("raze", QDerivedFunction.of(QType.OVER, QBinaryPrimitive.of(12)));
        NOT_LITERALS.put("sums", QDerivedFunction.of(QType.SCAN, QBinaryPrimitive.of(1)));
        NOT_LITERALS.put("prev", QDerivedFunction.of(QType.EACH_PRIOR, QBinaryPrimitive.of(0)));
        // xbar and save are defined in the .q namespace (in k)
        NOT_LITERALS.put("xbar", new QLambda("q", "k){x*y div x:$[16h=abs[@x];\"j\"$x;x]}"));
        NOT_LITERALS.put("save", QDerivedFunction.of(QType.EACH, new QLambda("q",
                "k){$[1=#p:`\\:*|`\\:x:-1!x;set[x;. *p];   x 0:.h.tx[p 1]@.*p]}")));
        NOT_LITERALS.put("1000#`q", QSymbolVector.wrap(repeat("q", 1000)));
        NOT_LITERALS.put("([] q:1000#`q)", QTable.of(List.of("q"), List.of(QSymbolVector.wrap(repeat("q", 1000)))));
        NOT_LITERALS.put("1#([] sym:`x`x`x;str:\"  a\")", table(QSymbolVector.of("x"), QCharVector.of(" ")));
        NOT_LITERALS.put("-1#([] sym:`x`x`x;str:\"  a\")", table(QSymbolVector.of("x"), QCharVector.of("a")));
        NOT_LITERALS.put("2#([] sym:`x`x`x`x;str:\"  aa\")", table(QSymbolVector.of("x", "x"), QCharVector.of("  ")));
        NOT_LITERALS.put("-2#([] sym:`x`x`x`x;str:\"  aa\")", table(QSymbolVector.of("x", "x"), QCharVector.of("aa")));
    }

    static List<CorpusEntry> qEntries() {
        List<CorpusEntry> all = new ArrayList<>();
        all.addAll(Corpus.qpythonExpressions());
        all.addAll(Corpus.qpythonCompressed());
        all.addAll(Corpus.qjavaExpressions());
        all.addAll(Corpus.qjavaFunctions());
        all.addAll(Corpus.qjavaCompressed());
        return all;
    }

    @ParameterizedTest
    @MethodSource("qEntries")
    void decodesToWhatItsExpressionMeans(CorpusEntry entry) {
        QValue decoded = new Decoder().decode(entry.message()).value();
        assertThat(decoded).isEqualTo(meaning(entry));
    }

    private static QValue meaning(CorpusEntry entry) {
        String q = entry.qExpression();
        if (q.equals("([] a:til 200;b:25+til 200;c:200#`a)")) {
            // kdb+ 3 (qPython) has long til; the qJava capture comes from kdb+ 2, whose til gives ints
            long[] a = LongStream.range(0, 200).toArray();
            long[] b = LongStream.range(25, 225).toArray();
            QVector ca = entry.source().contains("qjava") ? QIntVector.wrap(toInts(a)) : QLongVector.wrap(a);
            QVector cb = entry.source().contains("qjava") ? QIntVector.wrap(toInts(b)) : QLongVector.wrap(b);
            return QTable.of(List.of("a", "b", "c"), List.of(ca, cb, QSymbolVector.wrap(repeat("a", 200))));
        }
        QValue known = NOT_LITERALS.get(q);
        return known != null ? known : QText.parse(q);
    }

    private static QTable table(QValue sym, QValue str) {
        return QTable.of(List.of("sym", "str"), List.of(sym, str));
    }

    private static String[] repeat(String s, int n) {
        String[] a = new String[n];
        Arrays.fill(a, s);
        return a;
    }

    private static int[] toInts(long[] a) {
        int[] out = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = (int) a[i];
        }
        return out;
    }
}
