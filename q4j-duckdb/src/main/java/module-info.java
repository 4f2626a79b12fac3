/**
 * q4j duckdb: SQL over q tables with an in-process DuckDB ({@link dev.q4j.duckdb.QDuckDB}): q tables handed to
 * DuckDB through Arrow's C stream interface, query results back as q tables, Parquet files.
 *
 * <p>On Java 17 Arrow's memory needs {@code --add-opens=java.base/java.nio=org.apache.arrow.memory.core} on the
 * module path, {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the class path.
 */
module dev.q4j.duckdb {
    requires transitive dev.q4j.arrow;
    requires transitive java.sql;
    requires org.apache.arrow.c;
    // DuckDB's JDBC driver (an automatic module)
    requires duckdb.jdbc;

    exports dev.q4j.duckdb;
}
