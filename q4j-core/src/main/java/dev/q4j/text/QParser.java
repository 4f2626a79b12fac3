package dev.q4j.text;

import dev.q4j.Q4jException;
import dev.q4j.codec.DecodeLimits;
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
import dev.q4j.value.QLambda;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QProjection;
import dev.q4j.value.QSequence;
import dev.q4j.value.QSymbolVector;
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
 *
 * <p>Nothing recurses: open brackets are a linked stack of {@link Frame}s on the heap (at most {@link #MAX_NESTING}),
 * chains of verbs, enlists and iterators are loops, and chains of joins and drops are evaluated in one pass, so that
 * no text, however long or deep, needs more than a small fixed stack or much more than linear time. Values that would
 * nest deeper than
 * {@link QValue#MAX_DEPTH} are refused with the position of the construct that made them.
 */
final class QParser {
    /**
     * Brackets may nest a little deeper than values do: the printer puts a value of depth d in at most d + 1
     * brackets ({@code `$("a";"b")} is one bracket around a vector), and the whole text is one more level.
     */
    static final int MAX_NESTING = QValue.MAX_DEPTH + 8;

    /** -9! decodes as deep as any value can be; the byte vector is in memory already, so size is not a concern */
    private static final Decoder DECODER = new Decoder(DecodeLimits.DEFAULT.withMaxDepth(DecodeLimits.MAX_DEPTH));

    private final QLexer lexer;

    private QParser(String text) {
        this.lexer = new QLexer(text);
    }

    static QValue parse(String text) {
        QParser p = new QParser(text);
        try {
            if (p.lexer.peek().kind() == Kind.EOF) {
                throw new QTextException("no value: the text is empty", 0);
            }
            return p.read().value();
        } catch (QTextException e) {
            throw e;
        } catch (StackOverflowError e) {
            // the parser itself does not recurse, but the value constructors' depth checks walk up to MAX_DEPTH
            // levels: only a thread with a very small stack gets here
            throw new QTextException("text nested too deeply for this thread's stack", p.lexer.position());
        } catch (RuntimeException e) {
            // a safety net: every failure should already be a QTextException with a precise position
            throw new QTextException("cannot read the text: " + e.getMessage(), p.lexer.position(), e);
        }
    }

    /** A value being built, with the facts the {@code `#}, {@code `s#} and {@code +} notations need. */
    static final class Val {
        /** the value, or null while it is a column dictionary only {@code +} (flip) can use */
        private final QValue value;
        final int pos;
        /** made by {@code `#x}: the attribute was removed on purpose */
        boolean attributeRemoved;
        /** a dictionary whose keys were written {@code (`#k)} */
        boolean keysAttributeRemoved;
        /** {@code names!columns} that nests one level deeper than a value may, kept for the {@code +} that follows */
        private QValue flipKeys;
        private QValue flipValues;
        private String tooDeep;

        Val(QValue value, int pos) {
            this.value = value;
            this.pos = pos;
        }

        /**
         * {@return the value}
         *
         * @throws QTextException when this is a column dictionary too deep to be a value: only {@code +} takes it
         */
        QValue value() {
            if (value == null) {
                throw new QTextException(tooDeep, pos);
            }
            return value;
        }

        /** {@return true when this is {@code names!columns}, as a dictionary or too deep to be one} */
        boolean isColumnDictionary() {
            return flipKeys != null || value instanceof QDict d && d.keys() instanceof QSymbolVector;
        }

        /** {@return the keys of a column dictionary} */
        QValue dictKeys() {
            return flipKeys != null ? flipKeys : ((QDict) value).keys();
        }

        /** {@return the values of a column dictionary} */
        QValue dictValues() {
            return flipKeys != null ? flipValues : ((QDict) value).values();
        }
    }

    /** A noun (value) or a verb waiting for its arguments. */
    private record Term(Val noun, String verb, int pos) {
    }

    private static String describe(Token t) {
        switch (t.kind()) {
            case EOF: return "end of text";
            case NOUN: return "value " + Strings.shorten(t.text(), 40);
            case NAME: return "name " + Strings.shorten(t.text(), 40);
            default: return "'" + t.text() + "'";
        }
    }

    private static boolean ends(Token t) {
        Kind k = t.kind();
        return k == Kind.SEMI || k == Kind.RPAREN || k == Kind.RBRACKET || k == Kind.EOF;
    }

    /** {@return a QTextException for a value constructor's refusal (nesting too deep, counts that differ)} */
    private static QTextException refused(IllegalArgumentException e, int pos) {
        return new QTextException(e.getMessage(), pos, e);
    }

    // ------------------------------------------------------------------ reading, with an explicit stack

    /** What an open bracket is collecting. */
    private enum Part { TOP, LIST, ARGS, COMPOSE, KEYS, COLUMNS }

    /**
     * One open bracket (or the whole text): the terms of the expression being read and what the bracket has
     * collected so far. Frames link to their parent instead of Java's call stack, so that nesting costs heap, not
     * stack.
     */
    private static final class Frame {
        final Frame parent;
        final int nesting;
        final Token open;
        Part part;
        /** ARGS: the function being projected */
        final Val head;
        List<Term> terms = new ArrayList<>();
        final List<Val> items = new ArrayList<>();
        final List<Column> keys = new ArrayList<>();
        final List<Column> columns = new ArrayList<>();
        /** KEYS, COLUMNS: the name of the column being read */
        Token column;

        Frame(Frame parent, Part part, Token open, Val head) {
            this.parent = parent;
            this.nesting = parent == null ? 1 : parent.nesting + 1;
            this.part = part;
            this.open = open;
            this.head = head;
        }
    }

    private record Column(String name, QValue value, int pos) {
    }

    /** Reads the whole text: a loop over tokens, with one {@link Frame} per open bracket. */
    private Val read() {
        Frame f = new Frame(null, Part.TOP, null, null);
        while (true) {
            Token t = lexer.next();
            switch (t.kind()) {
                case NOUN: {
                    Val v = new Val(t.value(), t.pos());
                    if (t.value() instanceof QLambda && t.text().endsWith("\"")) {
                        // value"…": in q a bracket or iterator here would apply to the string, not to the lambda
                        Token next = lexer.peek();
                        if (next.kind() == Kind.LBRACKET || next.kind() == Kind.ADVERB) {
                            throw new QTextException("put value\"…\" in parentheses to apply or iterate the lambda, "
                                    + "as (value\"{x}\")[1]: q would apply the " + next.text() + " to the string",
                                    next.pos());
                        }
                        f.terms.add(new Term(v, null, t.pos()));
                    } else {
                        f = afterValue(v, f);
                    }
                    break;
                }
                case NAME: {
                    QValue k = Primitives.keyword(t.text());
                    if (k == null) {
                        throw new QTextException("unknown name " + Strings.shorten(t.text(), 40)
                                + ": q4j reads literals, it has no variables (known keywords are primitives like not, "
                                + "enlist, flip, insert)", t.pos());
                    }
                    f = afterValue(new Val(k, t.pos()), f);
                    break;
                }
                case LPAREN:
                    if (lexer.peek().kind() == Kind.LBRACKET) {
                        lexer.next();
                        f = beginColumn(push(f, Part.KEYS, t, null));
                    } else if (lexer.peek().kind() == Kind.RPAREN) {
                        lexer.next();
                        f = afterValue(new Val(QList.EMPTY, t.pos()), f);
                    } else {
                        f = push(f, Part.LIST, t, null);
                    }
                    break;
                case COMPOSE:
                    f = push(f, Part.COMPOSE, lexer.next(), null);
                    break;
                case VERB: {
                    Token next = lexer.peek();
                    if (next.kind() == Kind.LBRACKET || next.kind() == Kind.ADVERB || ends(next)) {
                        f = afterValue(new Val(QBinaryPrimitive.of(Primitives.binaryCode(t.text())), t.pos()), f);
                    } else {
                        f.terms.add(new Term(null, t.text(), t.pos()));
                    }
                    break;
                }
                case ADVERB:
                    throw new QTextException("iterator " + t.text() + " has no function on its left", t.pos());
                case SEMI: case RPAREN: case RBRACKET: case EOF: {
                    Val e = f.terms.isEmpty() ? null : evaluate(f.terms);
                    f.terms = new ArrayList<>();
                    if (f.part == Part.TOP) {
                        if (t.kind() != Kind.EOF || e == null) {
                            throw new QTextException("unexpected " + describe(t), t.pos());
                        }
                        return e;
                    }
                    f = close(f, e, t);
                    break;
                }
                default:
                    throw new QTextException("unexpected " + describe(t), t.pos());
            }
        }
    }

    /** Opens a bracket, refusing to nest deeper than {@link #MAX_NESTING}. */
    private Frame push(Frame parent, Part part, Token open, Val head) {
        Frame f = new Frame(parent, part, open, head);
        if (f.nesting > MAX_NESTING) {
            throw new QTextException("brackets nested deeper than " + MAX_NESTING + " levels (q4j values nest at most "
                    + QValue.MAX_DEPTH + " levels)", open.pos());
        }
        return f;
    }

    /**
     * A value has been read: iterators after it make derived functions ({@code +/}), a bracket opens its arguments
     * ({@code f[1;;3]}), anything else leaves it as a term of the expression.
     *
     * @return the frame to continue in
     */
    private Frame afterValue(Val v, Frame f) {
        while (true) {
            Token next = lexer.peek();
            if (next.kind() == Kind.ADVERB) {
                lexer.next();
                try {
                    v = new Val(QDerivedFunction.of(Primitives.derivedType(next.text()), v.value()), v.pos);
                } catch (IllegalArgumentException e) {
                    throw refused(e, next.pos());
                }
            } else if (next.kind() == Kind.LBRACKET) {
                if (!(v.value() instanceof QFunction)) {
                    throw new QTextException("cannot index or apply a " + Values.describe(v.value())
                            + ": q4j reads literals, it does not evaluate q", next.pos());
                }
                lexer.next();
                return push(f, Part.ARGS, next, v);
            } else {
                f.terms.add(new Term(v, null, v.pos));
                return f;
            }
        }
    }

    /**
     * The expression {@code e} (null when empty) has ended at {@code t}, a {@code ;}, a closing bracket or the end.
     *
     * @return the frame to continue in
     */
    private Frame close(Frame f, Val e, Token t) {
        switch (f.part) {
            case LIST:
                if (e == null) {
                    throw new QTextException("empty item in a list", t.pos());
                }
                f.items.add(e);
                if (t.kind() == Kind.SEMI) {
                    return f;
                }
                if (t.kind() != Kind.RPAREN) {
                    throw new QTextException("expected ; or ) to go with the ( at " + f.open.pos() + " but found "
                            + describe(t), t.pos());
                }
                return afterValue(list(f), f.parent);
            case ARGS: case COMPOSE:
                f.items.add(e == null ? new Val(QUnaryPrimitive.of(Primitives.ELIDED), t.pos()) : e);
                if (t.kind() == Kind.SEMI) {
                    return f;
                }
                if (t.kind() != Kind.RBRACKET) {
                    throw new QTextException("expected ; or ] to go with the [ at " + f.open.pos() + " but found "
                            + describe(t), t.pos());
                }
                return afterValue(f.part == Part.ARGS ? projection(f) : composition(f), f.parent);
            default: {
                if (e == null) {
                    throw new QTextException("column " + f.column.text() + " has no value", t.pos());
                }
                (f.part == Part.KEYS ? f.keys : f.columns).add(new Column(f.column.text(), e.value(),
                        f.column.pos()));
                Kind closer = f.part == Part.KEYS ? Kind.RBRACKET : Kind.RPAREN;
                if (t.kind() == Kind.SEMI) {
                    readColumnName(f);
                    return f;
                }
                if (t.kind() != closer) {
                    throw new QTextException("expected ; or " + (closer == Kind.RPAREN ? ")" : "]")
                            + " in a table, found " + describe(t), t.pos());
                }
                if (f.part == Part.KEYS) {
                    f.part = Part.COLUMNS;
                    return beginColumn(f);
                }
                return afterValue(table(f), f.parent);
            }
        }
    }

    /** {@code (x)} is x; {@code (a;b;c)} collapses as q does. */
    private static Val list(Frame f) {
        if (f.items.size() == 1) {
            return f.items.get(0);
        }
        List<QValue> values = new ArrayList<>(f.items.size());
        for (Val e : f.items) {
            values.add(e.value());
        }
        try {
            return new Val(Values.collapse(values), f.open.pos());
        } catch (IllegalArgumentException e) {
            throw refused(e, f.open.pos());
        }
    }

    /** {@code f[a;;b]}: empty slots are the elided argument (unary code 255). */
    private static Val projection(Frame f) {
        List<QValue> items = new ArrayList<>(f.items.size() + 1);
        items.add(f.head.value());
        for (Val e : f.items) {
            items.add(e.value());
        }
        try {
            return new Val(new QProjection(items), f.head.pos);
        } catch (IllegalArgumentException e) {
            throw refused(e, f.open.pos());
        }
    }

    /** {@code '[f;g]}. */
    private static Val composition(Frame f) {
        List<QValue> items = new ArrayList<>(f.items.size());
        for (Val e : f.items) {
            items.add(e.value());
        }
        int pos = f.open.pos() - 1;
        try {
            return new Val(new QComposition(items), pos);
        } catch (IllegalArgumentException e) {
            throw refused(e, pos);
        }
    }

    /**
     * At the start of a table part ({@code [k:…]} or the columns after it): an empty part ends at once, else the
     * first column's name follows.
     *
     * @return the frame to continue in
     */
    private Frame beginColumn(Frame f) {
        if (f.part == Part.KEYS && lexer.peek().kind() == Kind.RBRACKET) {
            lexer.next();
            f.part = Part.COLUMNS;
        }
        if (f.part == Part.COLUMNS && lexer.peek().kind() == Kind.RPAREN) {
            lexer.next();
            return afterValue(table(f), f.parent);
        }
        readColumnName(f);
        return f;
    }

    /** {@code name:} before a column's value. */
    private void readColumnName(Frame f) {
        Token name = lexer.next();
        if (name.kind() != Kind.NAME) {
            throw new QTextException("expected a column name, found " + describe(name), name.pos());
        }
        Token colon = lexer.next();
        if (colon.kind() != Kind.VERB || !colon.text().equals(":")) {
            throw new QTextException("expected : after the column name " + name.text(), colon.pos());
        }
        f.column = name;
    }

    /** {@code ([] a:1 2; b:`x`y)} and {@code ([k:1 2] v:`a`b)}; atoms are repeated to the length of the lists. */
    private static Val table(Frame f) {
        Token open = f.open;
        int rows = -1;
        for (List<Column> part : List.of(f.keys, f.columns)) {
            for (Column c : part) {
                if (c.value instanceof QSequence s) {
                    if (rows >= 0 && s.count() != rows) {
                        throw new QTextException("column " + c.name + " has " + s.count() + " rows, not " + rows
                                + " ('length)", c.pos);
                    }
                    rows = s.count();
                } else if (!(c.value instanceof QAtom)) {
                    throw new QTextException("column " + c.name + " must be a list or an atom, not a "
                            + Values.describe(c.value), c.pos);
                }
            }
        }
        if (rows < 0) {
            throw new QTextException("a table needs at least one list column", open.pos());
        }
        try {
            QTable values = build(f.columns, rows);
            if (f.keys.isEmpty()) {
                return new Val(values, open.pos());
            }
            return new Val(QKeyedTable.of(build(f.keys, rows), values), open.pos());
        } catch (IllegalArgumentException e) {
            throw new QTextException("bad table: " + e.getMessage(), open.pos(), e);
        }
    }

    private static QTable build(List<Column> columns, int rows) {
        String[] names = new String[columns.size()];
        QSequence[] cols = new QSequence[columns.size()];
        for (int i = 0; i < cols.length; i++) {
            names[i] = columns.get(i).name;
            QValue v = columns.get(i).value;
            cols[i] = v instanceof QSequence s ? s : QVectors.ofAtoms(v.type(), Collections.nCopies(rows, v));
        }
        return QTable.wrap(names, cols, Attribute.NONE);
    }

    // ------------------------------------------------------------------ evaluation, right to left

    private Val evaluate(List<Term> terms) {
        int i = terms.size() - 1;
        Val r = terms.get(i).noun;
        i--;
        while (i >= 0) {
            Term t = terms.get(i);
            boolean dyadic = t.verb != null && i >= 1 && terms.get(i - 1).noun != null;
            if (dyadic && (t.verb.equals(",") || t.verb.equals("_"))) {
                // a chain a,b,c,d or 1_-1_x: one pass over all of it, not one copy per verb
                List<Val> lefts = new ArrayList<>();
                int first = i;
                while (i >= 1 && t.verb.equals(terms.get(i).verb) && terms.get(i - 1).noun != null) {
                    first = i;
                    lefts.add(terms.get(i - 1).noun);
                    i -= 2;
                }
                int pos = terms.get(first).pos;
                if (t.verb.equals(",")) {
                    List<Val> operands = new ArrayList<>(lefts.size() + 1);
                    for (int k = lefts.size() - 1; k >= 0; k--) {
                        operands.add(lefts.get(k));
                    }
                    operands.add(r);
                    r = new Val(Verbs.join(operands, pos), operands.get(0).pos);
                } else {
                    r = new Val(Verbs.drop(lefts, r, pos), lefts.get(lefts.size() - 1).pos);
                }
            } else if (dyadic) {
                r = dyad(t, terms.get(i - 1).noun, r);
                i -= 2;
            } else if (t.verb != null) {
                r = monad(t, r);
                i--;
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
                case "$": return new Val(Verbs.cast(l.value(), r.value(), verb.pos), l.pos);
                default:
                    throw new QTextException("the verb " + verb.verb + " is not supported between two values: q4j "
                            + "reads literals and builds them with ! # $ _ , only", verb.pos);
            }
        } catch (IllegalArgumentException e) {
            throw refused(e, verb.pos);
        }
    }

    private Val dict(Term verb, Val l, Val r) {
        QValue lv = l.value();
        QValue rv = r.value();
        if (lv instanceof QLong || lv instanceof QInt) {
            long n = lv instanceof QLong x ? x.value() : ((QInt) lv).value();
            if (n != -9 || !(rv instanceof QByteVector bytes)) {
                throw new QTextException("only the internal function -9! (deserialise a byte vector) is supported, not "
                        + n + "! of a " + Values.describe(rv), l.pos);
            }
            try {
                return new Val(DECODER.decode(bytes.array()).value(), l.pos);
            } catch (Q4jException | IllegalArgumentException e) {
                throw new QTextException("-9! cannot decode the bytes: " + e.getMessage(), r.pos, e);
            }
        }
        if (!isListLike(lv) || !isListLike(rv)) {
            throw new QTextException("! makes a dictionary from two lists of the same length, not from a "
                    + Values.describe(lv) + " and a " + Values.describe(rv), verb.pos);
        }
        Val d;
        if (lv instanceof QTable k && rv instanceof QTable v) {
            d = new Val(QKeyedTable.of(k, v), l.pos);
        } else if (lv instanceof QSymbolVector && Math.max(lv.depth(), rv.depth()) >= QValue.MAX_DEPTH) {
            // +names!columns of a table as deep as a value may be: the dictionary alone would be one level deeper
            d = new Val(null, l.pos);
            d.flipKeys = lv;
            d.flipValues = rv;
            d.tooDeep = "a dictionary nested deeper than " + QValue.MAX_DEPTH + " levels (only + can make a table of "
                    + "it)";
        } else {
            d = new Val(QDict.of(lv, rv), l.pos);
        }
        d.keysAttributeRemoved = l.attributeRemoved;
        return d;
    }

    private static boolean isListLike(QValue v) {
        return v instanceof QSequence || v instanceof QTable;
    }

    private Val monad(Term verb, Val r) {
        try {
            switch (verb.verb) {
                case "+": return new Val(Verbs.flip(r, verb.pos), verb.pos);
                case ",": return new Val(Values.enlist(r.value()), verb.pos);
                default:
                    throw new QTextException("the verb " + verb.verb + " is not supported with one argument: q4j reads "
                            + "literals and only knows , (enlist) and + (flip) this way", verb.pos);
            }
        } catch (IllegalArgumentException e) {
            throw refused(e, verb.pos);
        }
    }

    /** {@code f x}: only enlist and flip are applied; anything else would need a q interpreter. */
    private Val apply(Val f, Val x) {
        QValue fv = f.value();
        try {
            if (fv instanceof QUnaryPrimitive p) {
                if (p.code() == Primitives.ENLIST || p.code() == Primitives.ENLIST_K) {
                    return new Val(Values.enlist(x.value()), f.pos);
                }
                if (p.code() == Primitives.FLIP) {
                    return new Val(Verbs.flip(x, f.pos), f.pos);
                }
            }
        } catch (IllegalArgumentException e) {
            throw refused(e, f.pos);
        }
        throw new QTextException("cannot apply a " + Values.describe(fv) + " to a value: q4j reads literals and "
                + "only applies enlist and flip", x.pos);
    }
}
