package dev.q4j.spark;

import dev.q4j.corpus.Corpus;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QChar;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QReal;
import dev.q4j.value.QSecond;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** Spark for the tests: local[2] on loopback, no UI; and q values as Spark gives them back (java.time). */
final class SparkTests {
    private SparkTests() {
    }

    static SparkSession session(String name) {
        return SparkSession.builder().master("local[2]").appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.sql.datetime.java8API.enabled", "true")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    /** the corpus of kdb+ files (shared/corpus/hdb), as q4j-hdb's tests find it */
    static Path corpus() {
        Path hdb = Corpus.root().resolve("hdb");
        if (!Files.isDirectory(hdb)) {
            throw new IllegalStateException("corpus not found: " + Corpus.root() + " has no hdb directory");
        }
        return hdb;
    }

    /**
     * {@return what Spark should give for a q value}, worked out from q4j's own atoms (their java.time
     * conversions), not from the source's vectors: nulls as null, timestamps and timespans to microseconds
     * (rounded down), datetimes to milliseconds (compare with {@link #millis}), months as their first day
     */
    static Object expected(QValue v) {
        if (v instanceof QList l) {
            return nested(l);
        }
        if (v instanceof QVector vec) {
            if (vec.type() == dev.q4j.value.QType.CHAR) {
                return new String(((dev.q4j.value.QCharVector) vec).array(), StandardCharsets.UTF_8);
            }
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < vec.count(); i++) {
                out.add(expected(vec.at(i)));
            }
            return out;
        }
        QAtom a = (QAtom) v;
        if (a.isNull() && !(a instanceof QBoolean) && !(a instanceof QByte)) {
            return null;
        }
        if (a instanceof QBoolean b) {
            return b.value();
        } else if (a instanceof QGuid g) {
            return g.value().toString();
        } else if (a instanceof QByte b) {
            return (short) b.unsigned();
        } else if (a instanceof QShort s) {
            return s.value();
        } else if (a instanceof QInt i) {
            return i.value();
        } else if (a instanceof QLong l) {
            return l.value();
        } else if (a instanceof QReal r) {
            return r.value();
        } else if (a instanceof QFloat f) {
            return f.value();
        } else if (a instanceof QChar c) {
            return String.valueOf(c.toChar());
        } else if (a instanceof QSymbol s) {
            return s.value();
        } else if (a instanceof QTimestamp t) {
            return t.toLocalDateTime().truncatedTo(ChronoUnit.MICROS);
        } else if (a instanceof QMonth m) {
            return m.toYearMonth().atDay(1);
        } else if (a instanceof QDate d) {
            return d.toLocalDate();
        } else if (a instanceof QDatetime d) {
            return millis(d.toLocalDateTime());
        } else if (a instanceof QTimespan t) {
            long ns = t.toDuration().toNanos();
            return Duration.ofNanos(Math.floorDiv(ns, 1000) * 1000);
        } else if (a instanceof QMinute m) {
            return m.toDuration();
        } else if (a instanceof QSecond s) {
            return s.toDuration();
        } else if (a instanceof QTime t) {
            return t.toDuration();
        }
        throw new AssertionError("no expected value for " + v);
    }

    private static Object nested(QList l) {
        throw new AssertionError("a nested column's cell is a vector or an atom, not " + l);
    }

    /** a datetime to the millisecond (q's datetime is a float of days: its microseconds are noise) */
    static Object millis(Object x) {
        return x instanceof java.time.LocalDateTime t ? t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS) : x;
    }
}
