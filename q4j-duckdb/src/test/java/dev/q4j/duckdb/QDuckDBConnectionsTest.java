package dev.q4j.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.arrow.ArrowOptions;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QTable;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DuckDB connections a {@link QDuckDB} works over: one the caller opened ({@code wrap}), a database file. */
class QDuckDBConnectionsTest {
    private static final QTable T = QTable.of(List.of("x"), List.of(QLongVector.of(1, 2, 3)));

    @Test
    void aWrappedConnectionSeesTheRegisteredTableAndStaysOpenWithoutItAfterClose() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            QDuckDB db = QDuckDB.wrap(c, ArrowOptions.defaults());
            db.register("t", T);
            db.register("unread", T);   // never read by a statement: its stream is released all the same
            assertThat(db.connection()).isSameAs(c);
            assertThat(db.query("SELECT sum(x) AS s FROM t").column("s")).isEqualTo(QLongVector.of(6));
            db.materialize("kept", T);
            db.close();
            assertThat(c.isClosed()).isFalse();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT sum(x) FROM kept")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(6);
                }
            }
            // the registered views are gone with the QDuckDB
            for (String name : List.of("t", "unread")) {
                try (Statement s = c.createStatement()) {
                    assertThatThrownBy(() -> s.executeQuery("SELECT * FROM " + name))
                            .isInstanceOf(SQLException.class).hasMessageContaining("Table with name " + name);
                }
            }
        }
    }

    @Test
    void aConnectionOfAnotherDriverIsRefusedNamingIt() {
        Connection other = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("unwrap")) {
                        throw new SQLException("not a wrapper for " + args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        assertThatThrownBy(() -> QDuckDB.wrap(other, ArrowOptions.defaults()))
                .isInstanceOf(QDuckDBException.class).hasMessageStartingWith("not a DuckDB connection: ");
    }

    @Test
    void aDatabaseFileKeepsMaterializedTablesAcrossOpenings(@TempDir Path dir) {
        Path file = dir.resolve("q.duckdb");
        try (QDuckDB db = QDuckDB.open(file, ArrowOptions.defaults())) {
            db.materialize("t", T);
        }
        try (QDuckDB db = QDuckDB.open(file, ArrowOptions.defaults())) {
            assertThat(db.query("SELECT x FROM t ORDER BY x").column("x")).isEqualTo(QLongVector.of(1, 2, 3));
        }
    }
}
