/**
 * SQL over q tables with DuckDB, and Parquet: {@link dev.q4j.duckdb.QDuckDB} registers q tables as views (over
 * Arrow's C stream, no copy) or copies them in, runs SQL and returns q tables, and writes Parquet.
 *
 * <p>Depends on {@link dev.q4j.arrow}, the core, DuckDB's JDBC driver and {@code java.sql}.
 */
package dev.q4j.duckdb;
