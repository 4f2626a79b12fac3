package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.QErrorException;
import dev.q4j.client.QConnection;
import dev.q4j.server.Authenticator;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDict;
import dev.q4j.value.QFloatVector;
import dev.q4j.value.QKeyedTable;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import dev.q4j.value.QUnaryPrimitive;
import dev.q4j.value.QValue;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections and statements against a q4j server standing in for kdb+ (loopback). */
class StatementIT {
    private FakeKdb kdb;

    @BeforeEach
    void start() throws Exception {
        kdb = new FakeKdb(Authenticator.single("me", "secret"));
        kdb.globals.put("trade", QTable.of(List.of("sym", "px", "size"), List.of(QSymbolVector.of("a", "b", "c"),
                QFloatVector.of(1.5, 2.5, 3.5), QLongVector.of(100, 200, 300))));
    }

    @AfterEach
    void stop() {
        kdb.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(kdb.url() + "?user=me&password=secret");
    }

    @Test
    void driverManagerFindsTheDriverAndAQueryReturnsTheTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("trade")) {
            assertThat(DriverManager.getDriver(kdb.url())).isInstanceOf(QDriver.class);
            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(3);
            int n = 0;
            while (rs.next()) {
                n++;
                assertThat(rs.getLong("size")).isEqualTo(100L * n);
            }
            assertThat(n).isEqualTo(3);
            assertThat(kdb.requests).contains(QCharVector.of("trade"));
        }
    }

    @Test
    void qAndSPrefixesSendQOrKdbsSql() throws SQLException {
        kdb.function(".s.e", args -> kdb.globals.get("trade"));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeQuery("q)trade").close();
            assertThat(kdb.requests).contains(QCharVector.of("trade"));
            ResultSet rs = s.executeQuery("s)select * from trade");
            assertThat(rs.next()).isTrue();
            assertThat(kdb.requests).contains(QList.of(QCharVector.of(".s.e"),
                    QCharVector.of("select * from trade")));
        }
    }

    @Test
    void withLanguageSqlPlainTextIsKdbsSqlAndQStillTakesItsPrefix() throws SQLException {
        kdb.function(".s.e", args -> kdb.globals.get("trade"));
        try (Connection c = DriverManager.getConnection(kdb.url() + "?user=me&password=secret&language=sql");
             Statement s = c.createStatement()) {
            assertThat(s.executeQuery("SELECT * FROM trade").next()).isTrue();
            assertThat(kdb.requests).contains(QList.of(QCharVector.of(".s.e"), QCharVector.of("SELECT * FROM trade")));
            assertThat(s.executeQuery("q)trade").next()).isTrue();
            assertThat(kdb.requests).contains(QCharVector.of("trade"));
        }
        assertThatThrownBy(() -> DriverManager.getConnection(kdb.url() + "?language=k"))
                .isInstanceOf(SQLException.class).hasMessageContaining("language must be q or sql");
    }

    @Test
    void aQErrorIsAnSqlExceptionWithQsTextAndTheConnectionStaysUsable() throws SQLException {
        kdb.expressions.put("1+`a", r -> {
            throw new QErrorException("type");
        });
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("1+`a")).isInstanceOf(SQLException.class)
                    .hasMessage("q error: 'type").hasCauseInstanceOf(QErrorException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HY000");
            assertThat(s.executeQuery("trade").next()).isTrue();
        }
    }

    @Test
    void executeAndExecuteUpdateTellAResultFromNone() throws SQLException {
        kdb.answer("a:1", QUnaryPrimitive.IDENTITY);
        kdb.answer("`trade upsert x", dev.q4j.value.QSymbol.of("trade"));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            assertThat(s.execute("a:1")).isFalse();
            assertThat(s.getUpdateCount()).isZero();
            assertThat(s.getResultSet()).isNull();
            assertThat(s.execute("trade")).isTrue();
            assertThat(s.getResultSet().next()).isTrue();
            assertThat(s.getMoreResults()).isFalse();
            assertThat(s.getUpdateCount()).isEqualTo(-1);
            assertThat(s.executeUpdate("`trade upsert x")).isZero();
            assertThatThrownBy(() -> s.executeQuery("a:1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("no value (::)");
        }
    }

    @Test
    void everyResultShapeIsAResultSet() throws SQLException {
        kdb.globals.put("kt", QKeyedTable.of(QTable.of(List.of("k"), List.of(QSymbolVector.of("x", "y"))),
                QTable.of(List.of("v"), List.of(QLongVector.of(1, 2)))));
        kdb.answer("d", QDict.of(QSymbolVector.of("a", "b"), QLongVector.of(1, 2)));
        kdb.answer("til 3", QLongVector.of(0, 1, 2));
        kdb.answer("42", QLong.of(42));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            ResultSet kt = s.executeQuery("kt");
            assertThat(kt.getMetaData().getColumnName(1)).isEqualTo("k");
            kt.next();
            assertThat(kt.getString(1)).isEqualTo("x");
            assertThat(kt.getLong(2)).isEqualTo(1);
            ResultSet d = s.executeQuery("d");
            assertThat(d.getMetaData().getColumnName(2)).isEqualTo("value");
            ResultSet v = s.executeQuery("til 3");
            assertThat(v.last()).isTrue();
            assertThat(v.getLong(1)).isEqualTo(2);
            ResultSet a = s.executeQuery("42");
            assertThat(a.next()).isTrue();
            assertThat(a.getInt(1)).isEqualTo(42);
            assertThat(a.next()).isFalse();
        }
    }

    @Test
    void maxRowsCutsTheResultOnTheServer() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setMaxRows(2);
            s.setFetchSize(1000);
            assertThat(s.getFetchSize()).isEqualTo(1000);
            ResultSet rs = s.executeQuery("trade");
            assertThat(rs.last()).isTrue();
            assertThat(rs.getRow()).isEqualTo(2);
            QValue sent = kdb.requests.get(kdb.requests.size() - 1);
            assertThat(sent).isEqualTo(QList.of(QCharVector.of(QStatement.MAX_ROWS), QLong.of(2),
                    QCharVector.of("trade")));
        }
    }

    @Test
    void aQueryTimeoutIsAnSqlTimeoutExceptionAndTheNextQueryGetsItsOwnReply() throws SQLException {
        kdb.slow("slow", Duration.ofMillis(1500), QLong.of(1));
        kdb.answer("fast", QLong.of(2));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> s.executeQuery("slow")).isInstanceOf(SQLTimeoutException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("HYT00");
            assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(10));
            ResultSet rs = s.executeQuery("fast");
            rs.next();
            assertThat(rs.getLong(1)).as("the late reply was dropped, not taken for this one").isEqualTo(2);
        }
    }

    @Test
    void cancelStopsTheWaitWithSqlState57014() throws Exception {
        kdb.slow("slow", Duration.ofMillis(800), QLong.of(1));
        kdb.answer("fast", QLong.of(2));
        try (Connection c = connect(); Statement s = c.createStatement()) {
            CompletableFuture<Throwable> failure = failureOf(s, "slow");
            while (kdb.requests.stream().noneMatch(QCharVector.of("slow")::equals)) {
                Thread.onSpinWait();
            }
            Thread.sleep(50);
            s.cancel();
            Throwable e = failure.get(10, TimeUnit.SECONDS);
            assertThat(e).isInstanceOf(SQLException.class);
            assertThat(((SQLException) e).getSQLState()).isEqualTo("57014");
            ResultSet rs = c.createStatement().executeQuery("fast");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
    }

    @Test
    void closingAStatementStopsAThreadWaitingForItsReply() throws Exception {
        kdb.slow("slow", Duration.ofSeconds(30), QLong.of(1));
        Connection c = connect();
        Statement s = c.createStatement();
        CompletableFuture<Throwable> failure = failureOf(s, "slow");
        while (kdb.requests.stream().noneMatch(QCharVector.of("slow")::equals)) {
            Thread.onSpinWait();
        }
        s.close();
        Throwable e = failure.get(10, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(SQLException.class);
        assertThat(((SQLException) e).getSQLState()).isEqualTo("57014");
        c.close();
    }

    /**
     * A close as soon as the request reaches kdb+ (the server closes the statement from its handler) may come before
     * the statement has kept the reply's future: the close must still stop the wait (it was lost, and the waiting
     * thread waited for kdb+'s reply, in one CI run).
     */
    @Test
    void aCloseRightAfterTheRequestIsSentStillStopsTheWait() throws Exception {
        try (Connection c = connect()) {
            for (int i = 0; i < 50; i++) {
                Statement s = c.createStatement();
                kdb.slow("slow" + i, s.unwrap(QStatement.class)::close, Duration.ofSeconds(60), QLong.of(0));
                CompletableFuture<Throwable> failure = failureOf(s, "slow" + i);
                Throwable e = failure.get(10, TimeUnit.SECONDS);
                assertThat(e).as("attempt %d", i).isInstanceOf(SQLException.class);
            }
        }
    }

    /** As above for {@code cancel()}: a cancel as the request reaches kdb+ still stops that statement's wait. */
    @Test
    void aCancelRightAfterTheRequestIsSentStillStopsTheWait() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < 50; i++) {
                kdb.slow("slow" + i, () -> {
                    try {
                        s.cancel();
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }, Duration.ofSeconds(60), QLong.of(0));
                CompletableFuture<Throwable> failure = failureOf(s, "slow" + i);
                Throwable e = failure.get(10, TimeUnit.SECONDS);
                assertThat(e).as("attempt %d", i).isInstanceOf(SQLException.class);
                assertThat(((SQLException) e).getSQLState()).isEqualTo("57014");
            }
        }
    }

    @Test
    void aRefusedLoginIs28000AndNoServerIs08001() throws Exception {
        Properties wrong = new Properties();
        wrong.setProperty("user", "me");
        wrong.setProperty("password", "wrong");
        assertThatThrownBy(() -> DriverManager.getConnection(kdb.url(), wrong)).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        int free;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            free = s.getLocalPort();
        }
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:q4j://127.0.0.1:" + free))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                .isEqualTo("08001");
    }

    @Test
    void aLostConnectionIs08006AndIsValidSaysSo() throws Exception {
        Connection c = connect();
        assertThat(c.isValid(5)).isTrue();
        kdb.close();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (c.unwrap(QConnection.class).isOpen() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(c.isValid(1)).isFalse();
        assertThatThrownBy(() -> c.createStatement().executeQuery("trade")).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08006");
        c.close();
    }

    @Test
    void closedObjectsThrowAndClosingTheConnectionClosesItsStatements() throws SQLException {
        Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("trade");
        c.close();
        assertThat(s.isClosed()).isTrue();
        assertThat(rs.isClosed()).isTrue();
        assertThat(c.unwrap(QConnection.class).isOpen()).isFalse();
        assertThatThrownBy(() -> s.executeQuery("trade")).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08003");
        assertThatThrownBy(rs::next).isInstanceOf(SQLException.class);
    }

    @Test
    void transactionsAreAutoCommitOnlyAndTheRestUnwraps() throws SQLException {
        try (Connection c = connect()) {
            assertThat(c.getAutoCommit()).isTrue();
            c.commit();
            c.rollback();
            c.setAutoCommit(true);
            assertThatThrownBy(() -> c.setAutoCommit(false)).isInstanceOf(SQLFeatureNotSupportedException.class)
                    .hasMessageContaining("no transactions");
            assertThatThrownBy(c::setSavepoint).isInstanceOf(SQLFeatureNotSupportedException.class);
            assertThatThrownBy(() -> c.prepareCall("f")).isInstanceOf(SQLFeatureNotSupportedException.class);
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_NONE);
            assertThat(c.isWrapperFor(QConnection.class)).isTrue();
            assertThat((Object) c.unwrap(QConnection.class).query("trade")).isEqualTo(kdb.globals.get("trade"));
            try (Statement s = c.createStatement(); PreparedStatement p = c.prepareStatement("trade")) {
                assertThat(s.unwrap(Statement.class)).isSameAs(s);
                assertThat(p.isWrapperFor(QStatement.class)).isTrue();
                assertThatThrownBy(() -> p.unwrap(Connection.class)).isInstanceOf(SQLException.class)
                        .hasMessage("a q4j statement is not a java.sql.Connection");
            }
            assertThat(c.getMetaData().unwrap(DatabaseMetaData.class)).isSameAs(c.getMetaData());
            assertThatThrownBy(() -> c.getMetaData().unwrap(Statement.class)).isInstanceOf(SQLException.class)
                    .hasMessage("q4j's database metadata is not a java.sql.Statement");
            assertThat((Object) c.getWarnings()).isNull();
            c.setNetworkTimeout(Runnable::run, 5000);
            assertThat(c.getNetworkTimeout()).isEqualTo(5000);
        }
    }

    /** {@return what {@code s.executeQuery(query)}, run on another thread, throws (completed with null if nothing)} */
    private static CompletableFuture<Throwable> failureOf(Statement s, String query) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                s.executeQuery(query);
                return null;
            } catch (SQLException e) {
                return e;
            }
        });
    }
}
