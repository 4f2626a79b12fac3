/**
 * q4j spark: kdb+ databases scanned with Apache Spark 4 ({@link dev.q4j.spark.KdbSource}, short name {@code kdb}), a
 * DataSource V2 with columnar reads. A table of a database on disk is read straight from its files through q4j-hdb
 * (no kdb+ process); a table or query of a live kdb+ through q4j's client.
 *
 * <pre>{@code
 * Dataset<Row> trade = spark.read().format("kdb").option("table", "trade").load("/data/hdb");
 * trade.filter(col("date").between("2024-01-02", "2024-01-05").and(col("sym").isin("IBM", "MSFT")))
 *         .groupBy("sym").agg(sum("size"));
 * }</pre>
 *
 * <h2>Files</h2>
 * One Spark partition per database partition, or per slice of at most {@code maxRowsPerSplit} rows of one (or, with
 * {@code minRowsPerSplit}, several small partitions packed into one). Filters
 * on the partition column ({@code date}, {@code month}, {@code int}: {@code =}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code IN}, {@code BETWEEN}, and their {@code AND}, {@code OR}, {@code NOT}) drop partitions before
 * any file is opened; {@code =} and {@code IN} on an enumerated symbol column choose rows by comparing the
 * enumeration's indices (no string is looked up per row). Spark need not apply either again; every other filter is
 * returned to Spark, which applies it. Only the files of the columns asked for (and of the filtered symbol columns)
 * are opened. Batches are Spark {@code ColumnVector}s over q4j's vectors: int, long, float and temporal columns and
 * enumeration indices read in place from the memory-mapped files; a symbol becomes a Spark string once per domain
 * entry and scan, not once per row.
 *
 * <h2>A live kdb+</h2>
 * Options {@code host} and {@code port} (and {@code user}, {@code password}) name the kdb+ process. With
 * {@code table} and the dates {@code from}, {@code to}, one Spark partition per date runs
 * {@code select COLUMNS from TABLE where date=D} in kdb+ (the column asked for only; filters on the date column drop
 * dates; {@code partitionColumn} names another date column); with {@code table} alone, one partition selects the
 * whole table; with {@code query}, one partition runs the query. The schema comes from the first row:
 * {@code select[1] from TABLE where date=FROM}, or {@code 1 sublist (QUERY)} (which kdb+ evaluates whole), unless
 * {@code spark.read().schema(...)} gives it.
 *
 * <h2>Options</h2>
 * <table>
 * <caption>Options</caption>
 * <tr><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code table}</td><td></td><td>the table to read (files: required)</td></tr>
 * <tr><td>{@code maxRowsPerSplit}</td><td>4194304</td><td>files: the most rows of one Spark partition</td></tr>
 * <tr><td>{@code minRowsPerSplit}</td><td>0</td><td>files: small partitions packed into one Spark partition until
 * it holds this many rows (fewer, larger Spark tasks, as Spark packs small files); 0: one Spark partition per
 * database partition</td></tr>
 * <tr><td>{@code batchRows}</td><td>16384</td><td>the most rows of one columnar batch</td></tr>
 * <tr><td>{@code timestampAs}</td><td>{@code timestamp}</td><td>{@code long}: timestamps as nanoseconds since
 * 1970.01.01 (every digit kept)</td></tr>
 * <tr><td>{@code timespanAs}</td><td>{@code interval}</td><td>{@code long}: timespans as nanoseconds</td></tr>
 * <tr><td>{@code host}, {@code port}</td><td></td><td>a kdb+ process instead of files</td></tr>
 * <tr><td>{@code user}, {@code password}</td><td></td><td>the kdb+ process's login</td></tr>
 * <tr><td>{@code query}</td><td></td><td>kdb+: a q query instead of a table</td></tr>
 * <tr><td>{@code from}, {@code to}</td><td></td><td>kdb+: the dates of a table, one Spark partition each
 * ({@code 2024-01-02} or {@code 2024.01.02})</td></tr>
 * <tr><td>{@code partitionColumn}</td><td>{@code date}</td><td>kdb+: the table's date column</td></tr>
 * </table>
 *
 * <h2>Types</h2>
 * <table>
 * <caption>q column types as Spark types</caption>
 * <tr><th>q</th><th>Spark</th><th>notes</th></tr>
 * <tr><td>boolean</td><td>boolean</td><td></td></tr>
 * <tr><td>guid</td><td>string</td><td>the canonical text; {@code 0Ng} is null</td></tr>
 * <tr><td>byte</td><td>smallint</td><td>0 to 255 (q's bytes are unsigned, Spark's signed)</td></tr>
 * <tr><td>short, int, long</td><td>smallint, int, bigint</td><td>{@code 0N} is null; {@code 0W} is the type's
 * maximum, as in q</td></tr>
 * <tr><td>real, float</td><td>float, double</td><td>q's null ({@code 0n}, NaN) is null</td></tr>
 * <tr><td>char</td><td>string</td><td>one byte; the space (q's null char) is null</td></tr>
 * <tr><td>symbol</td><td>string</td><td>the empty symbol is null</td></tr>
 * <tr><td>timestamp</td><td>timestamp_ntz</td><td>microseconds: the last 3 digits of the nanoseconds are dropped
 * (rounded down); {@code timestampAs=long} keeps them</td></tr>
 * <tr><td>month</td><td>date</td><td>the month's first day; {@code 0W} and {@code -0W} are Spark's last and first
 * day numbers</td></tr>
 * <tr><td>date</td><td>date</td><td>{@code 0W} is Spark's last day number</td></tr>
 * <tr><td>datetime</td><td>timestamp_ntz</td><td>to the microsecond (a float of days holds about a millisecond's
 * precision); {@code 0w} and {@code -0w} are the largest and smallest timestamps</td></tr>
 * <tr><td>timespan</td><td>interval day to second</td><td>microseconds (rounded down); {@code timespanAs=long}
 * keeps the nanoseconds</td></tr>
 * <tr><td>minute</td><td>interval hour to minute</td><td>exact</td></tr>
 * <tr><td>second, time</td><td>interval hour to second</td><td>exact</td></tr>
 * <tr><td>nested strings</td><td>string</td><td>a row of no chars is the empty string</td></tr>
 * <tr><td>other nested vectors</td><td>array of the items' type</td><td>an atom in a row is an array of one</td></tr>
 * </table>
 * Timestamps are {@code timestamp_ntz}: q's timestamps carry no time zone, and Spark shows them as they are. Any
 * other column (a nested column of lists or dictionaries, a nested column with no rows to tell its items' type) is
 * an error naming the column.
 *
 * <h2>Running it</h2>
 * Spark is a {@code provided} dependency (spark-sql_2.13 4.x). On Java 17 and newer Spark's JVMs need its
 * {@code --add-opens} options (those of Spark's {@code JavaModuleOptions}, which {@code spark-submit} adds itself;
 * this module's pom lists them for its tests).
 *
 * <p>Not supported yet: writing to kdb+ from Spark; streaming reads; pushing filters on other columns into kdb+
 * over IPC (Spark applies them); symbol filters over IPC; partitions of more than 2^31 - 8 rows.
 */
package dev.q4j.spark;
