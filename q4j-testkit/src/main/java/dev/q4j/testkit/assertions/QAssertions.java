package dev.q4j.testkit.assertions;

import dev.q4j.QErrorException;
import dev.q4j.value.QValue;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * Entry points of the AssertJ assertions on q values (AssertJ is an optional dependency of q4j-testkit: add it to
 * use these). Failure messages show values as q text.
 *
 * <pre>{@code
 * import static dev.q4j.testkit.assertions.QAssertions.assertThat;
 * import static dev.q4j.testkit.assertions.QAssertions.assertThatQError;
 *
 * assertThat(q.query("select from trade")).isTable().hasColumns("sym", "px").containsRow("IBM", 101.5);
 * assertThat(q.query("1%3")).usingTolerance(1e-9).isEqualTo(0.333333333);
 * assertThatQError(() -> q.query("1+`a")).isEqualTo("type");
 * }</pre>
 */
@SuppressWarnings("exports")   // AssertJ is an optional dependency: users of this class have it
public final class QAssertions {
    private QAssertions() {
    }

    /**
     * {@return assertions on a q value}
     *
     * @param actual the value
     */
    public static QValueAssert assertThat(QValue actual) {
        return new QValueAssert(actual);
    }

    /**
     * {@return assertions on the text of the q error the code throws (as {@link QErrorException#qMessage()})}
     *
     * @param call code expected to throw a {@link QErrorException}
     */
    public static AbstractStringAssert<?> assertThatQError(ThrowingCallable call) {
        Throwable t = Assertions.catchThrowable(call);
        if (!(t instanceof QErrorException e)) {
            throw new AssertionError(t == null ? "expected a q error, nothing was thrown"
                    : "expected a q error, " + t + " was thrown", t);
        }
        return Assertions.assertThat(e.qMessage()).as("the q error '%s", e.qMessage());
    }
}
