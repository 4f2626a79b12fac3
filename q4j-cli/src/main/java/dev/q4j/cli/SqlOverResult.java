package dev.q4j.cli;

import dev.q4j.duckdb.QDuckDB;
import dev.q4j.value.QAtom;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QSequence;
import dev.q4j.value.QTable;
import dev.q4j.value.QValue;
import java.util.List;

/**
 * SQL over a q result, for {@code q4j query --sql} and the console's {@code \sql}: the result is visible to DuckDB
 * as the table {@code q}. DuckDB starts on first use only, so that the commands that need no SQL never load its
 * native library.
 */
final class SqlOverResult implements AutoCloseable {
    /** The name the q result has in SQL. */
    static final String TABLE = "q";

    /** The value cannot be seen as a table. */
    static final class NotTable extends Exception {
        private static final long serialVersionUID = 1L;

        NotTable(String message) {
            super(message);
        }
    }

    private QDuckDB db;
    /** the result last copied into DuckDB as q, so that the console's repeated \\sql copies it once */
    private QValue copied;

    /**
     * {@return the query's result}
     *
     * @param sql a query that reads the table {@code q}
     * @param result the q result it reads
     * @throws NotTable when the result is not a table, a keyed table or a list
     * @throws dev.q4j.duckdb.QDuckDBException when DuckDB refuses the query or is not available
     * @throws dev.q4j.arrow.QArrowException when a column of the result has no Arrow type
     */
    QTable query(String sql, QValue result) throws NotTable {
        QValue table = tabular(result, "SQL");
        if (db == null) {
            db = QDuckDB.inMemory();
        }
        if (copied != result) {
            // copied into DuckDB's storage: any SQL works, also one that reads q twice (a self-join, a subquery)
            db.materialize(TABLE, table);
            copied = result;
        }
        return db.query(sql);
    }

    /**
     * {@return a table or keyed table as it is; a list as a table of one column {@code x}, as q's {@code ([] x)}}
     *
     * @param value a q result
     * @param what what needs the table, for the message ({@code "--format arrow"})
     * @throws NotTable when the value is none of those
     */
    static QValue tabular(QValue value, String what) throws NotTable {
        if (value instanceof QTable || value instanceof QKeyedTable) {
            return value;
        }
        if (value instanceof QSequence list) {
            return QTable.of(List.of("x"), List.of(list));
        }
        throw new NotTable(what + " needs a table, a keyed table or a list, and the result is "
                + (value instanceof QAtom ? "an atom" : "a " + value.type().qName()));
    }

    @Override
    public void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }
}
