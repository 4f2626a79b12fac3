/**
 * q tables as the user's own Java records, both ways: {@link dev.q4j.records.RecordMapper} maps the rows of a
 * {@link dev.q4j.value.QTable} to records (a list, a stream, a map for a keyed table) and records back to a columnar
 * table, matching columns to components by name ({@link dev.q4j.records.QColumn} renames), with user converters
 * ({@link dev.q4j.records.ColumnConverter}) and one {@link dev.q4j.records.RecordMappingException} naming the record,
 * component, column, q type and row of any failure.
 *
 * <p>Depends on {@link dev.q4j.value} and {@link dev.q4j} only (reflection on records through method handles; no
 * library).
 */
package dev.q4j.records;
