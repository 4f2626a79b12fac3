/**
 * q tables as Apache Arrow and back: {@link dev.q4j.arrow.QArrow} converts tables and keyed tables to a
 * {@code VectorSchemaRoot}, streams of tables to an {@code ArrowReader}, and writes and reads Arrow's IPC stream and
 * file formats, keeping q's types and attributes in the field metadata ({@link dev.q4j.arrow.ArrowOptions}).
 *
 * <p>Depends on the core and on Apache Arrow; not on the client or server (any q table, however obtained).
 */
package dev.q4j.arrow;
