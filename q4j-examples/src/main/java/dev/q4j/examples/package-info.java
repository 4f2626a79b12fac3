/**
 * The README's Java code, runnable: each {@code ```java} block of README.md is the snippet of one example class here,
 * whose {@code main} runs it without kdb+ (examples that need a q process start q4j's own on a free port of the
 * loopback interface, a {@link dev.q4j.examples.FakeKdb}, a {@link dev.q4j.tick.Tickerplant} or a
 * {@link dev.q4j.server.QServer}, and stop it).
 *
 * <p>How the README is kept in step. An example marks its snippet with a line {@code // readme:begin} before it and
 * {@code // readme:end} after it; it may mark several parts (the imports at the top of the file, a record in the
 * class, the code in {@code main}), which make its snippet in file order, joined by one blank line. A line of a part
 * ending in {@code // readme:hide} is the example's own (printing what the README's comments say, say) and is left
 * out. Each part loses its common indentation and its lines their trailing spaces. The test
 * {@code ReadmeSnippetsTest} then fails when a {@code ```java} block of README.md is not, character for character,
 * the snippet of some example, and when an example's snippet is not a block of README.md: changing either side
 * alone fails the build, which compiles and runs every example ({@code ExamplesIT}). The README's XML (the BOM
 * import) is not checked.
 *
 * <pre>{@code
 * // readme:begin
 * QValue n = Q.of(42L);                  // 42
 * System.out.println(n);                 // readme:hide
 * // readme:end
 * }</pre>
 *
 * <p>Depends on every library module (core, ipc, arrow, duckdb); nothing but the CLI depends on it.
 */
package dev.q4j.examples;
