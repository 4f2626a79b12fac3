/**
 * AssertJ assertions on q values ({@link dev.q4j.testkit.assertions.QAssertions}): tables (columns, types, rows,
 * {@code containsRows}), vectors ({@code containsExactly}), dictionaries, q errors; equality modulo column order or
 * within a float tolerance where asked; failure messages in q text, with where the values first differ. Needs
 * AssertJ on the test class path (an optional dependency of q4j-testkit).
 *
 * <pre>{@code
 * assertThat(q.query("select from trade")).ignoringColumnOrder().usingTolerance(1e-9).isEqualTo(expected);
 * }</pre>
 */
package dev.q4j.testkit.assertions;
