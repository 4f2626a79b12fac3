/**
 * A JDBC driver for kdb+: {@link dev.q4j.jdbc.QDriver} ({@code jdbc:q4j://HOST:PORT}) and
 * {@link dev.q4j.jdbc.QDataSource}, over one {@link dev.q4j.client.QConnection} per JDBC connection
 * ({@code connection.unwrap(QConnection.class)} gives it).
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:q4j://localhost:5000", "user", "password")) {
 *     ResultSet rs = c.createStatement().executeQuery("select from trade where sym=`IBM");
 *     PreparedStatement ps = c.prepareStatement("{[s;d] select from trade where sym=s, date=d}");
 *     ps.setString(1, "IBM");                       // a symbol
 *     ps.setObject(2, LocalDate.of(2024, 1, 2));    // a date
 *     ResultSet trades = ps.executeQuery();          // sent as ("{[s;d] ...}"; `IBM; 2024.01.02)
 * }
 * }</pre>
 *
 * <h2>Statements</h2>
 * A {@link java.sql.Statement}'s text is q, which kdb+ evaluates; {@code q)} before it says so explicitly;
 * {@code s)} sends the rest to kdb+'s SQL, as {@code .s.e["select ..."]}, which needs kdb+'s SQL support
 * ({@code s.k}, loaded with {@code \l s.k}) on the server; with the URL setting {@code language=sql}, text without
 * a prefix is SQL too (for tools that write their own SQL). Any result becomes a {@link java.sql.ResultSet}: a
 * table's columns; a keyed table's key columns, then its value columns; a dictionary as columns {@code key} and
 * {@code value}; a vector or list as one column {@code x}; an atom, a string or anything else as one row of one
 * column {@code x}. {@code ::} (what an assignment returns) is no result: {@code execute} returns false,
 * {@code executeQuery} throws. {@code executeUpdate} runs the text, drops any result and returns 0 (q has no update
 * counts). A q error is an {@link java.sql.SQLException} whose message holds q's error text.
 *
 * <p>A {@link java.sql.PreparedStatement}'s text is a q function (a lambda, a name or any expression giving one) and
 * its parameters, set by position (there is no {@code ?} in the text), are the arguments: the request is the list
 * {@code (text; arg1; ...)}, so values travel as q values and are never spliced into q text. With no parameter
 * set, the text runs as a statement's does (a function of no arguments is called as {@code f[]}). {@code setString}
 * sends a symbol; {@code setObject(i, s, Types.LONGVARCHAR)} a q string; {@code setObject} takes java.time values,
 * {@code UUID}, arrays and lists (vectors), java.sql's dates and times, {@code BigDecimal} (a long when whole, else
 * a float) and q values ({@code QValue}) as they are; {@code setNull(i, type)} sends that type's q null.
 *
 * <p>Results are read whole (kdb+ sends them in one message): {@code setFetchSize} is accepted and kept;
 * {@code setMaxRows(n)} takes the first {@code n} rows on the server (the request is wrapped in
 * {@code {[n;m] ... n sublist value m}}) and again on the client; {@code setQueryTimeout} bounds the wait for the
 * reply; {@code cancel()} stops the wait (kdb+ cannot be interrupted: it finishes, and its reply is dropped, the
 * connection stays in step). Result sets are scrollable and read-only.
 *
 * <h2>Types</h2>
 * <table>
 * <caption>q types as JDBC columns</caption>
 * <tr><th>q type</th><th>{@code java.sql.Types}</th><th>{@code getObject} class</th><th>also, through
 *     {@code getObject(i, Class)}</th><th>q null reads as</th></tr>
 * <tr><td>boolean</td><td>BOOLEAN</td><td>Boolean</td><td></td><td>(none)</td></tr>
 * <tr><td>guid</td><td>OTHER</td><td>UUID</td><td>String</td><td>{@code 0Ng}: null</td></tr>
 * <tr><td>byte</td><td>TINYINT</td><td>Integer (0..255: q's bytes are unsigned; {@code getByte} gives the raw
 *     byte)</td><td>Byte</td><td>(none)</td></tr>
 * <tr><td>short</td><td>SMALLINT</td><td>Integer</td><td>Short, Long</td><td>{@code 0Nh}: null</td></tr>
 * <tr><td>int</td><td>INTEGER</td><td>Integer</td><td>Long</td><td>{@code 0Ni}: null</td></tr>
 * <tr><td>long</td><td>BIGINT</td><td>Long</td><td>Integer (if it fits), BigDecimal</td><td>{@code 0N}:
 *     null</td></tr>
 * <tr><td>real</td><td>REAL</td><td>Float</td><td>Double, BigDecimal</td><td>{@code 0Ne}: null</td></tr>
 * <tr><td>float</td><td>DOUBLE</td><td>Double</td><td>BigDecimal</td><td>{@code 0n}: null</td></tr>
 * <tr><td>char</td><td>CHAR</td><td>String (one character)</td><td>Character</td><td>{@code " "}: null</td></tr>
 * <tr><td>symbol</td><td>VARCHAR</td><td>String</td><td></td><td>{@code `}: null</td></tr>
 * <tr><td>string (a list of char vectors)</td><td>VARCHAR</td><td>String</td><td>byte[]</td><td>(none)</td></tr>
 * <tr><td>timestamp</td><td>TIMESTAMP</td><td>Timestamp (the UTC wall clock, nanoseconds)</td>
 *     <td>LocalDateTime, Instant, OffsetDateTime (UTC), LocalDate, LocalTime</td><td>{@code 0Np}: null</td></tr>
 * <tr><td>month</td><td>DATE (the 1st)</td><td>Date</td><td>YearMonth, LocalDate</td><td>{@code 0Nm}: null</td></tr>
 * <tr><td>date</td><td>DATE</td><td>Date</td><td>LocalDate, LocalDateTime, Instant</td><td>{@code 0Nd}:
 *     null</td></tr>
 * <tr><td>datetime</td><td>TIMESTAMP</td><td>Timestamp (milliseconds)</td><td>as timestamp</td><td>{@code 0Nz}:
 *     null</td></tr>
 * <tr><td>timespan</td><td>TIME</td><td>Time (milliseconds)</td><td>LocalTime (nanoseconds), Duration,
 *     Timestamp (on 1970-01-01)</td>
 *     <td>{@code 0Nn}: null</td></tr>
 * <tr><td>minute, second, time</td><td>TIME</td><td>Time</td><td>LocalTime, Duration</td><td>{@code 0Nu},
 *     {@code 0Nv}, {@code 0Nt}: null</td></tr>
 * <tr><td>vectors in a list column</td><td>ARRAY</td><td>java.sql.Array (items as above)</td><td>QValue</td>
 *     <td></td></tr>
 * <tr><td>anything else (mixed lists, dictionaries, functions)</td><td>OTHER</td><td>the {@code QValue}</td>
 *     <td>String (q text)</td><td></td></tr>
 * </table>
 *
 * <p>Every cell also reads as {@code getObject(i, QValue.class)} (the q atom or item) and {@code getString} (numbers
 * as Java writes them, temporal values as q shows them: {@code 2024.01.02D09:30:00.000000000}). The typed getters
 * ({@code getLong}, {@code getDouble}, ...) read the vectors' primitive items without boxing and convert between
 * numbers ({@code getInt} on a long column checks the range); a q null gives 0 (or {@code null}) and
 * {@link java.sql.ResultSet#wasNull()} true. Infinities ({@code 0W}, {@code 0Wp}) are values: numbers read as the
 * type's maximum, temporal ones have no java.time value and throw (SQLState 22008), as does a timespan outside a
 * day read as a time of day (read it as a {@code Duration}). {@code ResultSetMetaData.getColumnTypeName} is the q
 * type's name ({@code timestamp}, {@code symbol}, {@code string}, {@code long list}).
 *
 * <h2>Metadata</h2>
 * {@link java.sql.DatabaseMetaData} asks the server with the requests listed in {@link dev.q4j.jdbc.MetaQueries}:
 * namespaces are schemas ({@code .} the root namespace, {@code .ns} another; a table's name is the name that works
 * in q, {@code trade} in the root, {@code .ns.trade} elsewhere), {@code tables} and {@code views} give tables and
 * views, {@code meta} their columns,
 * {@code keys} a keyed table's primary key. Catalogs, procedures, functions, indexes, privileges and foreign keys
 * are empty results with JDBC's columns.
 *
 * <h2>Transactions and errors</h2>
 * kdb+ has no transactions: auto-commit is always on; {@code commit} and {@code rollback} do nothing;
 * {@code setAutoCommit(false)}, savepoints and isolation levels other than {@code TRANSACTION_NONE} throw
 * {@link java.sql.SQLFeatureNotSupportedException}, as does everything else JDBC allows a driver not to support
 * (updatable result sets, LOBs, callable statements), with a message. Errors carry the q4j exception as their cause
 * and these SQLStates: a q error {@code HY000}; a refused login {@code 28000}; no connection {@code 08001}; a lost or
 * closed connection {@code 08006} ({@code 08003} when closed by the caller); a query timeout {@code HYT00}; a
 * cancelled statement {@code 57014}.
 */
package dev.q4j.jdbc;
