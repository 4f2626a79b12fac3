package dev.q4j.text;

import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QError;
import dev.q4j.value.QFunction;
import dev.q4j.value.QIterator;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QProjection;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVector;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Prints values as q text (see {@link QText} for the notation). Every print method appends to one builder and returns
 * whether the text it wrote is <em>atomic</em>: a single noun or function that needs no parentheses on the left of a
 * verb, in front of {@code [args]} or in front of an iterator. Compound text ({@code ,1}, {@code `s#1 2},
 * {@code `a`b!1 2}, {@code "G"$"…"}) returns false. Atoms are {@link AtomText}'s, vectors {@link VectorText}'s;
 * this class writes lists, dictionaries, tables, functions and errors.
 */
final class QPrinter {
    private static final Pattern ERROR_WORD = Pattern.compile("[A-Za-z0-9_.\\-]+");
    private static final Pattern CONTEXT = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z0-9_]+)*");

    private final StringBuilder sb = new StringBuilder();

    private QPrinter() {
    }

    static String print(QValue v) {
        QPrinter p = new QPrinter();
        p.value(v);
        return p.sb.toString();
    }

    // ------------------------------------------------------------------ dispatch

    private boolean value(QValue v) {
        if (v instanceof QAtom a) {
            return AtomText.atom(sb, a);
        }
        if (v instanceof QVector vec) {
            return VectorText.vector(sb, vec);
        }
        if (v instanceof QList l) {
            return list(l);
        }
        if (v instanceof QDict d) {
            return dict(d.sorted(), d.keys(), d.values());
        }
        if (v instanceof QTable t) {
            return table(t);
        }
        if (v instanceof QKeyedTable k) {
            return dict(k.sorted(), k.keys(), k.values());
        }
        if (v instanceof QFunction f) {
            return function(f);
        }
        return error((QError) v);
    }

    /** Prints {@code v} as the operand of a monadic verb or attribute: functions and errors go in parentheses. */
    private void operand(QValue v) {
        if (v instanceof QError || (v instanceof QFunction f && !(v instanceof QLambda) && !needsFallback(f))) {
            inParentheses(v);
        } else {
            value(v);
        }
    }

    private void inParentheses(QValue v) {
        sb.append('(');
        value(v);
        sb.append(')');
    }

    /** Prints {@code v} on the left of a verb: anything compound goes in parentheses. */
    private void left(QValue v) {
        int start = sb.length();
        if (!value(v)) {
            sb.insert(start, '(').append(')');
        }
    }

    /** True for functions that have no q text: a primitive code outside q's tables, an odd lambda or projection. */
    private static boolean needsFallback(QFunction v) {
        if (v instanceof QUnaryPrimitive p) {
            return Primitives.unary(p.code()) == null;
        } else if (v instanceof QBinaryPrimitive p) {
            return Primitives.binary(p.code()) == null;
        } else if (v instanceof QIterator p) {
            return Primitives.iterator(p.code()) == null;
        } else if (v instanceof QLambda f) {
            return !(f.context().isEmpty() || CONTEXT.matcher(f.context()).matches())
                    || !(f.source().startsWith("{") || f.source().startsWith("k){"))
                    || QLexer.lambdaEnd(f.source(), 0) != f.source().length();
        } else if (v instanceof QProjection p) {
            QValue head = p.items().get(0);
            return p.items().size() < 2 || !(head instanceof QFunction) || isElided(head);
        } else if (v instanceof QDerivedFunction d) {
            return isElided(d.function());
        }
        return false;
    }

    private static boolean isElided(QValue v) {
        return v instanceof QUnaryPrimitive p && p.code() == Primitives.ELIDED;
    }

    // ------------------------------------------------------------------ lists, dicts, tables

    private boolean list(QList l) {
        boolean attributed = AtomText.attribute(sb, l.attribute());
        int n = l.count();
        if (n == 0) {
            sb.append("()");
            return !attributed;
        }
        if (Values.mayCollapse(l.items())) {
            // (1;2;3) would read back as a vector and (`a`b!1 2;`a`b!3 4) or ,`a`b!1 2 as a table: drop the last
            // item of a list q cannot collapse
            sb.append("-1_(");
            for (int i = 0; i < n; i++) {
                value(l.at(i));
                sb.append(';');
            }
            sb.append("::)");
            return false;
        }
        if (n == 1) {
            sb.append(',');
            operand(l.at(0));
            return false;
        }
        sb.append('(');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(';');
            }
            value(l.at(i));
        }
        sb.append(')');
        return !attributed;
    }

    /** A dictionary or keyed table: {@code keys!values}, {@code `s#} in front when it is sorted (type 127). */
    private boolean dict(boolean sorted, QValue keys, QValue values) {
        if (sorted) {
            sb.append("`s#");
            sortedKeys(keys);
        } else {
            left(keys);
        }
        sb.append('!');
        value(values);
        return false;
    }

    /**
     * Keys of a sorted dictionary or keyed table. The {@code `s#} in front of the dictionary also gives the keys the
     * s attribute when they have none, so keys that carry s print without it, and keys that carry none are marked
     * with q's attribute remover {@code `#}.
     */
    private void sortedKeys(QValue keys) {
        Attribute a = Values.attributeOf(keys);
        if (a == Attribute.SORTED) {
            left(Values.withAttribute(keys, Attribute.NONE));
        } else if (a == Attribute.NONE) {
            sb.append("(`#");
            value(keys);
            sb.append(')');
        } else {
            left(keys);
        }
    }

    private boolean table(QTable t) {
        AtomText.attribute(sb, t.attribute());
        sb.append('+');
        left(t.namesVector());
        sb.append('!');
        list(QList.of(t.columns()));
        return false;
    }

    // ------------------------------------------------------------------ functions and errors

    private boolean function(QFunction f) {
        if (needsFallback(f)) {
            return AtomText.fallback(sb, f);
        }
        if (f instanceof QLambda l) {
            if (!l.context().isEmpty()) {
                sb.append('.').append(l.context()).append(')');
            }
            if (!printable(l.source())) {
                // one line per value: q's value"…" rebuilds the lambda from its source as an escaped string
                sb.append("value");
                Strings.appendQuoted(sb, l.source());
                return false;
            }
            sb.append(l.source());
        } else if (f instanceof QUnaryPrimitive p) {
            sb.append(Primitives.unary(p.code()));
        } else if (f instanceof QBinaryPrimitive p) {
            sb.append(Primitives.binary(p.code()));
        } else if (f instanceof QIterator p) {
            sb.append(Primitives.iterator(p.code()));
        } else if (f instanceof QProjection p) {
            List<QValue> items = p.items();
            QValue head = items.get(0);
            if (head instanceof QIterator) {
                inParentheses(head);
            } else {
                left(head);
            }
            slots(items.subList(1, items.size()));
        } else if (f instanceof QComposition c) {
            sb.append('\'');
            slots(c.items());
        } else {
            QDerivedFunction d = (QDerivedFunction) f;
            QValue inner = d.function();
            if (inner instanceof QFunction && !(inner instanceof QIterator)) {
                left(inner);
            } else {
                inParentheses(inner);
            }
            sb.append(Primitives.derivedGlyph(d.iterator()));
        }
        return true;
    }

    /**
     * {@return true when it prints as it is on one line: no line breaks or other control characters, and no escaped
     * bytes ({@code U+DC80 .. U+DCFF}, which are not text)}
     *
     * @param source a lambda's source
     */
    static boolean printable(String source) {
        int n = source.length();
        for (int i = 0; i < n; i++) {
            char c = source.charAt(i);
            if (c == '\t' || c >= 0x20 && c < 0x7f) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(source.charAt(i + 1))) {
                i++;
                continue;
            }
            int t = Character.getType(c);
            if (c < 0xa0 || Character.isSurrogate(c) || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a;;b]}: an elided argument (unary code 255) is an empty slot. */
    private void slots(List<QValue> args) {
        sb.append('[');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            if (!isElided(args.get(i))) {
                value(args.get(i));
            }
        }
        sb.append(']');
    }

    private boolean error(QError e) {
        sb.append('\'');
        if (ERROR_WORD.matcher(e.message()).matches()) {
            sb.append(e.message());
        } else {
            Strings.appendQuoted(sb, e.message());
        }
        return true;
    }
}
