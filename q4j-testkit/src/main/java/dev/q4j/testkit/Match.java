package dev.q4j.testkit;

import dev.q4j.server.FunctionCall;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which requests a stub of {@link FakeKdb} answers, or a verification counts: by exact q text, by a pattern, by a
 * call of a named function with argument matchers, or by value; of either kind (sync or async) unless narrowed with
 * {@link #sync()} or {@link #async()}. Its {@link #toString()} is how failure messages show it.
 *
 * <pre>{@code
 * Match.query("count trade")                              // h"count trade"
 * Match.pattern("select .* from trade.*")                 // any text request matching the regular expression
 * Match.call(".api.trades", "IBM", Arg.any())             // h(".api.trades";`IBM;...) or h".api.trades[`IBM;...]"
 * Match.call(".u.upd", "trade", Arg.any()).async()         // neg[h](`.u.upd;`trade;rows)
 * }</pre>
 */
public final class Match {
    private final String description;
    private final Predicate<QValue> test;
    private final Received.Kind kind;

    private Match(String description, Predicate<QValue> test, Received.Kind kind) {
        this.description = description;
        this.test = test;
        this.kind = kind;
    }

    /**
     * {@return a match of a request that is exactly this q text (a string sent to be evaluated)}
     *
     * @param text the text, e.g. {@code "select from trade where sym=`IBM"}
     */
    public static Match query(String text) {
        Objects.requireNonNull(text, "text");
        return new Match(QCharVector.of(text).toString(),
                v -> v instanceof QCharVector c && c.asString().equals(text), null);
    }

    /**
     * {@return a match of a request whose text matches the regular expression as a whole: a string request's text,
     * any other request's q text (so {@code "\\(`\\.api\\.trades;.*"} matches a call sent as a list)}
     *
     * @param regex a {@link Pattern} regular expression
     */
    public static Match pattern(String regex) {
        Pattern p = Pattern.compile(regex);
        return new Match("pattern /" + regex + "/", v -> p.matcher(textOf(v)).matches(), null);
    }

    /**
     * {@return a match of a call of the named function, sent as a list {@code (`f;x;y)} or {@code ("f";x;y)} or as
     * the text {@code "f[x;y]"} with literal arguments, with exactly as many arguments as matchers (none matches
     * {@code f[]}, sent as {@code (`f;::)}, too)}
     *
     * @param function the function's name, e.g. {@code ".u.upd"}
     * @param args one per argument: an {@link Arg}, or a value for {@link Arg#eq(Object)} (a q value, or a Java
     *     value: a {@code String} is a symbol)
     */
    public static Match call(String function, Object... args) {
        Objects.requireNonNull(function, "function");
        List<Arg> matchers = new ArrayList<>();
        for (Object a : args) {
            matchers.add(Arg.eq(a));
        }
        StringJoiner text = new StringJoiner(";", function + "[", "]");
        matchers.forEach(m -> text.add(m.toString()));
        return new Match(text.toString(), v -> callMatches(FunctionCall.of(v), function, matchers), null);
    }

    /**
     * {@return a match of exactly this value}
     *
     * @param value the value a client sends
     */
    public static Match value(QValue value) {
        Objects.requireNonNull(value, "value");
        return new Match(value.toString(), value::equals, null);
    }

    /** {@return a match of every request} */
    public static Match any() {
        return new Match("anything", v -> true, null);
    }

    /**
     * {@return a match of values passing the test}
     *
     * @param description what it accepts, for failure messages
     * @param test the test
     */
    public static Match that(String description, Predicate<QValue> test) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        return new Match("<" + description + ">", test, null);
    }

    /** {@return this match, of sync requests only} */
    public Match sync() {
        return new Match(description, test, Received.Kind.SYNC);
    }

    /** {@return this match, of async messages only} */
    public Match async() {
        return new Match(description, test, Received.Kind.ASYNC);
    }

    /**
     * {@return true when the message matches}
     *
     * @param message a message as received
     */
    public boolean matches(Received message) {
        return (kind == null || kind == message.kind()) && matchesValue(message.value());
    }

    /**
     * {@return true when the value matches, whatever the kind}
     *
     * @param value what a client sent
     */
    public boolean matchesValue(QValue value) {
        try {
            return test.test(value);
        } catch (RuntimeException e) {
            // a predicate of the test's own that cannot read this value: not a match
            return false;
        }
    }

    /** {@return the match in q-like text, with {@code sync} or {@code async} in front when narrowed} */
    @Override
    public String toString() {
        return kind == null ? description : kind.name().toLowerCase(java.util.Locale.ROOT) + " " + description;
    }

    private static boolean callMatches(Optional<FunctionCall> call, String function, List<Arg> args) {
        if (call.isEmpty() || !call.get().name().equals(function)) {
            return false;
        }
        List<QValue> given = call.get().args();
        if (args.isEmpty() && given.size() == 1 && given.get(0).isGenericNull()) {
            return true;   // f[] is sent as (`f;::)
        }
        if (given.size() != args.size()) {
            return false;
        }
        for (int i = 0; i < args.size(); i++) {
            if (!args.get(i).matches(given.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String textOf(QValue v) {
        return v instanceof QCharVector c ? c.asString() : v.toString();
    }
}
