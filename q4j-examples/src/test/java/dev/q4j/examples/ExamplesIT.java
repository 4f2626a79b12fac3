package dev.q4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every example's {@code main} runs to the end without kdb+, prints what the README says it gives, and leaves no
 * q4j thread behind. The examples that need a q process open sockets on the loopback interface only (a
 * {@link FakeKdb}, a tickerplant or a server of their own, on free ports).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ExamplesIT {

    /** An example's main. */
    private interface Main {
        void run(String[] args) throws Exception;
    }

    /** {@return what {@code main} printed on standard output, once its q4j threads have ended} */
    private static synchronized String run(Main main) throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            main.run(new String[0]);
            // a listener may print on its delivery thread just after main returns: wait for q4j's threads to end
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<String> left;
            do {
                left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                        .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("q4j-")).toList();
                if (!left.isEmpty()) {
                    Thread.sleep(10);
                }
            } while (!left.isEmpty() && System.nanoTime() < deadline);
            assertThat(left).as("q4j threads the example left running").isEmpty();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    @Test
    void queryExampleGetsWhatTheReadmeComments() throws Exception {
        String out = run(QueryExample::main);

        assertThat(out).contains("ten: 0 1 2 3 4 5 6 7 8 9\n", "sum: 3\n", "px: 101.5 102.25\n", "later: 3\n");
        // the async .u.upd reached the process before sync() returned
        assertThat(out).contains("kdb+ received: [(\".u.upd\";`trade;+`sym`px!(,`MSFT;,410.5))]");
    }

    @Test
    void jdbcExampleReadsTheRowsThroughTheDriver() throws Exception {
        assertThat(run(JdbcExample::main)).matches("2024-01-02T09:30:00Z 187.25 100\n"
                + "2024-01-02T09:30:05Z 187.5 0 \\(null\\)\n4 columns\nunwrapped: \\w+ true\n");
    }

    @Test
    void hdbExampleReadsTheDatabaseItWroteAsTheReadmeComments() throws Exception {
        String out = run(HdbExample::main);

        assertThat(out).startsWith("[trade]\n[2024.01.02, 2024.01.03]\n[HdbColumn[name=date, type=DATE");
        assertThat(out).endsWith("+`sym`price!(`MSFT`IBM;411 188f)\n2\n1\n2\n");
    }

    @Test
    void publishExampleReachesTheTickerplant() throws Exception {
        assertThat(run(PublishExample::main)).isEqualTo("tickerplant: 1 update, 1 row\n");
    }

    @Test
    void subscribeExamplePrintsTheUpdateAsTheReadmeComments() throws Exception {
        assertThat(run(SubscribeExample::main)).isEqualTo("(`upd;`trade;+`sym`px!(,`IBM;,101.5))\n");
    }

    @Test
    void serveExampleEchoesGreetsAndPushes() throws Exception {
        assertThat(run(ServeExample::main)).isEqualTo("hello user\nh(1;`a): (1;`a)\n"
                + "pushed: (`upd;`news;\"...\")\n");
    }

    @Test
    void decodeExampleFindsTheTypeAndValue() throws Exception {
        assertThat(run(DecodeExample::main)).isEqualTo("RESPONSE: 0 1 2\n");
    }

    @Test
    void encodeExampleCompressesTheTable() throws Exception {
        String out = run(EncodeExample::main);

        // "til 10" as a sync message: an 8-byte header, type, attribute, count, 6 chars
        assertThat(out).startsWith("request: 20 bytes; table: ");
        String[] sizes = out.replaceAll("[^0-9 ]", "").trim().split(" +");
        assertThat(Integer.parseInt(sizes[2])).as("compressed, under half of %s", sizes[1])
                .isLessThan(Integer.parseInt(sizes[1]) / 2);
    }

    @Test
    void decodeInPlaceExampleReadsTheTimes() throws Exception {
        assertThat(run(DecodeInPlaceExample::main)).isEqualTo("first: 2024-01-02T09:30:00Z; 2 times\n");
    }

    @Test
    void buildValuesExamplePrintsWhatItsCommentsSay() throws Exception {
        String out = run(BuildValuesExample::main);

        assertThat(out.split("\n")).containsExactlyElementsOf(commented("BuildValuesExample.java"));
    }

    @Test
    void factoriesExamplePrintsWhatItsCommentsSay() throws Exception {
        String out = run(FactoriesExample::main);

        List<String> expected = new ArrayList<>(commented("FactoriesExample.java"));
        expected.add("days: 366");
        assertThat(out.split("\n")).containsExactlyElementsOf(expected);
    }

    @Test
    void recordsExampleMapsBothWays() throws Exception {
        String out = run(RecordsExample::main);

        assertThat(out).contains("Trade[time=2024-01-02T09:30:01Z, sym=MSFT, price=410.25, size=1500]\n"
                + "Trade[time=2024-01-02T09:30:02Z, sym=IBM, price=101.75, size=2000]\n");
        assertThat(out).contains("back equals the table: true\n", "last: {", "IBM=Quote[bid=101.5, ask=101.75]",
                "MSFT=Quote[bid=410.25, ask=410.5]", "config: Config[host=db1, port=5000]\n",
                "with money: [Price[sym=IBM, price=101.5], Price[sym=MSFT, price=410.25], "
                        + "Price[sym=IBM, price=101.75]]");
        assertThat(out).contains("kdb+ received: [(\".u.upd\";`trade;+`time`sym`price`size!(");
    }

    @Test
    void arrowExampleRoundTrips() throws Exception {
        String out = run(ArrowExample::main);

        assertThat(out).startsWith("loaded: 2 rows\n").contains("read back equals trades: true\n");
        // both pages streamed, in order
        assertThat(out.indexOf("MSFT")).isLessThan(out.indexOf("102.0"));
    }

    @Test
    void sqlExamplePublishesTheAggregateAndWritesParquet() throws Exception {
        String out = run(SqlExample::main);

        assertThat(out).contains("kdb+ received: [(\".u.upd\";`avgs;");
        assertThat(out).containsPattern("ibm\\.parquet: [1-9][0-9]* bytes\n")
                .containsPattern("trade\\.parquet: [1-9][0-9]* bytes\n");
    }

    @Test
    void everyExampleWithASnippetIsRunHere() throws Exception {
        String tests = Files.readString(java.nio.file.Path.of("src/test/java/dev/q4j/examples/ExamplesIT.java"));
        // the examples that are tests themselves (Snippets.TEST_EXAMPLES) are run by the build as tests
        Set<String> examples = Snippets.examples(Snippets.EXAMPLES).keySet();
        Set<String> run = examples.stream().map(f -> f.replace(".java", "::main"))
                .filter(tests::contains).collect(Collectors.toSet());

        assertThat(run).hasSameSizeAs(examples);
    }

    /**
     * {@return the text each commented statement of an example's snippet says it prints: its comment up to the
     * first {@code ": "}, {@code " ("} or {@code ", i.e."}, which start remarks}
     */
    private static List<String> commented(String example) {
        String snippet = Snippets.examples().get(example);
        List<String> said = new ArrayList<>();
        for (String line : snippet.split("\n")) {
            int comment = line.indexOf("// ");
            if (comment > 0 && line.substring(0, comment).stripTrailing().endsWith(";")) {
                String text = line.substring(comment + 3);
                for (String remark : new String[] {": ", " (", ", i.e."}) {
                    int at = text.indexOf(remark);
                    if (at > 0) {
                        text = text.substring(0, at);
                    }
                }
                said.add(text);
            }
        }
        assertThat(said).as("%s's commented statements", example).isNotEmpty();
        return said;
    }
}
