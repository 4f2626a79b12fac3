package dev.q4j.text;

import static dev.q4j.text.AtomText.space;

import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QChar;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFloat;
import dev.q4j.value.QFunction;
import dev.q4j.value.QGuid;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QReal;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;

/**
 * q's {@code -3!}: a value on one line as the console shows an atom, a vector or an item of a general list
 * ({@code 1.5}, {@code 1 2 3i}, {@code `a`b!1 2}, {@code +`a`b!(1 2;`x`y)}). Unlike {@link QText#print(QValue)} it
 * is q's own text even where that does not read back: floats to 7 significant digits, guids bare, symbols unquoted,
 * a lambda as its source. It stops early once it is past a length that the caller cuts at anyway, so a vector of
 * millions of items costs only what shows.
 */
final class ConsoleText {
    private final StringBuilder sb = new StringBuilder();
    private final int limit;

    private ConsoleText(int limit) {
        this.limit = limit;
    }

    /**
     * {@return its text}
     *
     * @param value a value
     */
    static String show(QValue value) {
        return show(value, Integer.MAX_VALUE);
    }

    /**
     * {@return its text, cut after {@code limit} characters}
     *
     * @param value a value
     * @param limit a length past which the text may stop early: whatever is longer is cut anyway
     */
    static String show(QValue value, int limit) {
        ConsoleText s = new ConsoleText(limit);
        s.value(value);
        return s.sb.length() > limit ? s.sb.substring(0, limit) : s.sb.toString();
    }

    /** {@return a function's text: a lambda's source (which may span lines), any other function's q text} */
    static String function(QFunction f) {
        return f instanceof QLambda l ? l.source() : QText.print(f);
    }

    private boolean full() {
        return sb.length() > limit;
    }

    private void value(QValue v) {
        if (full()) {
            return;
        }
        if (v instanceof QAtom a) {
            atom(a);
        } else if (v instanceof QVector vec) {
            vector(vec);
        } else if (v instanceof QList l) {
            list(l);
        } else if (v instanceof QDict d) {
            keys(d.sorted(), d.keys());
            sb.append('!');
            value(d.values());
        } else if (v instanceof QTable t) {
            table(t);
        } else if (v instanceof QKeyedTable k) {
            keys(k.sorted(), k.keys());
            sb.append('!');
            table(k.values());
        } else if (v instanceof QFunction f) {
            sb.append(function(f));
        } else {
            sb.append('\'').append(((QError) v).message());
        }
    }

    /**
     * Keys of a dictionary: in parentheses unless they are a plain list of two or more items. The {@code `s#} of a
     * sorted dictionary stands in front of it, and gives its keys their own {@code s}.
     */
    private void keys(boolean sorted, QValue keys) {
        if (sorted) {
            sb.append("`s#");
            if (keys instanceof QSequence) {
                keys = Values.withAttribute(keys, Attribute.NONE);
            }
        }
        boolean plain = keys instanceof QSequence s && s.count() > 1 && s.attribute() == Attribute.NONE;
        if (!plain) {
            sb.append('(');
        }
        value(keys);
        if (!plain) {
            sb.append(')');
        }
    }

    private void table(QTable t) {
        sb.append('+');
        keys(false, t.namesVector());
        sb.append('!');
        list(QList.of(t.columns()));
    }

    private void list(QList l) {
        AtomText.attribute(sb, l.attribute());
        int n = l.count();
        if (n == 0) {
            sb.append("()");
        } else if (n == 1) {
            sb.append(',');
            value(l.at(0));
        } else {
            sb.append('(');
            for (int i = 0; i < n && !full(); i++) {
                if (i > 0) {
                    sb.append(';');
                }
                value(l.at(i));
            }
            sb.append(')');
        }
    }

    private void atom(QAtom a) {
        QType t = a.type();
        switch (t) {
            case BOOLEAN:
                sb.append(((QBoolean) a).value() ? "1b" : "0b");
                return;
            case GUID:
                sb.append(((QGuid) a).value());
                return;
            case BYTE:
                AtomText.hex(sb.append("0x"), ((QByte) a).value());
                return;
            case CHAR:
                Strings.appendQuoted(sb, new byte[] {((QChar) a).value()}, 0, 1);
                return;
            case SYMBOL:
                sb.append('`').append(((QSymbol) a).value());
                return;
            case FLOAT: {
                int start = sb.length();
                decimal(((QFloat) a).value(), false);
                AtomText.suffixFloat(sb, start);
                return;
            }
            case REAL: {
                float f = ((QReal) a).value();
                if (Float.isInfinite(f)) {
                    sb.append(f > 0 ? "0we" : "-0we");
                } else {
                    decimal(f, true);
                    sb.append('e');
                }
                return;
            }
            case LONG:
                special(a);
                return;
            case SHORT: case INT:
                special(a);
                sb.append(t.letter());
                return;
            default:
                // temporal: 2024.01.02, 12:00, 2024.01m; 0Nd, 0Wp
                if (a.isNull() || a.isInfinite()) {
                    special(a);
                    sb.append(t.letter());
                } else {
                    sb.append(ConsoleCells.string(a));
                    if (t == QType.MONTH) {
                        sb.append('m');
                    }
                }
        }
    }

    /** An integral or temporal item: {@code 0N}, {@code 0W}, {@code -0W} or its text without suffix. */
    private void special(QAtom a) {
        // q's string gives 0W and -0W for infinities
        sb.append(a.isNull() ? "0N" : ConsoleCells.string(a));
    }

    /** A float ({@code 0n}, {@code 0w}) or a real ({@code 0N}, {@code 0W}) item, finite ones to 7 digits. */
    private void decimal(double d, boolean real) {
        if (Double.isNaN(d)) {
            sb.append(real ? "0N" : "0n");
        } else if (Double.isInfinite(d)) {
            sb.append(d > 0 ? "" : "-").append(real ? "0W" : "0w");
        } else {
            sb.append(Decimals.display(d));
        }
    }

    private void vector(QVector v) {
        AtomText.attribute(sb, v.attribute());
        int n = v.count();
        QType t = v.type();
        if (n == 0) {
            sb.append(t == QType.CHAR ? "\"\"" : "`" + t.qName() + "$()");
            return;
        }
        if (n == 1) {
            sb.append(',');
        }
        switch (t) {
            case BOOLEAN:
                for (int i = 0; i < n && !full(); i++) {
                    sb.append(((QBoolean) v.at(i)).value() ? '1' : '0');
                }
                sb.append('b');
                return;
            case BYTE:
                sb.append("0x");
                for (int i = 0; i < n && !full(); i++) {
                    AtomText.hex(sb, ((QByte) v.at(i)).value());
                }
                return;
            case CHAR: {
                // every byte is at least one character: past the limit, the rest would be cut
                byte[] bytes = ((QCharVector) v).array();
                Strings.appendQuoted(sb, bytes, 0, (int) Math.min(bytes.length, limit + 1L));
                return;
            }
            case SYMBOL:
                for (int i = 0; i < n && !full(); i++) {
                    sb.append('`').append(((QSymbol) v.at(i)).value());
                }
                return;
            case GUID:
                for (int i = 0; i < n && !full(); i++) {
                    space(sb, i);
                    sb.append(((QGuid) v.at(i)).value());
                }
                return;
            case FLOAT: {
                int start = sb.length();
                for (int i = 0; i < n && !full(); i++) {
                    space(sb, i);
                    decimal(((QFloat) v.at(i)).value(), false);
                }
                AtomText.suffixFloat(sb, start);
                return;
            }
            case REAL:
                for (int i = 0; i < n && !full(); i++) {
                    space(sb, i);
                    decimal(((QReal) v.at(i)).value(), true);
                }
                sb.append('e');
                return;
            case SHORT: case INT: case LONG:
                for (int i = 0; i < n && !full(); i++) {
                    space(sb, i);
                    special(v.at(i));
                }
                if (t != QType.LONG) {
                    sb.append(t.letter());
                }
                return;
            default: {
                // temporal: nulls and infinities as 0N 0W -0W, the type letter only when no item shows the type
                boolean typed = false;
                for (int i = 0; i < n && !full(); i++) {
                    space(sb, i);
                    QAtom a = v.at(i);
                    typed |= !a.isNull() && !a.isInfinite();
                    special(a);
                }
                if (!typed || t == QType.MONTH) {
                    sb.append(t.letter());
                }
            }
        }
    }
}
