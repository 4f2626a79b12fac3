// Not every class of this package is here: the per-type classes that share one shape (the primitive-backed vectors
// and their bases, the array vectors, the number and temporal atoms) are generated from q4j-core/src/main/templates at
// generate-sources into target/generated-sources/templates; see the README.md there.
/**
 * The q value model: an immutable Java type for every q type ({@link dev.q4j.value.QType}), sealed under
 * {@link dev.q4j.value.QValue}: atoms (records such as {@link dev.q4j.value.QLong}), vectors over primitive arrays
 * ({@link dev.q4j.value.QLongVector}), general lists, dictionaries, tables and keyed tables, functions and errors,
 * with q's nulls, infinities and attributes. {@link dev.q4j.value.Q} builds values from Java ones.
 *
 * <p>Depends on {@link dev.q4j} and on the core's internal helpers only. A value's {@code toString()} is its q text,
 * which {@link dev.q4j.text} writes: that is the one dependency of this package on another q4j package, and the one
 * cycle the build allows (the text package reads and writes values).
 */
package dev.q4j.value;
