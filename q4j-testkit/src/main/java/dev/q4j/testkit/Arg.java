package dev.q4j.testkit;

import dev.q4j.value.Q;
import dev.q4j.value.QType;
import dev.q4j.value.QValue;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Matches one argument of a function call in a stub or a verification of {@link FakeKdb}: an exact value, any value,
 * a type, or a predicate of the test's own. Its {@link #toString()} is how failure messages show it.
 *
 * <pre>{@code
 * fake.whenCall(".api.trades", Arg.eq("IBM"), Arg.any()).thenReturn(trades);
 * fake.verify(Match.call(".u.upd", "trade", Arg.type(QType.TABLE)));   // plain Java values are Arg.eq
 * }</pre>
 */
public final class Arg {
    private final String description;
    private final Predicate<QValue> test;

    private Arg(String description, Predicate<QValue> test) {
        this.description = description;
        this.test = test;
    }

    /**
     * {@return a matcher of exactly this value}
     *
     * @param value a q value, or a Java value converted as {@link Q#of(Object)} converts it (a {@code String} is a
     *     symbol, a {@code long} a q long, a {@code LocalDate} a q date)
     */
    public static Arg eq(Object value) {
        if (value instanceof Arg a) {
            return a;
        }
        QValue expected = value instanceof QValue v ? v : Q.of(value);
        return new Arg(expected.toString(), expected::equals);
    }

    /** {@return a matcher of any value} */
    public static Arg any() {
        return new Arg("_", v -> true);
    }

    /**
     * {@return a matcher of any value of this type (an atom of the type, or a vector of it)}
     *
     * @param type the type
     */
    public static Arg type(QType type) {
        Objects.requireNonNull(type, "type");
        return new Arg("<" + type.qName() + ">", v -> v.type() == type);
    }

    /**
     * {@return a matcher of values passing the test}
     *
     * @param description what it accepts, for failure messages
     * @param test the test
     */
    public static Arg that(String description, Predicate<QValue> test) {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(test, "test");
        return new Arg("<" + description + ">", test);
    }

    /**
     * {@return true when {@code value} matches}
     *
     * @param value an argument as received
     */
    public boolean matches(QValue value) {
        return test.test(value);
    }

    /** {@return the matcher in q-like text: the value's q text, {@code _} for any, {@code <what>} otherwise} */
    @Override
    public String toString() {
        return description;
    }
}
