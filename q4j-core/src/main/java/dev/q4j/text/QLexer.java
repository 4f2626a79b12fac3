package dev.q4j.text;

import dev.q4j.value.QError;
import dev.q4j.value.QIterator;
import dev.q4j.value.QLambda;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QUtf8;
import dev.q4j.value.QValue;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits q text into tokens. Literals (numbers and vectors of them, strings, symbols, lambdas, glyph forms of unary
 * primitives such as {@code +:}, errors) come out as finished values; verbs, iterators, names and punctuation come
 * out as text. Whether {@code '}, {@code /} or {@code \} is an iterator applied to what precedes it or a value of its
 * own, and whether {@code -} starts a negative number, depends on the previous token, as in q.
 */
final class QLexer {
    enum Kind { NOUN, NAME, VERB, ADVERB, COMPOSE, LPAREN, RPAREN, LBRACKET, RBRACKET, SEMI, EOF }

    /**
     * @param kind what it is
     * @param text the source text of verbs, adverbs and names
     * @param value the value of a NOUN
     * @param pos 0-based offset of the first character
     */
    record Token(Kind kind, String text, QValue value, int pos) {
    }

    private static final String VERB_GLYPHS = "+-*%&|^=<>$,#_~!?@.";

    private final String s;
    private final int n;
    private int p;
    private Kind previous;
    private Token peeked;

    QLexer(String text) {
        this.s = text;
        this.n = text.length();
    }

    Token peek() {
        if (peeked == null) {
            peeked = lex();
        }
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    static QTextException error(String message, int pos) {
        return new QTextException(message, pos);
    }

    /** {@return how far the text has been read: where a problem found without a token is reported} */
    int position() {
        return p;
    }

    // ------------------------------------------------------------------ tokens

    private Token lex() {
        boolean space = skipSpace();
        Token t = lexToken(space);
        previous = t.kind();
        return t;
    }

    private boolean skipSpace() {
        int start = p;
        while (p < n && isSpace(s.charAt(p))) {
            p++;
        }
        return p > start;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private boolean nounStart() {
        return previous == null || previous == Kind.LPAREN || previous == Kind.LBRACKET || previous == Kind.SEMI;
    }

    private Token lexToken(boolean spaceBefore) {
        int start = p;
        if (p >= n) {
            return new Token(Kind.EOF, "", null, p);
        }
        char c = s.charAt(p);
        switch (c) {
            case '(': p++; return new Token(Kind.LPAREN, "(", null, start);
            case ')': p++; return new Token(Kind.RPAREN, ")", null, start);
            case '[': p++; return new Token(Kind.LBRACKET, "[", null, start);
            case ']': p++; return new Token(Kind.RBRACKET, "]", null, start);
            case ';': p++; return new Token(Kind.SEMI, ";", null, start);
            case '"': return noun(Literals.chars(string()), start);
            case '`': return noun(symbols(), start);
            case '{': return lambda("", start);
            case '\'': case '/': case '\\': return iterator(start);
            case ':':
                if (at(p + 1) == ':') {
                    p += 2;
                    return noun(QUnaryPrimitive.of(0), start);
                }
                p++;
                return new Token(Kind.VERB, ":", null, start);
            default:
                break;
        }
        if (c == '-' && startsNumber(p + 1) && (spaceBefore || previous == null || previous == Kind.LPAREN
                || previous == Kind.LBRACKET || previous == Kind.SEMI || previous == Kind.VERB
                || previous == Kind.ADVERB || previous == Kind.NAME)) {
            return noun(numbers(), start);
        }
        if (c == '.' && isLetter(at(p + 1))) {
            return dotName(start);
        }
        if (c == '.' && isDigit(at(p + 1))) {
            return noun(numbers(), start);
        }
        if (VERB_GLYPHS.indexOf(c) >= 0) {
            if (at(p + 1) == ':' && at(p + 2) != ':') {
                p += 2;
                return noun(QUnaryPrimitive.of(Primitives.unaryCode(c + ":")), start);
            }
            p++;
            return new Token(Kind.VERB, String.valueOf(c), null, start);
        }
        if (c >= '0' && c <= '2' && at(p + 1) == ':' && !isDigit(at(p + 2))) {
            if (at(p + 2) == ':') {
                p += 3;
                return noun(QUnaryPrimitive.of(Primitives.unaryCode(c + "::")), start);
            }
            p += 2;
            return new Token(Kind.VERB, c + ":", null, start);
        }
        if (c == '0' && at(p + 1) == 'x') {
            return noun(bytes(), start);
        }
        if (isDigit(c)) {
            return noun(numbers(), start);
        }
        if (isLetter(c)) {
            int e = nameEnd(p);
            String name = s.substring(p, e);
            if (name.equals("k") && at(e) == ')' && at(e + 1) == '{') {
                return lambda("", start);
            }
            if (name.equals("value") && at(skipBlanks(e)) == '"') {
                p = skipBlanks(e);
                return valueLambda("", start);
            }
            p = e;
            return new Token(Kind.NAME, name, null, start);
        }
        int cp = s.codePointAt(p);
        boolean lone = Character.isSurrogate(c) && cp == c;
        throw error("unexpected " + (lone ? "lone surrogate " : "character ")
                + (c > ' ' && c < 0x7f ? "'" + c + "'" : Strings.codePoint(cp)), p);
    }

    private Token noun(QValue v, int start) {
        return new Token(Kind.NOUN, s.substring(start, p), v, start);
    }

    private char at(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isNameChar(char c) {
        return isLetter(c) || isDigit(c) || c == '_';
    }

    /** A name: letters, digits and underscores, in dot-separated parts ({@code a.b}). */
    private int nameEnd(int i) {
        while (isNameChar(at(i)) || at(i) == '.' && isNameChar(at(i + 1))) {
            i++;
        }
        return i;
    }

    /** Skips spaces and tabs from {@code i}; returns where they end. */
    private int skipBlanks(int i) {
        while (at(i) == ' ' || at(i) == '\t') {
            i++;
        }
        return i;
    }

    /**
     * {@code .ctx)}{lambda} or {@code .ctx)value"…"} (q4j's notation for a lambda defined in namespace ctx) or a
     * dotted name.
     */
    private Token dotName(int start) {
        int e = nameEnd(p + 1);
        if (at(e) == ')' && (at(e + 1) == '{' || at(e + 1) == 'k' && at(e + 2) == ')' && at(e + 3) == '{')) {
            String context = s.substring(p + 1, e);
            p = e + 1;
            return lambda(context, start);
        }
        if (at(e) == ')' && s.startsWith("value", e + 1) && at(skipBlanks(e + 6)) == '"') {
            String context = s.substring(p + 1, e);
            p = skipBlanks(e + 6);
            return valueLambda(context, start);
        }
        String name = s.substring(p, e);
        p = e;
        return new Token(Kind.NAME, name, null, start);
    }

    private Token lambda(String context, int start) {
        int end = lambdaEnd(s, p);
        if (end < 0) {
            throw error("lambda without its closing }", p);
        }
        String source = s.substring(p, end);
        int bad = Strings.badSurrogate(source);
        if (bad >= 0) {
            throw error("a lambda's source cannot hold the lone surrogate " + Strings.codePoint(source.charAt(bad))
                    + ", which has no UTF-8 form", p + bad);
        }
        p = end;
        return noun(new QLambda(context, source), start);
    }

    /**
     * {@code value"…"} at p (the string): q4j's one-line form of a lambda whose source holds line breaks or other
     * bytes that do not print. Only the source of a lambda is accepted; q4j does not evaluate other text.
     */
    private Token valueLambda(String context, int start) {
        int at = p;
        byte[] bytes = string();
        String source = QUtf8.decode(bytes, 0, bytes.length);
        if (lambdaEnd(source, 0) != source.length()) {
            throw error("value\"…\" is read only for the source of a lambda, {…} or k){…}: q4j reads literals and "
                    + "does not evaluate q", at);
        }
        return noun(new QLambda(context, source), start);
    }

    /**
     * Finds the end of a lambda's source: {@code {…}} or {@code k){…}} with nested braces, skipping strings and
     * comments (a {@code /} after whitespace runs to the end of the line).
     *
     * @param text the text
     * @param start where the lambda starts
     * @return the offset just after its closing brace, or -1 when it has none
     */
    static int lambdaEnd(CharSequence text, int start) {
        int len = text.length();
        int i = start;
        if (i + 2 < len && text.charAt(i) == 'k' && text.charAt(i + 1) == ')') {
            i += 2;
        }
        if (i >= len || text.charAt(i) != '{') {
            return -1;
        }
        int depth = 0;
        for (; i < len; i++) {
            char c = text.charAt(i);
            if (c == '"') {
                i++;
                while (i < len && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\') {
                        i++;
                    }
                    i++;
                }
                if (i >= len) {
                    return -1;
                }
            } else if (c == '/' && isSpace(text.charAt(i - 1))) {
                while (i < len && text.charAt(i) != '\n') {
                    i++;
                }
                if (i >= len) {
                    return -1;
                }
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    /**
     * {@code '}, {@code /}, {@code \} and their {@code :} forms. After a noun, a verb or another iterator they derive
     * a function; where a value starts they are one: {@code '[f;g]} (composition), {@code 'word} or
     * {@code '"text"} (an error) or the iterator itself.
     */
    private Token iterator(int start) {
        char c = s.charAt(p);
        if (nounStart() && c == '\'') {
            char d = at(p + 1);
            if (d == '[') {
                p++;
                return new Token(Kind.COMPOSE, "'", null, start);
            }
            if (d == '"') {
                p++;
                byte[] text = string();
                String message = QUtf8.decode(text, 0, text.length);
                if (message.indexOf('\0') >= 0) {
                    throw error("an error text cannot contain a NUL character", start);
                }
                return noun(new QError(message), start);
            }
            if (isNameChar(d) || d == '.' || d == '-') {
                int e = p + 1;
                while (isNameChar(at(e)) || at(e) == '.' || at(e) == '-') {
                    e++;
                }
                String message = s.substring(p + 1, e);
                p = e;
                return noun(new QError(message), start);
            }
        }
        String glyph = at(p + 1) == ':' ? c + ":" : String.valueOf(c);
        p += glyph.length();
        if (nounStart()) {
            return noun(QIterator.of(Primitives.iteratorCode(glyph)), start);
        }
        return new Token(Kind.ADVERB, glyph, null, start);
    }

    // ------------------------------------------------------------------ strings and symbols

    /** Reads {@code "…"} at p and returns its bytes. */
    private byte[] string() {
        int start = p;
        p++;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            if (p >= n) {
                throw error("string without its closing \"", start);
            }
            char c = s.charAt(p);
            if (c == '"') {
                p++;
                return out.toByteArray();
            }
            if (c == '\\') {
                char e = at(p + 1);
                switch (e) {
                    case '"': out.write('"'); p += 2; continue;
                    case '\\': out.write('\\'); p += 2; continue;
                    case 'n': out.write('\n'); p += 2; continue;
                    case 't': out.write('\t'); p += 2; continue;
                    case 'r': out.write('\r'); p += 2; continue;
                    default:
                        if (e >= '0' && e <= '3' && isOctal(at(p + 2)) && isOctal(at(p + 3))) {
                            out.write((e - '0') << 6 | (at(p + 2) - '0') << 3 | (at(p + 3) - '0'));
                            p += 4;
                            continue;
                        }
                        throw error("unknown escape \\" + (e == '\0' ? "" : String.valueOf(e))
                                + " in string: use \\\" \\\\ \\n \\t \\r or three octal digits", p);
                }
            }
            if (c < 0x80) {
                out.write(c);
                p++;
            } else {
                // the text as QUtf8 writes it: U+DC80 .. U+DCFF stand for single bytes, other lone surrogates have
                // no bytes at all
                int len = Character.isHighSurrogate(c) && Character.isLowSurrogate(at(p + 1)) ? 2 : 1;
                String ch = s.substring(p, p + len);
                if (Strings.badSurrogate(ch) >= 0) {
                    throw error("a string cannot hold the lone surrogate " + Strings.codePoint(c)
                            + ", which has no UTF-8 form", p);
                }
                byte[] utf8 = QUtf8.encode(ch);
                out.write(utf8, 0, utf8.length);
                p += len;
            }
        }
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    /** {@code `a}, {@code `}, {@code `a`b`c}; after {@code `:} the characters {@code :} and {@code /} are allowed. */
    private QValue symbols() {
        List<String> items = new ArrayList<>();
        while (at(p) == '`') {
            p++;
            int start = p;
            boolean handle = at(p) == ':';
            while (isNameChar(at(p)) || at(p) == '.' || handle && (at(p) == ':' || at(p) == '/')) {
                p++;
            }
            items.add(s.substring(start, p));
        }
        if (items.size() == 1) {
            return QSymbol.of(items.get(0));
        }
        return QSymbolVector.of(items.toArray(new String[0]));
    }

    // ------------------------------------------------------------------ numbers

    private QValue bytes() {
        int start = p;
        p += 2;
        int from = p;
        while (isDigit(at(p)) || at(p) >= 'a' && at(p) <= 'f' || at(p) >= 'A' && at(p) <= 'F') {
            p++;
        }
        int digits = p - from;
        if (digits == 0 || digits % 2 != 0 || isNameChar(at(p))) {
            throw error("a byte literal is 0x followed by pairs of hex digits", start);
        }
        byte[] b = new byte[digits / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(from + 2 * i, from + 2 * i + 2), 16);
        }
        return Literals.bytes(b);
    }

    /** True when a number item (possibly after a '-') starts at i. */
    private boolean startsNumber(int i) {
        char c = at(i);
        return isDigit(c) || c == '.' && isDigit(at(i + 1));
    }

    /** Reads one number item or several separated by spaces (a vector literal) and converts them. */
    private QValue numbers() {
        List<Literals.Item> items = new ArrayList<>();
        items.add(item());
        while (true) {
            int j = p;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j == p) {
                break;
            }
            char c = at(j);
            boolean more = c == '-' ? startsNumber(j + 1) : startsNumber(j);
            if (!more || c >= '0' && c <= '2' && at(j + 1) == ':' && !isDigit(at(j + 2))
                    || c == '0' && at(j + 1) == 'x') {
                break;
            }
            p = j;
            items.add(item());
        }
        return Literals.numbers(items);
    }

    /** One item: {@code -?} then a special ({@code 0N 0W 0n 0w}), a temporal or a number, then a type letter. */
    private Literals.Item item() {
        int start = p;
        boolean negative = at(p) == '-';
        if (negative) {
            p++;
        }
        int bodyStart = p;
        Literals.Shape shape;
        if (at(p) == '0' && "NnWw".indexOf(at(p + 1)) >= 0) {
            p += 2;
            shape = Character.toUpperCase(s.charAt(p - 1)) == 'N' ? Literals.Shape.NULL : Literals.Shape.INFINITY;
        } else if (digits(p, 4) && at(p + 4) == '.' && digits(p + 5, 2) && at(p + 7) == '.' && digits(p + 8, 2)) {
            p += 10;
            shape = Literals.Shape.DATE;
            if (at(p) == 'D') {
                p++;
                clock();
                shape = Literals.Shape.TIMESTAMP;
            } else if (at(p) == 'T') {
                p++;
                clock();
                shape = Literals.Shape.DATETIME;
            }
        } else {
            int d = p;
            while (isDigit(at(d))) {
                d++;
            }
            if (d > p && at(d) == 'D') {
                p = d + 1;
                clock();
                shape = Literals.Shape.TIMESPAN;
            } else if (d > p && at(d) == ':' && digits(d + 1, 2)) {
                clock();
                shape = Literals.Shape.CLOCK;
            } else {
                shape = decimal() ? Literals.Shape.DECIMAL : Literals.Shape.INTEGER;
            }
        }
        String body = s.substring(bodyStart, p);
        char suffix = 0;
        if (isLetter(at(p))) {
            char c = at(p);
            if (Literals.SUFFIXES.indexOf(c) < 0 || isLetter(at(p + 1)) || isDigit(at(p + 1))) {
                throw error("unexpected '" + c + "' after the number " + s.substring(start, p), p);
            }
            suffix = c;
            p++;
        }
        if (isLetter(at(p)) || isDigit(at(p)) || at(p) == '.' && isDigit(at(p + 1))) {
            throw error("malformed number " + s.substring(start, p + 1), start);
        }
        return new Literals.Item(start, negative, shape, body, suffix);
    }

    private boolean digits(int i, int count) {
        for (int k = 0; k < count; k++) {
            if (!isDigit(at(i + k))) {
                return false;
            }
        }
        return true;
    }

    /** An optional clock after D or T, or a whole clock: {@code h+:mm[:ss[.f*]]}. */
    private void clock() {
        int d = p;
        while (isDigit(at(d))) {
            d++;
        }
        if (d == p || at(d) != ':' || !digits(d + 1, 2)) {
            if (d != p) {
                throw error("a time is written hh:mm, hh:mm:ss or hh:mm:ss.fff", p);
            }
            return;
        }
        p = d + 3;
        if (at(p) == ':' && digits(p + 1, 2)) {
            p += 3;
            if (at(p) == '.') {
                p++;
                while (isDigit(at(p))) {
                    p++;
                }
            }
        }
    }

    /** Digits with an optional fraction and exponent; returns true when it has a '.' or an exponent. */
    private boolean decimal() {
        boolean dec = false;
        while (isDigit(at(p))) {
            p++;
        }
        if (at(p) == '.') {
            dec = true;
            p++;
            while (isDigit(at(p))) {
                p++;
            }
        }
        if (at(p) == 'e' && (isDigit(at(p + 1)) || (at(p + 1) == '+' || at(p + 1) == '-') && isDigit(at(p + 2)))) {
            dec = true;
            p += 2;
            while (isDigit(at(p))) {
                p++;
            }
        }
        return dec;
    }
}
