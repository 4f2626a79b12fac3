package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.value.Attribute;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DatabaseMetaData from the server: what kdb+ answers to the requests of {@link MetaQueries}. */
class DatabaseMetaDataIT {
    private FakeKdb kdb;
    private Connection c;
    private DatabaseMetaData md;

    @BeforeEach
    void start() throws Exception {
        kdb = new FakeKdb();
        kdb.globals.put("trade", QTable.of(List.of("time", "sym", "price", "size", "note"), List.of(
                QTimestampVector.of(0), QSymbolVector.of("a").withAttribute(Attribute.GROUPED),
                QFloatVector.of(1), QLongVector.of(1), QList.of(QCharVector.of("x")))));
        kdb.globals.put("quote", QKeyedTable.of(
                QTable.of(List.of("sym", "venue"), List.of(QSymbolVector.of("a"), QSymbolVector.of("X"))),
                QTable.of(List.of("bid"), List.of(QFloatVector.of(1)))));
        kdb.globals.put("vw", QTable.of(List.of("sym"), List.of(QSymbolVector.of("a"))));
        kdb.views.add("vw");
        kdb.globals.put(".ref.instruments", QTable.of(List.of("sym"), List.of(QSymbolVector.of("a"))));
        c = DriverManager.getConnection(kdb.url());
        md = c.getMetaData();
    }

    @AfterEach
    void stop() throws SQLException {
        c.close();
        kdb.close();
    }

    private static List<List<String>> rows(ResultSet rs, String... columns) throws SQLException {
        List<List<String>> out = new ArrayList<>();
        while (rs.next()) {
            List<String> row = new ArrayList<>();
            for (String col : columns) {
                row.add(rs.getString(col));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void productAndVersionComeFromZkAndZK() throws SQLException {
        assertThat(md.getDatabaseProductName()).isEqualTo("kdb+");
        assertThat(md.getDatabaseProductVersion()).isEqualTo("4.1 2024.10.16");
        assertThat(md.getDatabaseMajorVersion()).isEqualTo(4);
        assertThat(md.getDatabaseMinorVersion()).isEqualTo(1);
        assertThat(md.getDriverName()).isEqualTo("q4j JDBC driver");
        assertThat(kdb.requests).contains(QCharVector.of("(.z.K;.z.k)"));
    }

    @Test
    void tablesAndViewsOfTheRootAndOfNamespaces() throws SQLException {
        assertThat(rows(md.getTables(null, null, "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"))
                .containsExactly(List.of(".", "quote", "TABLE"), List.of(".", "trade", "TABLE"),
                        List.of(".ref", ".ref.instruments", "TABLE"), List.of(".", "vw", "VIEW"));
        assertThat(rows(md.getTables(null, ".", "%", new String[] {"TABLE"}), "TABLE_NAME"))
                .as("the root namespace alone").containsExactly(List.of("quote"), List.of("trade"));
        assertThat(md.getTables(null, "", "%", null).next()).as("every table has a schema").isFalse();
        assertThat(kdb.requests).contains(QList.of(QCharVector.of("{(tables x;views x)}"), QSymbol.of(".")),
                QList.of(QCharVector.of("{(tables x;views x)}"), QSymbol.of(".ref")));
    }

    @Test
    void schemasAreTheRootAndTheNamespacesButKxs() throws SQLException {
        assertThat(rows(md.getSchemas(), "TABLE_SCHEM")).containsExactly(List.of("."), List.of(".ref"));
        assertThat(kdb.requests).contains(QCharVector.of("key`"));
    }

    @Test
    void columnsComeFromMeta() throws SQLException {
        ResultSet rs = md.getColumns(null, null, "trade", "%");
        List<String> names = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        List<String> typeNames = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString("COLUMN_NAME"));
            types.add(rs.getInt("DATA_TYPE"));
            typeNames.add(rs.getString("TYPE_NAME"));
            assertThat(rs.getString("TABLE_NAME")).isEqualTo("trade");
            assertThat(rs.getInt("ORDINAL_POSITION")).isEqualTo(names.size());
        }
        assertThat(names).containsExactly("time", "sym", "price", "size", "note");
        assertThat(types).containsExactly(Types.TIMESTAMP, Types.VARCHAR, Types.DOUBLE, Types.BIGINT, Types.VARCHAR);
        assertThat(typeNames).containsExactly("timestamp", "symbol", "float", "long", "string");
        assertThat(kdb.requests).contains(QList.of(QCharVector.of("meta"), QSymbol.of("trade")));
        assertThat(rows(md.getColumns(null, ".ref", "%", "s_m"), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME"))
                .containsExactly(List.of(".ref", ".ref.instruments", "sym"));
    }

    @Test
    void primaryKeysAreAKeyedTablesKeys() throws SQLException {
        assertThat(rows(md.getPrimaryKeys(null, null, "quote"), "COLUMN_NAME", "KEY_SEQ"))
                .containsExactly(List.of("sym", "1"), List.of("venue", "2"));
        assertThat(md.getPrimaryKeys(null, null, "trade").next()).isFalse();
        assertThat(kdb.requests).contains(QList.of(QCharVector.of("keys"), QSymbol.of("quote")));
    }

    @Test
    void whatKdbHasNotIsEmptyWithJdbcsColumns() throws SQLException {
        for (ResultSet rs : List.of(md.getIndexInfo(null, null, "trade", false, true),
                md.getProcedures(null, null, "%"), md.getFunctions(null, null, "%"), md.getCatalogs(),
                md.getImportedKeys(null, null, "trade"), md.getExportedKeys(null, null, "trade"),
                md.getTablePrivileges(null, null, "%"), md.getUDTs(null, null, "%", null))) {
            assertThat(rs.next()).isFalse();
            assertThat(rs.getMetaData().getColumnCount()).isPositive();
        }
        ResultSet index = md.getIndexInfo(null, null, "trade", false, true);
        assertThat(index.getMetaData().getColumnName(6)).isEqualTo("INDEX_NAME");
        assertThat(index.getMetaData().getColumnCount()).isEqualTo(13);
        assertThat(md.getProcedures(null, null, "%").getMetaData().getColumnCount()).isEqualTo(9);
    }

    @Test
    void typeInfoListsEveryQType() throws SQLException {
        List<List<String>> types = rows(md.getTypeInfo(), "TYPE_NAME", "DATA_TYPE");
        assertThat(types).extracting(r -> r.get(0)).containsExactlyInAnyOrder("boolean", "guid", "byte", "short",
                "int", "long", "real", "float", "char", "symbol", "timestamp", "month", "date", "datetime",
                "timespan", "minute", "second", "time", "string");
        assertThat(rows(md.getTableTypes(), "TABLE_TYPE")).containsExactly(List.of("TABLE"), List.of("VIEW"));
        assertThat(md.supportsTransactions()).isFalse();
        assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
    }
}
