package dev.q4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.kx.c;
import dev.q4j.codec.Decoder;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.text.QText;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QReal;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every message of {@code ../shared/corpus/nodeq/VECTORS.md} decodes to the whole value written out here, not only
 * to its title or its first item.
 *
 * <p>Each expectation is q text transcribed from node-q's own assertion on the same bytes (its {@code decode} line:
 * the JavaScript value node-q expects, and the q expression of the upstream comment where there is one). The
 * compressed messages of node-q's {@code test/compress.js} are asserted upstream by length only: their values are
 * written from what KX's Java interface reads in them (the {@code javakdb 2.0 decodes as} line: every item the same),
 * and the second check below holds each expectation against KX's Java interface in full, so no expectation rests on
 * q4j's decoder. {@code N#x} (x an atom) stands for N copies of x, which q4j's literal parser does not read.
 */
@ExtendWith(JavakdbUtf8.class)
class NodeqVectorsValueTest {
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();
    private static final Pattern TAKE = Pattern.compile("(\\d+)#([^;()\\s]+)");

    static {
        // atoms: the q expression of node-q's assertion (c/deserialize/little/primitives/...)
        e("NQ001", "1b");
        e("NQ002", "\"G\"$\"0a369037-75d3-b24d-6721-5a1d44d4bed5\"");
        e("NQ003", "0Ng");
        e("NQ004", "0x01");
        e("NQ005", "1h");
        e("NQ006", "-1h");
        e("NQ007", "0Nh");
        e("NQ008", "0wh");
        e("NQ009", "-0wh");
        e("NQ010", "1i");
        e("NQ011", "-1i");
        e("NQ012", "0Ni");
        e("NQ013", "0wi");
        e("NQ014", "-0wi");
        e("NQ015", "1j");
        e("NQ016", "-1j");
        e("NQ017", "2147483647j");
        e("NQ018", "2147483648j");
        e("NQ019", "2147483649j");
        e("NQ020", "4294967295j");
        e("NQ021", "4294967296j");
        e("NQ022", "4294967297j");
        e("NQ023", "0Nj");
        e("NQ024", "0wj");
        e("NQ025", "-0wj");
        e("NQ026", "1e");
        e("NQ027", "-1e");
        e("NQ028", "0Ne");   // bits checked below: kdb+ sent the NaN with its sign bit set
        e("NQ029", "0we");
        e("NQ030", "-0we");
        e("NQ031", "1f");
        e("NQ032", "-1f");
        e("NQ033", "0Nf");   // likewise
        e("NQ034", "0wf");
        e("NQ035", "-0wf");
        e("NQ036", "\"a\"");
        e("NQ037", "\" \"");
        e("NQ038", "`a");
        e("NQ039", "`");
        e("NQ040", "`ab");
        e("NQ041", "`abc");
        e("NQ042", "`abcd");
        e("NQ043", "`abcde");
        e("NQ044", "`$\"你\"");
        e("NQ045", "`$\"你好\"");
        e("NQ046", "2014.06.23D11:34:39.412547000");
        e("NQ047", "0Np");
        e("NQ048", "0D00:01:00.000000000");
        e("NQ049", "0Nn");
        e("NQ050", "2014.01m");
        e("NQ051", "0Nm");
        e("NQ052", "1995.01m");
        e("NQ053", "2014.01.01");
        e("NQ054", "0Nd");
        e("NQ055", "1995.01.01");
        e("NQ056", "2014.06.23T11:49:31.533");
        e("NQ057", "0Nz");   // likewise
        e("NQ058", "00:01");
        e("NQ059", "0Nu");
        e("NQ060", "00:00:01");
        e("NQ061", "0Nv");
        e("NQ062", "00:00:00.001");
        e("NQ063", "0Nt");
        // lists (c/deserialize/little/list/...): node-q's expected array, item by item
        e("NQ064", "()");                                        // []
        e("NQ065", "(1j;1b;3h)");                                // [1, true, 3]
        e("NQ066", "(::;::;::)");                                // [null, null, null]
        e("NQ067", "enlist 1 2 3f");                             // [[1, 2, 3]]
        e("NQ068", "enlist (1f;1b;3h)");                         // [[1, true, 3]]
        e("NQ069", "enlist 1b");                                 // [true]
        e("NQ070", "101b");                                      // [true, false, true]
        e("NQ071", "enlist \"G\"$\"daedb4cc-85f4-4ba0-e308-3c62191c0865\"");
        e("NQ072", "(\"G\"$\"ca3b0039-fc23-f289-2c37-69d4a24fe17c\";\"G\"$\"c73d1b40-0fce-85c1-a78f-b653c8c6d022\";"
                + "\"G\"$\"f4f58976-d8ca-d4c1-0db7-d102c6f91025\")");
        e("NQ073", "enlist 0x01");                               // [1]
        e("NQ074", "0x010203");                                  // [1, 2, 3]
        e("NQ075", "enlist 1h");
        e("NQ076", "1 2 3h");
        e("NQ077", "enlist 1i");
        e("NQ078", "1 2 3i");
        e("NQ079", "enlist 1j");
        e("NQ080", "1 2 3j");
        e("NQ081", "enlist 1e");
        e("NQ082", "1 2 3e");
        e("NQ083", "enlist 1f");
        e("NQ084", "1 2 3f");
        e("NQ085", "enlist \"a\"");                              // "a": a string of one char
        e("NQ086", "\"ab\"");
        e("NQ087", "\"你好\"");
        e("NQ088", "enlist `a");                                 // ["a"]
        e("NQ089", "`a`ab`abc");
        // nanos2date=false gives the Unix nanoseconds 1403523279412547000, 1406115279412547000, 1408793679412547000
        e("NQ090", "enlist 2014.06.23D11:34:39.412547000");
        e("NQ091", "2014.06.23D11:34:39.412547000 2014.07.23D11:34:39.412547000 2014.08.23D11:34:39.412547000");
        e("NQ092", "enlist 1997.01m");
        e("NQ093", "1997.01 1998.01 1999.01m");
        e("NQ094", "enlist 1997.01.01");
        e("NQ095", "1997.01.01 1998.01.01 1999.01.01");
        e("NQ096", "enlist 2001.01.01T00:00:00.000");
        e("NQ097", "2001.01.01T00:00:00.000 2001.02.01T00:00:00.000 2001.03.01T00:00:00.000");
        // nanos2date=false gives 60000000000, 120000000000, 180000000000 nanoseconds
        e("NQ098", "enlist 0D00:01:00.000000000");
        e("NQ099", "0D00:01:00.000000000 0D00:02:00.000000000 0D00:03:00.000000000");
        e("NQ100", "enlist 00:01");
        e("NQ101", "00:01 00:02 00:03");
        e("NQ102", "enlist 00:00:01");
        e("NQ103", "00:00:01 00:00:02 00:00:03");
        e("NQ104", "enlist 00:00:00.001");
        e("NQ105", "00:00:00.001 00:00:00.002 00:00:00.003");
        // dictionaries and tables
        e("NQ106", "()!()");                                     // {}
        e("NQ107", "(enlist `a)!enlist 1j");                     // {a: 1}
        e("NQ108", "`a`b`c!1 2 3j");
        e("NQ109", "`a`b`c!(1j;1b;3f)");                         // encode: long(1), boolean(true), float(3)
        e("NQ110", "`a`b`c!(::;::;::)");
        e("NQ111", "flip `a`b`c!(1 2 3j;101b;1 2 3f)");          // flipTables=false: {a: [1,2,3], b: [...], c: [...]}
        e("NQ112", "flip `a`b`c!(`long$();`boolean$();`float$())");
        // serialize direction: the value node-q serializes to exactly these bytes
        e("NQ113", "\"abc\"");
        e("NQ114", "(enlist `a)!enlist 1f");                     // {a: 1}, a JS number: float
        e("NQ115", "(enlist `a)!enlist ::");
        e("NQ116", "`a`b`c!1 2 3f");
        e("NQ117", "`a`b`c!(1f;1b;3f)");
        e("NQ118", "(1f;1b;3f)");
        e("NQ119", "enlist (1f;1b;3f)");
        e("NQ120", "enlist ::");
        e("NQ121", "::");
        e("NQ122", "2014.06.23D11:34:39.412000000");
        e("NQ123", "(1b;1f)");
        e("NQ124", "(1j;1b;`a)");
        e("NQ125", "enlist 0x0001020304");
        e("NQ126", "10b");
        e("NQ127", "(\"G\"$\"0a369037-75d3-b24d-6721-5a1d44d4bed5\";\"G\"$\"0a369037-75d3-b24d-6721-5a1d44d4bed5\")");
        e("NQ128", "0x0001020304");
        e("NQ129", "2014.01.01D12:00:00.000000000 2014.01.02D12:00:00.000000000 2014.01.03D12:00:00.000000000");
        e("NQ130", "1995.01 1995.02 1995.03m");
        e("NQ131", "2014.01.01 2014.01.02 2014.01.03");
        e("NQ132", "2014.06.23T11:49:31.533 2014.06.23T11:49:31.534 2014.06.23T11:49:31.535");
        e("NQ133", "(enlist `a)!enlist 0x01");
        // compressed (test/compress.js: -18! in q): upstream asserts the count; every item as javakdb reads it
        e("NQ134", "10000#1b");
        e("NQ135", "1000#\"G\"$\"42d88ac8-24e2-f268-a5be-629cacef657f\"");
        e("NQ136", "10000#0x01");
        e("NQ137", "10000#1h");
        e("NQ138", "1000#1i");
        e("NQ139", "1000#1j");
        e("NQ140", "1000#1e");
        e("NQ141", "1000#1f");
        e("NQ142", "1000#`a");
        e("NQ143", "1000#2016.03.20D11:22:29.882456000");
        e("NQ144", "1000#2014.1");     // titled "month" upstream, but a float vector (type 9): VECTORS.md notes it
        e("NQ145", "1000#2014.10.01");
        e("NQ146", "1000#2014.06.23T11:49:31.533");
        e("NQ147", "1000#00:01");
        e("NQ148", "1000#00:00:01");
        e("NQ149", "1000#00:00:00.001");
        e("NQ150", "`a`b`c`d`e`f!(500#1f;500#1f;500#1f;500#1f;500#1f;500#1f)");   // upstream: 6 keys
        e("NQ151", "flip `a`b!(1000#1f;1000#1f)");                                // upstream: 1000 rows
    }

    private static void e(String id, String q) {
        if (EXPECTED.put(id, q) != null) {
            throw new IllegalStateException("two expectations for " + id);
        }
    }

    @Test
    void everyEntryHasAnExpectationAndEveryExpectationAnEntry() {
        assertThat(Corpus.nodeq()).extracting(CorpusEntry::id).containsExactlyElementsOf(EXPECTED.keySet());
    }

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#nodeq")
    void decodesToTheWholeValueNodeqAsserts(CorpusEntry entry) {
        QValue expected = expected(entry.id());
        QValue decoded = new Decoder().decode(entry.message()).value();
        assertThat(decoded).as("%s %s", entry.id(), EXPECTED.get(entry.id())).isEqualTo(expected);
        assertThat(new Decoder().decodeInPlace(entry.message()).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dev.q4j.corpus.Corpus#nodeq")
    void expectationAgreesWithKxsJavaInterface(CorpusEntry entry) throws Exception {
        // the written expectation, seen through javakdb's object model, equals what KX's own decoder reads in the
        // bytes: a check of the transcription that does not go through q4j's decoder
        Object theirs = new c().deserialize(entry.message());
        Object ours = JavakdbModel.view(expected(entry.id()));
        assertThat(JavakdbModel.same(ours, theirs))
                .as("%s: expectation %s seen by javakdb as %s, javakdb read %s", entry.id(), EXPECTED.get(entry.id()),
                        JavakdbModel.describe(ours), JavakdbModel.describe(theirs))
                .isTrue();
    }

    private static QValue expected(String id) {
        String q = EXPECTED.get(id);
        assertThat(q).as("expectation for %s", id).isNotNull();
        if (id.equals("NQ028")) {
            // 0Ne as node-q's kdb+ wrote it: f8 0000c0ff, the NaN 0xffc00000
            return QReal.of(Float.intBitsToFloat(0xffc00000));
        }
        if (id.equals("NQ033")) {
            // 0Nf as written: f7 000000000000f8ff, the NaN 0xfff8000000000000
            return QFloat.of(Double.longBitsToDouble(0xfff8000000000000L));
        }
        if (id.equals("NQ057")) {
            // 0Nz as written: ef 000000000000f8ff, the same NaN
            return QDatetime.of(Double.longBitsToDouble(0xfff8000000000000L));
        }
        Matcher take = TAKE.matcher(q);
        if (take.matches()) {
            // the whole expression is N#x: N copies of the atom x, in a vector of its type
            QValue atom = QText.parse(take.group(2));
            return QVectors.ofAtoms(atom.type(), Collections.nCopies(Integer.parseInt(take.group(1)), atom));
        }
        return QText.parse(expandTakes(q));
    }

    /** {@code N#x} for an atom literal x: N copies of x as a q list literal, which q reads as a vector. */
    static String expandTakes(String q) {
        Matcher m = TAKE.matcher(q);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String atom = m.group(2);
            StringBuilder copies = new StringBuilder("(");
            for (int i = 0; i < n; i++) {
                copies.append(i == 0 ? "" : ";").append(atom);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(copies.append(')').toString()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
