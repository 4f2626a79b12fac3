/**
 * kdb+'s files on disk read as q4j's values, with no kdb+ process: {@link dev.q4j.hdb.Hdb} opens a database
 * directory (partitioned by date, month, year or int, segmented by {@code par.txt}, splayed tables, tables saved as
 * one file), {@link dev.q4j.hdb.HdbTable} reads a table's partitions and columns as {@link dev.q4j.value.QTable}s,
 * and {@link dev.q4j.hdb.KdbFiles} reads one file as q's {@code get} does.
 *
 * <pre>{@code
 * Hdb hdb = Hdb.open(Path.of("/data/hdb"));
 * QTable t = hdb.table("trade").partitions("2024.01.02").columns("sym", "price").read();
 * }</pre>
 *
 * <p>What is read is proven against files real kdb+ wrote ({@code shared/corpus/hdb}); where a layout is not
 * known (see {@link dev.q4j.hdb.KdbFiles}), reading fails with an {@link dev.q4j.hdb.HdbException} saying so,
 * never with a guessed value. Depends on the core only.
 */
package dev.q4j.hdb;
