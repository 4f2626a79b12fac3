/**
 * Test kdb+ applications without kdb+: {@link dev.q4j.testkit.FakeKdb}, a fake kdb+ scripted in a few lines (stubs
 * by q text, pattern or function call; replies, q errors, delays, faults; verification of what came, in order;
 * pushes to subscribers), and {@link dev.q4j.testkit.FakeKdbExtension}, which runs one around each JUnit 5 test.
 * Record and replay live in {@link dev.q4j.testkit.replay}, assertions on q values in
 * {@link dev.q4j.testkit.assertions} (with AssertJ), generators of q values in {@link dev.q4j.testkit.generators}
 * (with jqwik).
 *
 * <pre>{@code
 * @ExtendWith(FakeKdbExtension.class)
 * class ServiceTest {
 *     @Test
 *     void queries(FakeKdb kdb, QConnection q) {
 *         kdb.when("count trade").thenReturn(42L);
 *         assertEquals(QLong.of(42), q.query("count trade"));
 *     }
 * }
 * }</pre>
 */
package dev.q4j.testkit;
