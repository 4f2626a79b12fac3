package dev.q4j.cli;

import dev.q4j.value.QAtom;
import dev.q4j.value.QDate;
import dev.q4j.value.QDatetime;
import dev.q4j.value.QFloat;
import dev.q4j.value.QInt;
import dev.q4j.value.QLong;
import dev.q4j.value.QMinute;
import dev.q4j.value.QMonth;
import dev.q4j.value.QReal;
import dev.q4j.value.QSecond;
import dev.q4j.value.QShort;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;

/** What the output formats ask of atoms alike. */
final class Atoms {
    private Atoms() {
    }

    /**
     * {@return true when it is above zero: {@code 0W} rather than {@code -0W}}
     *
     * @param a a numeric or temporal atom, typically an infinity
     */
    static boolean positive(QAtom a) {
        switch (a.type()) {
            case SHORT:
                return ((QShort) a).value() > 0;
            case INT:
                return ((QInt) a).value() > 0;
            case LONG:
                return ((QLong) a).value() > 0;
            case REAL:
                return ((QReal) a).value() > 0;
            case FLOAT:
                return ((QFloat) a).value() > 0;
            case TIMESTAMP:
                return ((QTimestamp) a).nanos() > 0;
            case TIMESPAN:
                return ((QTimespan) a).nanos() > 0;
            case DATETIME:
                return ((QDatetime) a).days() > 0;
            case MONTH:
                return ((QMonth) a).months() > 0;
            case DATE:
                return ((QDate) a).days() > 0;
            case MINUTE:
                return ((QMinute) a).minutes() > 0;
            case SECOND:
                return ((QSecond) a).seconds() > 0;
            default:
                return ((QTime) a).millis() > 0;
        }
    }
}
