package dev.q4j.jdbc;

/**
 * Every q request {@link java.sql.DatabaseMetaData} sends, in one place. Names (a namespace, a table) travel as
 * symbol arguments of a function, {@code (f; `name)}, never spliced into q text.
 *
 * <table>
 * <caption>The metadata requests</caption>
 * <tr><th>for</th><th>request</th><th>kdb+ answers</th></tr>
 * <tr><td>{@code getDatabaseProductVersion}, {@code getDatabaseMajorVersion}/{@code MinorVersion}</td>
 *     <td>{@code (.z.K;.z.k)}</td><td>the version (a float, {@code 4.1}) and release date</td></tr>
 * <tr><td>{@code getSchemas}, and {@code getTables} and the rest for a schema pattern</td>
 *     <td>{@code key`}</td><td>the root's namespaces ({@code `q`Q`h`j`o`ns}); one-letter ones, reserved for
 *     KX, are left out; the root namespace itself is the schema {@code .}</td></tr>
 * <tr><td>{@code getTables} (and the tables {@code getColumns} and {@code getPrimaryKeys} look at)</td>
 *     <td>{@code ({(tables x;views x)}; `.)} for the root, {@code `.ns} for a namespace</td>
 *     <td>the namespace's tables and views, as symbols</td></tr>
 * <tr><td>{@code getColumns}</td><td>{@code ("meta"; `table)}</td>
 *     <td>{@code meta}'s keyed table {@code c | t f a}: column names and type letters</td></tr>
 * <tr><td>{@code getPrimaryKeys}</td><td>{@code ("keys"; `table)}</td><td>a keyed table's key columns, as
 *     symbols (none for a plain table)</td></tr>
 * </table>
 */
final class MetaQueries {
    /** The version and release date of kdb+. */
    static final String VERSION = "(.z.K;.z.k)";
    /** The root's namespaces. */
    static final String NAMESPACES = "key`";
    /** Applied to a namespace: its tables and views. */
    static final String TABLES = "{(tables x;views x)}";
    /** Applied to a table's name: its columns and their types. */
    static final String COLUMNS = "meta";
    /** Applied to a table's name: its key columns. */
    static final String KEYS = "keys";

    private MetaQueries() {
    }
}
