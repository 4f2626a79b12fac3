package dev.q4j.server;

import dev.q4j.text.QText;
import dev.q4j.text.QTextException;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QList;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request read as a call of a named function, in either form q clients send it: the list {@code (".u.sub";`t;`)}
 * (or with the name as a symbol, {@code (`.u.sub;`t;`)}), or the text {@code ".u.sub[`t;`]"} with literal
 * arguments.
 *
 * <pre>{@code
 * FunctionCall.of(request).ifPresent(call -> {
 *     if (call.name().equals(".u.sub")) { ... call.args() ... }
 * });
 * }</pre>
 *
 * @param name the function's name
 * @param args its arguments
 */
public record FunctionCall(String name, List<QValue> args) {

    /**
     * Checks and holds the call.
     *
     * @param name the function's name
     * @param args its arguments
     */
    public FunctionCall {
        args = List.copyOf(args);
    }

    /**
     * {@return the call, or empty when the request is not a call of a named function with literal arguments}
     *
     * @param request what a client sent
     */
    public static Optional<FunctionCall> of(QValue request) {
        if (request instanceof QList l && l.count() >= 1) {
            String name = nameOf(l.at(0));
            if (name != null) {
                List<QValue> args = new ArrayList<>(l.items().subList(1, l.count()));
                return Optional.of(new FunctionCall(name, args));
            }
            return Optional.empty();
        }
        if (request instanceof QCharVector text) {
            return parse(text.asString().trim());
        }
        return Optional.empty();
    }

    private static String nameOf(QValue v) {
        if (v instanceof QSymbol s) {
            return s.value();
        }
        if (v instanceof QCharVector c) {
            return c.asString();
        }
        return null;
    }

    private static Optional<FunctionCall> parse(String text) {
        int open = text.indexOf('[');
        if (open <= 0 || !text.endsWith("]") || !text.substring(0, open).matches("[.A-Za-z][.A-Za-z0-9_]*")) {
            return Optional.empty();
        }
        List<QValue> args = new ArrayList<>();
        String inner = text.substring(open + 1, text.length() - 1);
        int depth = 0;
        int start = 0;
        boolean quoted = false;
        for (int i = 0; i <= inner.length(); i++) {
            char c = i < inner.length() ? inner.charAt(i) : ';';
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
                continue;
            }
            if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ';' && depth == 0) {
                String arg = inner.substring(start, i).trim();
                try {
                    args.add(arg.isEmpty() ? dev.q4j.value.Q.NIL : QText.parse(arg));
                } catch (QTextException e) {
                    return Optional.empty();
                }
                start = i + 1;
            }
        }
        return Optional.of(new FunctionCall(text.substring(0, open), args));
    }
}
