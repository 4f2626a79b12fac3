package dev.q4j.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.text.QText;
import dev.q4j.value.Q;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The demo RDB: what {@code upd} appends and what each documented query answers, against q's own answers. */
class DemoRdbTest {
    private DemoRdb rdb;

    private static QValue q(String text) {
        return QText.parse(text);
    }

    private QValue ask(String query) {
        return rdb.query(QCharVector.of(query));
    }

    private static QList upd(String table, QValue data) {
        return QList.of(QSymbol.of("upd"), QSymbol.of(table), data);
    }

    @BeforeEach
    void fill() {
        rdb = new DemoRdb(1000);
        DemoFeed.schemas().forEach(rdb::define);
        rdb.upd(upd("trade", q("([] time:0D09:30:00.000000001 0D09:30:00.000000002; sym:`IBM`MSFT; "
                + "price:101.5 410.25; size:100 200)")));
        // a list of columns, as a kdb+ feed sends to the tickerplant, for a table whose schema is known
        rdb.upd(upd("trade", q("(0D09:30:01 0D09:30:02 0D09:30:03;`AAPL`IBM`IBM;190 102 102.5;300 400 500)")));
    }

    @Test
    void tablesAreSorted() {
        assertThat(ask("tables[]")).isEqualTo(q("`quote`trade"));
        assertThat(ask("  tables [ ] ")).isEqualTo(q("`quote`trade"));
    }

    @Test
    void countIsALong() {
        assertThat(ask("count trade")).isEqualTo(QLong.of(5));
        assertThat(ask("count   quote")).isEqualTo(QLong.of(0));
        assertThat(rdb.count("trade")).isEqualTo(5);
        assertThat(rdb.count("nope")).isEqualTo(-1);
    }

    @Test
    void aTableNameIsTheWholeTable() {
        assertThat(ask("trade")).isEqualTo(q("([] time:0D09:30:00.000000001 0D09:30:00.000000002 0D09:30:01 "
                + "0D09:30:02 0D09:30:03; sym:`IBM`MSFT`AAPL`IBM`IBM; price:101.5 410.25 190 102 102.5; "
                + "size:100 200 300 400 500)"));
        assertThat(((QTable) ask("quote")).count()).isZero();
    }

    @Test
    void takeIsQsTake() {
        assertThat(ask("2#trade")).isEqualTo(q("([] time:0D09:30:00.000000001 0D09:30:00.000000002; "
                + "sym:`IBM`MSFT; price:101.5 410.25; size:100 200)"));
        assertThat(ask("-2#trade")).isEqualTo(q("([] time:0D09:30:02 0D09:30:03; sym:`IBM`IBM; price:102 102.5; "
                + "size:400 500)"));
        assertThat(ask(" -2 # trade ")).isEqualTo(ask("-2#trade"));
        // over the count, q's take cycles: 7#til 5 is 0 1 2 3 4 0 1, -7#til 5 is 3 4 0 1 2 3 4
        assertThat(((QTable) ask("7#trade")).column("size")).isEqualTo(QLongVector.of(100, 200, 300, 400, 500,
                100, 200));
        assertThat(((QTable) ask("-7#trade")).column("size")).isEqualTo(QLongVector.of(400, 500, 100, 200, 300,
                400, 500));
        assertThat(((QTable) ask("0#trade")).count()).isZero();
        // from an empty table, nulls: 2#([] a:`long$()) is ([] a:0N 0N)
        assertThat(ask("2#quote")).isEqualTo(q("([] time:0Nn 0Nn; sym:``; bid:0n 0n; ask:0n 0n; bsize:0N 0N; "
                + "asize:0N 0N)"));
    }

    @Test
    void lastBySymIsKeyedBySortedSym() {
        QValue r = ask("select last price by sym from trade");

        assertThat(r).isInstanceOf(QKeyedTable.class);
        assertThat(r).isEqualTo(q("([sym:`AAPL`IBM`MSFT] price:190 102.5 410.25)"));
        assertThat(ask("select  last size  by sym  from trade"))
                .isEqualTo(q("([sym:`AAPL`IBM`MSFT] size:300 500 200)"));
        assertThat(ask("select last bid by sym from quote")).isEqualTo(QKeyedTable.of(
                (QTable) q("([] sym:`$())"), (QTable) q("([] bid:`float$())")));
    }

    @Test
    void whereSymSelectsItsRows() {
        assertThat(ask("select from trade where sym=`IBM")).isEqualTo(q("([] time:0D09:30:00.000000001 0D09:30:02 "
                + "0D09:30:03; sym:`IBM`IBM`IBM; price:101.5 102 102.5; size:100 400 500)"));
        assertThat(((QTable) ask("select from trade where sym = `XYZ")).count()).isZero();
    }

    @Test
    void emptyTextIsTheSyncIdiom() {
        assertThat(ask("")).isEqualTo(Q.NIL);
    }

    @Test
    void anythingElseIsNyiListingTheAnswers() {
        for (String other : new String[] {"avg trade`price", "select from trade", "1+1", "count trade where x",
            "99999999999#trade"}) {
            assertThatThrownBy(() -> ask(other)).as(other).isInstanceOf(QErrorException.class)
                    .satisfies(e -> assertThat(((QErrorException) e).qMessage())
                            .isIn("limit", "nyi: the q4j demo RDB answers only tables[]; count t; t; n#t; -n#t; "
                                    + "select last c by sym from t; select from t where sym=`s"));
        }
        assertThatThrownBy(() -> rdb.query(q("(`count;`trade)"))).isInstanceOf(QErrorException.class)
                .hasMessageContaining("nyi");
    }

    @Test
    void unknownNamesAreQsErrors() {
        assertThatThrownBy(() -> ask("count foo")).isInstanceOf(QErrorException.class)
                .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("foo"));
        assertThatThrownBy(() -> ask("-3#foo")).isInstanceOf(QErrorException.class)
                .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("foo"));
        assertThatThrownBy(() -> ask("select last foo by sym from trade")).isInstanceOf(QErrorException.class)
                .satisfies(e -> assertThat(((QErrorException) e).qMessage()).isEqualTo("foo"));
    }

    @Test
    void updRejectsWhatIsNotAnUpdate() {
        assertThatThrownBy(() -> rdb.upd(q("(`other;`trade;1)"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rdb.upd(upd("trade", q("([] a:1 2)")))).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> rdb.upd(upd("trade", q("(1 2;3 4)")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(ask("count trade")).isEqualTo(QLong.of(5));
    }

    @Test
    void anUnknownTableIsCreatedFromItsFirstUpdate() {
        DemoRdb.Update u = rdb.upd(upd("news", q("([] sym:`a`b; n:1 2i)")));

        assertThat(u.table()).isEqualTo("news");
        assertThat(ask("tables[]")).isEqualTo(q("`news`quote`trade"));
        assertThat(ask("-1#news")).isEqualTo(q("([] sym:,`b; n:,2i)"));
    }

    @Test
    void manyUpdatesOfAnySizeKeepTheNewestRowsInOrder() {
        // the tables upd brings are merged as they come and dropped from the front: against a plain list of rows
        DemoRdb small = new DemoRdb(50);
        java.util.Random random = new java.util.Random(14);
        java.util.List<Long> model = new java.util.ArrayList<>();
        long next = 0;
        for (int u = 0; u < 300; u++) {
            long[] x = new long[random.nextInt(u % 7 == 0 ? 30 : 5)];
            for (int i = 0; i < x.length; i++) {
                x[i] = next++;
            }
            small.upd(upd("t", QTable.of(java.util.List.of("x"), java.util.List.of(QLongVector.of(x)))));
            if (model.size() + x.length > 50) {
                model.subList(0, Math.min(model.size(), model.size() + x.length - 25)).clear();
            }
            for (long v : x) {
                model.add(v);
            }
            long[] expected = model.stream().mapToLong(Long::longValue).toArray();
            assertThat(small.query(QCharVector.of("t"))).as("after update %d", u)
                    .isEqualTo(QTable.of(java.util.List.of("x"), java.util.List.of(QLongVector.of(expected))));
            assertThat(small.count("t")).isEqualTo(expected.length);
            if (expected.length > 0) {
                assertThat(((QTable) small.query(QCharVector.of("-1#t"))).column("x"))
                        .isEqualTo(QLongVector.of(expected[expected.length - 1]));
            }
        }
    }

    @Test
    void aFullTableDropsItsOlderHalf() {
        DemoRdb small = new DemoRdb(10);
        for (int i = 0; i < 12; i++) {
            small.upd(upd("t", QTable.of(java.util.List.of("sym", "x"),
                    java.util.List.of(dev.q4j.value.QSymbolVector.of("s"), QLongVector.of(i)))));
        }
        // the 11th row would make 11: the oldest go so that 5 are left with it (6..10); then the 12th comes
        assertThat(small.query(QCharVector.of("t"))).isEqualTo(q("([] sym:`s`s`s`s`s`s; x:6 7 8 9 10 11)"));
    }
}
