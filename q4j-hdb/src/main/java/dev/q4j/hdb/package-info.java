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
 * <p>Read: column files of every simple type (memory-mapped; items of 4 and 8 bytes read in place, over 2 GB in
 * several mappings), symbol list files ({@code .d}, {@code sym}), enumerations against any domain (kept as indices
 * and a shared domain by {@link dev.q4j.hdb.HdbTable#enumeration}, as symbols by {@code read()}), attributes (their
 * index data is skipped), nested columns of type 77 ({@code name} and {@code name#}), tables saved as one file,
 * compressed files (gzip; snappy, lz4hc, zstd with optional libraries). Written: splayed tables with simple and
 * symbol columns, and the partitions of a partitioned table as {@code .Q.dpft} lays them out
 * ({@link dev.q4j.hdb.KdbWriter}). Not read yet, each an error saying so: q's IPC compression
 * algorithm in files, symbols in nested columns ({@code name##}), nested columns of types 78 to 96, encrypted files
 * ({@code kxzippEd}), compact nested items of more than 127 elements.
 *
 * <p>What is read is proven against files real kdb+ wrote ({@code shared/corpus/hdb}); where a layout is not known,
 * reading fails with an {@link dev.q4j.hdb.HdbException} saying so, never with a guessed value. Depends on the core
 * only (and, optionally, on snappy-java, lz4-java and zstd-jni).
 */
package dev.q4j.hdb;
