/**
 * jqwik generators of q values, for users' property tests (round trips through their own code, say): every type,
 * nulls and infinities made likely, attributes, nested lists, dictionaries, tables, keyed tables, functions, errors.
 * The same generators q4j's own property tests use. Needs jqwik on the test class path (an optional dependency of
 * q4j-testkit).
 *
 * <pre>{@code
 * @Property
 * void roundTrips(@ForAll("values") QValue v) {
 *     assertEquals(v, myCodec.read(myCodec.write(v)));
 * }
 *
 * @Provide
 * Arbitrary<QValue> values() {
 *     return QArbitraries.values();
 * }
 * }</pre>
 */
package dev.q4j.testkit.generators;
