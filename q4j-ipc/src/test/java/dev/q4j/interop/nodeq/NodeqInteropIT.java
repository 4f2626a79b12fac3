package dev.q4j.interop.nodeq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.QErrorException;
import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.server.QServer;
import dev.q4j.server.RequestHandler;
import dev.q4j.server.ServerOptions;
import dev.q4j.text.QText;
import dev.q4j.tick.Tickerplant;
import dev.q4j.value.Q;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QBooleanVector;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QDateVector;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QDatetimeVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QGuid;
import dev.q4j.value.QGuidVector;
import dev.q4j.value.QInt;
import dev.q4j.value.QIntVector;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMinuteVector;
import dev.q4j.value.QMonth;
import dev.q4j.value.QMonthVector;
import dev.q4j.value.QReal;
import dev.q4j.value.QRealVector;
import dev.q4j.value.QSecond;
import dev.q4j.value.QSecondVector;
import dev.q4j.value.QShort;
import dev.q4j.value.QShortVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimeVector;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimespanVector;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QTimestampVector;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * node-q 2.7.0 (from npm, run with the machine's Node.js) as a client of the q4j server. Each test starts a server on
 * a free loopback port, runs a script of {@code interop/nodeq} against it and checks both sides: what node-q printed
 * (one line per result: JSON fields separated by tabs) and what the server decoded from node-q's bytes.
 */
class NodeqInteropIT {
    private static final Duration RUN = Duration.ofSeconds(20);

    /**
     * One value echo.js sends as {@code con.k(name, value)}: the q value q4j must decode from node-q's bytes (its
     * class and its q text), and what node-q must decode from the echo, as echo.js prints it ({@code null}: exactly
     * what it sent).
     */
    private record Echo(String name, Class<? extends QValue> type, String q, String got) {
    }

    private static final List<Echo> ECHO = List.of(
            // the typed API, atoms
            same("boolean", QBoolean.class, "1b"),
            same("guid", QGuid.class, "\"G\"$\"0a369037-75d3-b24d-6721-5a1d44d4bed5\""),
            same("byte", QByte.class, "0x2a"),
            same("short", QShort.class, "-7h"),
            same("int", QInt.class, "123456i"),
            changed("long", QLong.class, "42", "42"),   // long.js Long in, JavaScript number out
            // q4j keeps all 64 bits; node-q's reply decoding rounds to the nearest double
            changed("long 2^53+1", QLong.class, "9007199254740993", "9007199254740992"),
            same("real", QReal.class, "1.5e"),
            same("float", QFloat.class, "-2.25"),
            same("char", QChar.class, "\"x\""),
            same("symbol", QSymbol.class, "`abc"),
            same("symbol utf8", QSymbol.class, "`$\"Z\\303\\274rich\""),
            // node-q computes the nanoseconds through a double: ...123000064 rather than ...123000000
            same("timestamp", QTimestamp.class, "2024.03.05D06:07:08.123000064"),
            same("month", QMonth.class, "2024.03m"),
            same("date", QDate.class, "2024.03.05"),
            same("datetime", QDatetime.class, "2024.03.05T06:07:08.123"),
            same("timespan", QTimespan.class, "0D06:07:08.123000000"),
            changed("minute", QMinute.class, "06:07", "{\"date\":\"2000-01-01T06:07:00.000Z\"}"),
            // node-q's reading of a second (val / 86400 days) rounds down to ...07.999
            changed("second", QSecond.class, "06:07:08", "{\"date\":\"2000-01-01T06:07:07.999Z\"}"),
            same("time", QTime.class, "06:07:08.123"),

            // the typed API, vectors
            same("booleans", QBooleanVector.class, "101b"),
            same("guids", QGuidVector.class, "\"G\"$(\"0a369037-75d3-b24d-6721-5a1d44d4bed5\";"
                    + "\"00010203-0405-0607-0809-0a0b0c0d0e0f\")"),
            same("bytes", QByteVector.class, "0x00017f"),
            same("shorts", QShortVector.class, "1 -2 3h"),
            same("ints", QIntVector.class, "1 -2 3i"),
            changed("longs", QLongVector.class, "1 -2 9007199254740993", "[1,-2,9007199254740992]"),
            same("reals", QRealVector.class, "0.5 -1.25e"),
            same("floats", QFloatVector.class, "0.1 2.5"),
            changed("chars", QCharVector.class, "\"abc\"", "\"abc\""),
            changed("symbols", QSymbolVector.class, "`a`b`", "[\"a\",\"b\",null]"),
            same("timestamps", QTimestampVector.class, "2024.03.05D06:07:08.123000064 2024.03.05D00:00:00.000000000"),
            same("months", QMonthVector.class, ",2024.03m"),
            same("dates", QDateVector.class, ",2024.03.05"),
            same("datetimes", QDatetimeVector.class, "2024.03.05T06:07:08.123 2024.03.05T00:00:00.000"),
            same("timespans", QTimespanVector.class, ",0D06:07:08.123000000"),
            changed("minutes", QMinuteVector.class, ",06:07", "[{\"date\":\"2000-01-01T06:07:00.000Z\"}]"),
            changed("seconds", QSecondVector.class, ",06:07:08", "[{\"date\":\"2000-01-01T06:07:07.999Z\"}]"),
            same("times", QTimeVector.class, ",06:07:08.123"),
            same("longs empty", QLongVector.class, "`long$()"),
            same("mixedlist", QList.class, "-1_(1f;2f;::)"),
            changed("dict", QDict.class, "`px`size!(1.5 2;100 200)", "{\"px\":[1.5,2],\"size\":[100,200]}"),

            // JavaScript values without wrappers
            same("number", QFloat.class, "1.5"),
            same("number integral", QFloat.class, "42f"),
            same("Infinity", QFloat.class, "0w"),
            same("-Infinity", QFloat.class, "-0w"),
            changed("NaN", QFloat.class, "0n", "null"),
            same("true", QBoolean.class, "1b"),
            same("false", QBoolean.class, "0b"),
            same("string", QCharVector.class, "\"hello\""),
            same("string empty", QCharVector.class, "\"\""),
            same("string one char", QCharVector.class, ",\"a\""),
            same("string utf8", QCharVector.class, "\"Z\\303\\274rich \\342\\234\\223\""),
            changed("string `abc", QSymbol.class, "`abc", "\"abc\""),
            same("string `", QCharVector.class, ",\"`\""),   // a backtick alone is no symbol to node-q
            same("Date", QDatetime.class, "2024.03.05T06:07:08.123"),
            same("null", QUnaryPrimitive.class, "::"),
            same("array numbers", QFloatVector.class, "1 2 3f"),
            same("array booleans", QBooleanVector.class, "10b"),
            same("array Dates", QDatetimeVector.class, "2024.03.05T06:07:08.123 2024.03.05T00:00:00.000"),
            same("array strings", QList.class, "(,\"a\";\"bc\")"),
            changed("array `strings", QList.class, "-1_(`a;`b;::)", "[\"a\",\"b\"]"),   // a list, not a vector
            same("array typed", QIntVector.class, "1 2i"),
            same("array mixed", QList.class, "(1f;,\"a\";1b;::)"),
            same("array nested", QList.class, "(1 2f;,3f)"),
            same("array empty", QList.class, "()"),
            same("object", QDict.class, "`a`b!1 2f"),
            same("object mixed", QDict.class, "`name`n`flag!(,\"x\";1.5;1b)"),
            same("object nested", QDict.class, "(,`a)!-1_((,`b)!,1f;::)"),
            same("object empty", QDict.class, "(`symbol$())!()"),

            // typed nulls: node-q writes the NaN with the sign bit set for real, float and datetime
            same("guid null", QGuid.class, "0Ng"),
            same("short null", QShort.class, "0Nh"),
            same("int null", QInt.class, "0Ni"),
            same("long null", QLong.class, "0N"),
            same("real null", QReal.class, "-0Ne"),
            same("float null", QFloat.class, "-0n"),
            same("char null", QChar.class, "\" \""),
            same("symbol null", QSymbol.class, "`"),
            same("timestamp null", QTimestamp.class, "0Np"),
            same("month null", QMonth.class, "0Nm"),
            same("date null", QDate.class, "0Nd"),
            same("datetime null", QDatetime.class, "-0Nz"),
            same("timespan null", QTimespan.class, "0Nn"),
            same("minute null", QMinute.class, "0Nu"),
            same("second null", QSecond.class, "0Nv"),
            same("time null", QTime.class, "0Nt"),

            // typed infinities
            same("short +inf", QShort.class, "0Wh"),
            same("short -inf", QShort.class, "-0Wh"),
            same("int +inf", QInt.class, "0Wi"),
            same("int -inf", QInt.class, "-0Wi"),
            same("long +inf", QLong.class, "0W"),
            same("long -inf", QLong.class, "-0W"),
            same("real +inf", QReal.class, "0we"),
            same("real -inf", QReal.class, "-0we"),
            same("float +inf", QFloat.class, "0w"),
            same("float -inf", QFloat.class, "-0w"));

    private static Echo same(String name, Class<? extends QValue> type, String q) {
        return new Echo(name, type, q, null);
    }

    private static Echo changed(String name, Class<? extends QValue> type, String q, String got) {
        return new Echo(name, type, q, got);
    }

    @Test
    void echoesEveryTypeNodeqWrites() throws IOException {
        Map<String, QValue> received = new ConcurrentHashMap<>();
        List<String> lines;
        try (QServer server = QServer.start(loopback().requestHandler(RequestHandler.sync((client, request) -> {
            // con.k(name, value) sends the list (name; value), name a char vector
            if (request instanceof QList l && l.count() == 2 && l.at(0) instanceof QCharVector name) {
                received.put(name.asString(), l.at(1));
            } else {
                received.put("unexpected request " + QText.print(request), request);
            }
            return request;
        })).build()); NodeScript node = NodeScript.start("echo", server.port())) {
            lines = node.awaitSuccess(RUN);
        }

        Map<String, String[]> printed = new LinkedHashMap<>();   // name -> {sent, got}
        for (String line : lines) {
            String[] fields = line.split("\t");
            assertThat(fields).as(line).hasSize(3);
            printed.put(fields[0].substring(1, fields[0].length() - 1), new String[] {fields[1], fields[2]});
        }
        List<String> names = ECHO.stream().map(Echo::name).toList();
        assertThat(printed.keySet()).as("what echo.js printed").containsExactlyElementsOf(names);
        assertThat(received.keySet()).as("what the server received").containsExactlyInAnyOrderElementsOf(names);

        SoftAssertions soft = new SoftAssertions();
        for (Echo e : ECHO) {
            QValue value = received.get(e.name());
            soft.assertThat(value).as("%s: the q4j value", e.name()).isInstanceOf(e.type());
            soft.assertThat(QText.print(value)).as("%s: the q4j value", e.name()).isEqualTo(e.q());
            String sent = printed.get(e.name())[0];
            String got = printed.get(e.name())[1];
            soft.assertThat(got).as("%s: what node-q decoded from the echo of %s", e.name(), sent)
                    .isEqualTo(e.got() == null ? sent : e.got());
        }
        soft.assertAll();
    }

    @Test
    void asyncMessagesReachTheAsyncHandlerInOrder() throws IOException {
        int n = 100;
        List<QValue> messages = new CopyOnWriteArrayList<>();
        Set<Long> senders = ConcurrentHashMap.newKeySet();
        ServerOptions options = loopback()
                .asyncHandler((client, message) -> {
                    senders.add(client.id());
                    messages.add(message);
                })
                .requestHandler(RequestHandler.sync((client, request) -> {
                    if (!request.equals(QCharVector.of("count"))) {
                        throw new QErrorException("nyi");
                    }
                    return QLong.of(messages.size());
                }))
                .build();
        List<String> lines;
        try (QServer server = QServer.start(options); NodeScript node = NodeScript.start("async", server.port(), n)) {
            lines = node.awaitSuccess(RUN);
        }

        assertThat(lines).as("the sync call after the async ones").containsExactly("\"count\"\t" + (n + 1));
        List<QValue> expected = new ArrayList<>();
        expected.add(QCharVector.of("show `hello"));
        for (int i = 0; i < n; i++) {
            expected.add(QList.of(QCharVector.of("tick"), QLong.of(i), QSymbol.of("s" + i), QFloat.of(i / 2.0)));
        }
        assertThat(messages).containsExactlyElementsOf(expected);
        assertThat(senders).hasSize(1);
    }

    @Test
    void subscriberReceivesEveryUpdInOrder() throws IOException {
        int batches = 5;
        Map<String, QTable> schemas = Map.of("trade", trades(List.of()));
        try (Tickerplant tp = Tickerplant.start(ServerOptions.builder(0).bind("127.0.0.1"), schemas);
                NodeScript node = NodeScript.start("subscribe", tp.server().port(), batches)) {
            // .u.sub answers (`trade; empty table); node-q turns a table into an array of row objects
            assertThat(node.nextLine(RUN)).isEqualTo("\"subscribed\"\t[\"trade\",[]]");
            assertThat(tp.subscribers()).isEqualTo(1);

            List<String> expected = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<Trade> rows = List.of(
                        new Trade(((9 * 60 + 30) * 60 + b) * 1_000_000_000L, "AAPL", (100 + b) + ".25", 100L * b),
                        new Trade(((9 * 60 + 30) * 60 + b) * 1_000_000_000L + 1_000_000L, "MSFT", (200 + b) + ".5",
                                100L * b + 1));
                assertThat(tp.publish("trade", trades(rows))).as("subscribers sent batch %d", b).isEqualTo(1);
                expected.add("\"upd\"\t\"trade\"\t[" + String.join(",", rows.stream().map(Trade::json).toList()) + "]");
            }
            List<String> received = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                received.add(node.nextLine(RUN));
            }
            assertThat(received).containsExactlyElementsOf(expected);
            assertThat(node.awaitSuccess(RUN)).isEmpty();
            assertThat(tp.messagesSent()).isEqualTo(batches);
        }
    }

    /** A row of the trade table; the price as text, so that the expected JSON holds the same digits. */
    private record Trade(long timeNanos, String sym, String price, long size) {
        String json() {
            return "{\"time\":" + timeNanos + ",\"sym\":\"" + sym + "\",\"price\":" + price + ",\"size\":" + size + "}";
        }
    }

    private static QTable trades(List<Trade> rows) {
        return QTable.of(List.of("time", "sym", "price", "size"), List.of(
                QTimespanVector.wrap(rows.stream().mapToLong(Trade::timeNanos).toArray()),
                QSymbolVector.wrap(rows.stream().map(Trade::sym).toArray(String[]::new)),
                QFloatVector.wrap(rows.stream().mapToDouble(r -> Double.parseDouble(r.price())).toArray()),
                QLongVector.wrap(rows.stream().mapToLong(Trade::size).toArray())));
    }

    @Test
    void nodeqDecodesCompressedReplies() throws IOException {
        int n = 5000;
        List<QValue> received = new CopyOnWriteArrayList<>();
        ServerOptions options = loopback()
                .compression(Compression.ALWAYS)   // kdb+'s rules never compress to a local peer
                .requestHandler(RequestHandler.sync((client, request) -> {
                    received.add(request);
                    return request;
                }))
                .build();
        List<String> lines;
        try (QServer server = QServer.start(options);
                NodeScript node = NodeScript.start("compressed", server.port(), n)) {
            lines = node.awaitSuccess(RUN);
        }

        // what q4j decoded: ("echo"; `sym`size`price!(syms; longs; floats))
        String[] syms = new String[n];
        long[] sizes = new long[n];
        double[] prices = new double[n];
        for (int i = 0; i < n; i++) {
            syms[i] = List.of("AAPL", "MSFT", "IBM", "GOOG").get(i % 4);
            sizes[i] = 100L * (i % 10);
            prices[i] = 100 + (i % 8) / 4.0;
        }
        QValue request = QList.of(QCharVector.of("echo"), QDict.of(Q.symbols("sym", "size", "price"),
                QList.of(QSymbolVector.wrap(syms), QLongVector.wrap(sizes), QFloatVector.wrap(prices))));
        assertThat(received).containsExactly(request);

        assertThat(lines).hasSize(2);
        String[] header = lines.get(0).split("\t");   // "header", compressed flag, length, uncompressed length
        long uncompressed = 8 + Encoder.sizeOf(request);
        assertThat(header[0]).isEqualTo("\"header\"");
        assertThat(Integer.parseInt(header[1])).as("the reply's compressed flag").isEqualTo(1);
        assertThat(Long.parseLong(header[3])).as("its uncompressed length").isEqualTo(uncompressed);
        assertThat(Long.parseLong(header[2])).as("its length on the wire").isLessThan(uncompressed / 2);
        // decoded exactly what it sent; the last item of each column
        assertThat(lines.get(1)).isEqualTo("\"echo\"\ttrue\t" + n + "\t\"GOOG\"\t900\t101.75");
    }

    private static ServerOptions.Builder loopback() {
        return ServerOptions.builder(0).bind("127.0.0.1");
    }
}
