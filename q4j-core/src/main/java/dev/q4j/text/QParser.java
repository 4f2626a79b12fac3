package dev.q4j.text;

import dev.q4j.Q4jException;
import dev.q4j.codec.Decoder;
import dev.q4j.text.QLexer.Kind;
import dev.q4j.text.QLexer.Token;
import dev.q4j.value.Attribute;
import dev.q4j.value.QAtom;
import dev.q4j.value.QBinaryPrimitive;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QComposition;
import dev.q4j.value.QDerivedFunction;
import dev.q4j.value.QDict;
import dev.q4j.value.QFunction;
import dev.q4j.value.QInt;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QProjection;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads q text into a value. Nouns and verbs are collected left to right and then evaluated right to left, as q does,
 * but only for the few verbs that build values ({@link Verbs}); everything else is a clear {@link QTextException}.
 */
final class QParser {
    private static final int MAX_DEPTH = 1000;

    private final QLexer lexer;
    private int depth;

    private QParser(String text) {
        this.lexer = new QLexer(text);
    }

    static QValue parse(String text) {
        QParser p = new QParser(text);
        if (p.lexer.peek().kind() == Kind.EOF) {
            throw new QTextException("no value: the text is empty", 0);
        }
        Val v = p.expression();
        Token end = p.lexer.peek();
        if (end.kind() != Kind.EOF || v == null) {
            throw new QTextException("unexpected " + describe(end), end.pos());
        }
        return v.value;
    }

    /** A value being built, with the two facts the {@code `#} and {@code `s#} notations need. */
    static final class Val {
        final QValue value;
        final int pos;
        /** made by {@code `#x}: the attribute was removed on purpose */
        boolean attributeRemoved;
        /** a dictionary whose keys were written {@code (`#k)} */
        boolean keysAttributeRemoved;

        Val(QValue value, int pos) {
            this.value = value;
            this.pos = pos;
        }
    }

    /** A noun (value) or a verb waiting for its arguments. */
    private record Term(Val noun, String verb, int pos) {
    }

    private static String describe(Token t) {
        switch (t.kind()) {
            case EOF: return "end of text";
            case NOUN: return "value " + t.text();
            case NAME: return "name " + t.text();
            default: return "'" + t.text() + "'";
        }
    }

    private static boolean ends(Token t) {
        Kind k = t.kind();
        return k == Kind.SEMI || k == Kind.RPAREN || k == Kind.RBRACKET || k == Kind.EOF;
    }

    /** @return the value of the expression up to the next ; ) ] or the end, or null when it is empty */
    private Val expression() {
        if (++depth > MAX_DEPTH) {
            throw new QTextException("nesting deeper than " + MAX_DEPTH + " levels", lexer.peek().pos());
        }
        List<Term> terms = new ArrayList<>();
        while (!ends(lexer.peek())) {
            terms.add(term());
        }
        depth--;
        return terms.isEmpty() ? null : evaluate(terms);
    }

    private Term term() {
        Token t = lexer.next();
        Val v;
        switch (t.kind()) {
            case NOUN:
                v = new Val(t.value(), t.pos());
                break;
            case NAME: {
                QValue k = Primitives.keyword(t.text());
                if (k == null) {
                    throw new QTextException("unknown name " + t.text()
                            + ": q4j reads literals, it has no variables (known keywords are primitives like not, "
                            + "enlist, flip, insert)", t.pos());
                }
                v = new Val(k, t.pos());
                break;
            }
            case LPAREN:
                v = paren(t);
                break;
            case COMPOSE:
                lexer.next();
                v = new Val(new QComposition(slots(t)), t.pos());
                break;
            case VERB: {
                Token next = lexer.peek();
                if (next.kind() == Kind.LBRACKET || next.kind() == Kind.ADVERB || ends(next)) {
                    v = new Val(QBinaryPrimitive.of(Primitives.binaryCode(t.text())), t.pos());
                } else {
                    return new Term(null, t.text(), t.pos());
                }
                break;
            }
            case ADVERB:
                throw new QTextException("iterator " + t.text() + " has no function on its left", t.pos());
            default:
                throw new QTextException("unexpected " + describe(t), t.pos());
        }
        return new Term(postfix(v), null, t.pos());
    }

    /** Brackets make projections ({@code f[1;;3]}), iterators make derived functions ({@code +/}). */
    private Val postfix(Val v) {
        while (true) {
            Token next = lexer.peek();
            if (next.kind() == Kind.LBRACKET) {
                if (!(v.value instanceof QFunction)) {
                    throw new QTextException("cannot index or apply a " + Values.describe(v.value)
                            + ": q4j reads literals, it does not evaluate q", next.pos());
                }
                lexer.next();
                List<QValue> items = new ArrayList<>();
                items.add(v.value);
                items.addAll(slots(next));
                v = new Val(new QProjection(items), v.pos);
            } else if (next.kind() == Kind.ADVERB) {
                lexer.next();
                v = new Val(QDerivedFunction.of(Primitives.derivedType(next.text()), v.value), v.pos);
            } else {
                return v;
            }
        }
    }

    /** {@code [a;;b]} after the opening bracket: empty slots are the elided argument (unary code 255). */
    private List<QValue> slots(Token open) {
        List<QValue> items = new ArrayList<>();
        while (true) {
            Val e = expression();
            items.add(e == null ? QUnaryPrimitive.of(Primitives.ELIDED) : e.value);
            Token sep = lexer.next();
            if (sep.kind() == Kind.RBRACKET) {
                return items;
            }
            if (sep.kind() != Kind.SEMI) {
                throw new QTextException("expected ; or ] to go with the [ at " + open.pos() + " but found "
                        + describe(sep), sep.pos());
            }
        }
    }

    /** {@code ()}, {@code (x)}, {@code (a;b;c)} or a table {@code ([] c:…)}. */
    private Val paren(Token open) {
        if (lexer.peek().kind() == Kind.LBRACKET) {
            return table(open);
        }
        if (lexer.peek().kind() == Kind.RPAREN) {
            lexer.next();
            return new Val(QList.EMPTY, open.pos());
        }
        List<Val> items = new ArrayList<>();
        while (true) {
            Val e = expression();
            if (e == null) {
                throw new QTextException("empty item in a list", lexer.peek().pos());
            }
            items.add(e);
            Token sep = lexer.next();
            if (sep.kind() == Kind.RPAREN) {
                break;
            }
            if (sep.kind() != Kind.SEMI) {
                throw new QTextException("expected ; or ) to go with the ( at " + open.pos() + " but found "
                        + describe(sep), sep.pos());
            }
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        List<QValue> values = new ArrayList<>(items.size());
        for (Val e : items) {
            values.add(e.value);
        }
        return new Val(Values.collapse(values), open.pos());
    }

    private record Column(String name, Val value, int pos) {
    }

    /** {@code ([] a:1 2; b:`x`y)} and {@code ([k:1 2] v:`a`b)}; atoms are repeated to the length of the lists. */
    private Val table(Token open) {
        lexer.next();
        List<Column> keys = columns(Kind.RBRACKET);
        List<Column> cols = columns(Kind.RPAREN);
        int rows = -1;
        for (List<Column> part : List.of(keys, cols)) {
            for (Column c : part) {
                if (c.value.value instanceof QSequence s) {
                    if (rows >= 0 && s.count() != rows) {
                        throw new QTextException("column " + c.name + " has " + s.count() + " rows, not " + rows
                                + " ('length)", c.pos);
                    }
                    rows = s.count();
                } else if (!(c.value.value instanceof QAtom)) {
                    throw new QTextException("column " + c.name + " must be a list or an atom, not a "
                            + Values.describe(c.value.value), c.pos);
                }
            }
        }
        if (rows < 0) {
            throw new QTextException("a table needs at least one list column", open.pos());
        }
        try {
            QTable values = build(cols, rows);
            if (keys.isEmpty()) {
                return new Val(values, open.pos());
            }
            return new Val(QKeyedTable.of(build(keys, rows), values), open.pos());
        } catch (IllegalArgumentException e) {
            throw new QTextException("bad table: " + e.getMessage(), open.pos(), e);
        }
    }

    private static QTable build(List<Column> columns, int rows) {
        String[] names = new String[columns.size()];
        QSequence[] cols = new QSequence[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            names[i] = columns.get(i).name;
            QValue v = columns.get(i).value.value;
            cols[i] = v instanceof QSequence s ? s : QVectors.ofAtoms(v.type(), Collections.nCopies(rows, v));
        }
        return QTable.wrap(names, cols, Attribute.NONE);
    }

    private List<Column> columns(Kind closer) {
        List<Column> out = new ArrayList<>();
        if (lexer.peek().kind() == closer) {
            lexer.next();
            return out;
        }
        while (true) {
            Token name = lexer.next();
            if (name.kind() != Kind.NAME) {
                throw new QTextException("expected a column name, found " + describe(name), name.pos());
            }
            Token colon = lexer.next();
            if (colon.kind() != Kind.VERB || !colon.text().equals(":")) {
                throw new QTextException("expected : after the column name " + name.text(), colon.pos());
            }
            Val e = expression();
            if (e == null) {
                throw new QTextException("column " + name.text() + " has no value", lexer.peek().pos());
            }
            out.add(new Column(name.text(), e, name.pos()));
            Token sep = lexer.next();
            if (sep.kind() == closer) {
                return out;
            }
            if (sep.kind() != Kind.SEMI) {
                throw new QTextException("expected ; or " + (closer == Kind.RPAREN ? ")" : "]") + " in a table, found "
                        + describe(sep), sep.pos());
            }
        }
    }

    // ------------------------------------------------------------------ evaluation, right to left

    private Val evaluate(List<Term> terms) {
        int i = terms.size() - 1;
        Val r = terms.get(i).noun;
        i--;
        while (i >= 0) {
            Term t = terms.get(i);
            if (t.verb != null) {
                if (i >= 1 && terms.get(i - 1).noun != null) {
                    r = dyad(t, terms.get(i - 1).noun, r);
                    i -= 2;
                } else {
                    r = monad(t, r);
                    i--;
                }
            } else {
                r = apply(t.noun, r);
                i--;
            }
        }
        return r;
    }

    private Val dyad(Term verb, Val l, Val r) {
        try {
            switch (verb.verb) {
                case "!": return dict(verb, l, r);
                case "#": return Verbs.attribute(l, r, verb.pos);
                case "$": return new Val(Verbs.cast(l.value, r.value, verb.pos), l.pos);
                case "_": return new Val(Verbs.drop(l.value, r.value, verb.pos), l.pos);
                case ",": return new Val(Verbs.join(l.value, r.value, verb.pos), l.pos);
                default:
                    throw new QTextException("the verb " + verb.verb + " is not supported between two values: q4j "
                            + "reads literals and builds them with ! # $ _ , only", verb.pos);
            }
        } catch (IllegalArgumentException e) {
            throw new QTextException(e.getMessage(), verb.pos, e);
        }
    }

    private Val dict(Term verb, Val l, Val r) {
        if (l.value instanceof QLong || l.value instanceof QInt) {
            long n = l.value instanceof QLong x ? x.value() : ((QInt) l.value).value();
            if (n != -9 || !(r.value instanceof QByteVector bytes)) {
                throw new QTextException("only the internal function -9! (deserialise a byte vector) is supported, not "
                        + n + "! of a " + Values.describe(r.value), l.pos);
            }
            try {
                return new Val(new Decoder().decode(bytes.array()).value(), l.pos);
            } catch (Q4jException e) {
                throw new QTextException("-9! cannot decode the bytes: " + e.getMessage(), r.pos, e);
            }
        }
        if (!isListLike(l.value) || !isListLike(r.value)) {
            throw new QTextException("! makes a dictionary from two lists of the same length, not from a "
                    + Values.describe(l.value) + " and a " + Values.describe(r.value), verb.pos);
        }
        Val d;
        if (l.value instanceof QTable k && r.value instanceof QTable v) {
            d = new Val(QKeyedTable.of(k, v), l.pos);
        } else {
            d = new Val(QDict.of(l.value, r.value), l.pos);
        }
        d.keysAttributeRemoved = l.attributeRemoved;
        return d;
    }

    private static boolean isListLike(QValue v) {
        return v instanceof QSequence || v instanceof QTable;
    }

    private Val monad(Term verb, Val r) {
        switch (verb.verb) {
            case "+": return new Val(Verbs.flip(r.value, verb.pos), verb.pos);
            case ",": return new Val(Values.enlist(r.value), verb.pos);
            default:
                throw new QTextException("the verb " + verb.verb + " is not supported with one argument: q4j reads "
                        + "literals and only knows , (enlist) and + (flip) this way", verb.pos);
        }
    }

    /** {@code f x}: only enlist and flip are applied; anything else would need a q interpreter. */
    private Val apply(Val f, Val x) {
        if (f.value instanceof QUnaryPrimitive p) {
            if (p.code() == Primitives.ENLIST || p.code() == Primitives.ENLIST_K) {
                return new Val(Values.enlist(x.value), f.pos);
            }
            if (p.code() == Primitives.FLIP) {
                return new Val(Verbs.flip(x.value, f.pos), f.pos);
            }
        }
        throw new QTextException("cannot apply a " + Values.describe(f.value) + " to a value: q4j reads literals and "
                + "only applies enlist and flip", x.pos);
    }
}
