package dev.q4j.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.q4j.value.QAtom;
import dev.q4j.value.QBoolean;
import dev.q4j.value.QByte;
import dev.q4j.value.QByteVector;
import dev.q4j.value.QCharVector;
import dev.q4j.value.QDate;
import dev.q4j.value.QFloat;
import dev.q4j.value.QGuid;
import dev.q4j.value.QInt;
import dev.q4j.value.QList;
import dev.q4j.value.QLong;
import dev.q4j.value.QLongVector;
import dev.q4j.value.QMonth;
import dev.q4j.value.QReal;
import dev.q4j.value.QSequence;
import dev.q4j.value.QShort;
import dev.q4j.value.QSymbol;
import dev.q4j.value.QTable;
import dev.q4j.value.QTime;
import dev.q4j.value.QTimespan;
import dev.q4j.value.QTimestamp;
import dev.q4j.value.QValue;
import dev.q4j.value.QVectors;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Prepared statements: the text a q function, the parameters its arguments, sent as q values. */
class PreparedStatementIT {
    /** A function that returns its arguments as a one-row table, columns a1, a2, ...: the values come back. */
    private static final String ROW = "{[a1;a2;a3;a4;a5;a6;a7;a8] ...}";

    private FakeKdb kdb;

    @BeforeEach
    void start() throws Exception {
        kdb = new FakeKdb();
        kdb.function(ROW, PreparedStatementIT::row);
    }

    @AfterEach
    void stop() {
        kdb.close();
    }

    static QValue row(List<QValue> args) {
        List<String> names = new ArrayList<>();
        List<QSequence> cols = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            names.add("a" + (i + 1));
            QValue a = args.get(i);
            cols.add(a instanceof QAtom ? QVectors.ofAtoms(a.type(), List.of(a)) : QList.of(a));
        }
        return QTable.of(names, cols);
    }

    private List<QValue> lastArguments() {
        QList call = (QList) kdb.requests.get(kdb.requests.size() - 1);
        assertThat(call.at(0)).isEqualTo(QCharVector.of(ROW));
        return call.items().subList(1, call.count());
    }

    @Test
    void parametersOfEveryTypeTravelAsQValuesAndComeBack() throws SQLException {
        UUID guid = UUID.randomUUID();
        LocalDateTime when = LocalDateTime.of(2024, 1, 2, 9, 30, 0, 123_456_789);
        try (Connection c = DriverManager.connect(kdb); PreparedStatement ps = c.prepareStatement(ROW)) {
            ps.setBoolean(1, true);
            ps.setByte(2, (byte) 7);
            ps.setShort(3, (short) -3);
            ps.setInt(4, 42);
            ps.setLong(5, 1L << 40);
            ps.setFloat(6, 1.5f);
            ps.setDouble(7, 2.25);
            ps.setString(8, "IBM");
            ResultSet rs = ps.executeQuery();
            assertThat(lastArguments()).containsExactly(QBoolean.of(true), QByte.of((byte) 7),
                    QShort.of((short) -3), QInt.of(42), QLong.of(1L << 40), QReal.of(1.5f), QFloat.of(2.25),
                    QSymbol.of("IBM"));
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
            assertThat(rs.getInt(2)).isEqualTo(7);
            assertThat(rs.getShort(3)).isEqualTo((short) -3);
            assertThat(rs.getInt(4)).isEqualTo(42);
            assertThat(rs.getLong(5)).isEqualTo(1L << 40);
            assertThat(rs.getFloat(6)).isEqualTo(1.5f);
            assertThat(rs.getDouble(7)).isEqualTo(2.25);
            assertThat(rs.getString(8)).isEqualTo("IBM");

            ps.clearParameters();
            ps.setTimestamp(1, Timestamp.valueOf(when));
            ps.setDate(2, Date.valueOf("2024-01-02"));
            ps.setTime(3, new Time(Time.valueOf("09:30:00").getTime() + 250));
            ps.setObject(4, when.toInstant(ZoneOffset.UTC));
            ps.setObject(5, YearMonth.of(2024, 3));
            ps.setObject(6, Duration.ofMinutes(90));
            ps.setObject(7, guid);
            ps.setObject(8, "a string", Types.LONGVARCHAR);
            rs = ps.executeQuery();
            assertThat(lastArguments()).containsExactly(QTimestamp.of(when), QDate.of(LocalDate.of(2024, 1, 2)),
                    QTime.of(LocalTime.of(9, 30, 0, 250_000_000)), QTimestamp.of(when),
                    QMonth.of(YearMonth.of(2024, 3)), QTimespan.of(Duration.ofMinutes(90)), QGuid.of(guid),
                    QCharVector.of("a string"));
            rs.next();
            assertThat(rs.getObject(1, LocalDateTime.class)).isEqualTo(when);
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(rs.getObject(3, LocalTime.class)).isEqualTo(LocalTime.of(9, 30, 0, 250_000_000));
            assertThat(rs.getObject(4, Instant.class)).isEqualTo(when.toInstant(ZoneOffset.UTC));
            assertThat(rs.getObject(5, YearMonth.class)).isEqualTo(YearMonth.of(2024, 3));
            assertThat(rs.getObject(6, Duration.class)).isEqualTo(Duration.ofMinutes(90));
            assertThat(rs.getObject(7, UUID.class)).isEqualTo(guid);
            assertThat(rs.getString(8)).isEqualTo("a string");

            ps.clearParameters();
            ps.setNull(1, Types.BIGINT);
            ps.setNull(2, Types.TIMESTAMP);
            ps.setBigDecimal(3, new BigDecimal("12"));
            ps.setBigDecimal(4, new BigDecimal("1.25"));
            ps.setObject(5, new long[] {1, 2, 3});
            ps.setArray(6, c.createArrayOf("long", new Object[] {4L, 5L}));
            ps.setBytes(7, new byte[] {1, 2});
            ps.setObject(8, OffsetDateTime.of(when, ZoneOffset.ofHours(2)));
            rs = ps.executeQuery();
            assertThat(lastArguments()).containsExactly(QLong.NULL, QTimestamp.NULL, QLong.of(12), QFloat.of(1.25),
                    QLongVector.of(1, 2, 3), QLongVector.of(4, 5), QByteVector.of((byte) 1, (byte) 2),
                    QTimestamp.of(when.minusHours(2)));
            rs.next();
            assertThat(rs.getLong(1)).isZero();
            assertThat(rs.wasNull()).isTrue();
            assertThat(rs.getTimestamp(2)).isNull();
            assertThat(rs.wasNull()).isTrue();
            assertThat((Object[]) rs.getArray(5).getArray()).containsExactly(1L, 2L, 3L);
            assertThat(rs.getObject(8, OffsetDateTime.class)).isEqualTo(when.minusHours(2).atOffset(ZoneOffset.UTC));
        }
    }

    @Test
    void textIsNeverSplicedAParameterStaysAValue() throws SQLException {
        kdb.function("{[s] select from trade where sym=s}", args -> row(args));
        try (Connection c = DriverManager.connect(kdb);
             PreparedStatement ps = c.prepareStatement("{[s] select from trade where sym=s}")) {
            String hostile = "IBM\"; system \"rm -rf /";
            ps.setString(1, hostile);
            ResultSet rs = ps.executeQuery();
            QList call = (QList) kdb.requests.get(kdb.requests.size() - 1);
            assertThat(call.at(0)).isEqualTo(QCharVector.of("{[s] select from trade where sym=s}"));
            assertThat(call.at(1)).isEqualTo(QSymbol.of(hostile));
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(hostile);
        }
    }

    @Test
    void withoutParametersTheTextRunsAsAStatementAndAGapIsAnError() throws SQLException {
        kdb.answer("til 3", QLongVector.of(0, 1, 2));
        try (Connection c = DriverManager.connect(kdb)) {
            ResultSet rs = c.prepareStatement("til 3").executeQuery();
            assertThat(rs.last()).isTrue();
            assertThat(rs.getRow()).isEqualTo(3);
            PreparedStatement ps = c.prepareStatement(ROW);
            ps.setLong(2, 1);
            assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("parameter 1 is not set").extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("07001");
            assertThatThrownBy(() -> ps.executeQuery("til 3")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("runs its own text");
            PreparedStatement sql = c.prepareStatement("s)select * from t");
            sql.setLong(1, 1);
            assertThatThrownBy(sql::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("kdb+'s SQL (s), or language=sql without q)) takes none");
        }
    }

    @Test
    void withLanguageSqlAFunctionNeedsItsQPrefix() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(kdb.url() + "?language=sql")) {
            PreparedStatement plain = c.prepareStatement(ROW);
            plain.setLong(1, 1);
            assertThatThrownBy(plain::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("takes none");
            PreparedStatement q = c.prepareStatement("q)" + ROW);
            q.setLong(1, 1);
            ResultSet rs = q.executeQuery();
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void aBatchCallsTheFunctionOncePerParameterSet() throws SQLException {
        List<QValue> calls = new ArrayList<>();
        kdb.function(".u.upd", args -> {
            calls.add(QList.of(args));
            return dev.q4j.value.QUnaryPrimitive.IDENTITY;
        });
        try (Connection c = DriverManager.connect(kdb); PreparedStatement ps = c.prepareStatement(".u.upd")) {
            for (long i = 0; i < 3; i++) {
                ps.setString(1, "trade");
                ps.setLong(2, i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(Statement.SUCCESS_NO_INFO, Statement.SUCCESS_NO_INFO,
                    Statement.SUCCESS_NO_INFO);
            assertThat(calls).containsExactly(QList.of(QSymbol.of("trade"), QLong.of(0)),
                    QList.of(QSymbol.of("trade"), QLong.of(1)), QList.of(QSymbol.of("trade"), QLong.of(2)));
            ps.setString(1, "trade");
            ps.setLong(2, 9);
            assertThat(ps.executeUpdate()).isZero();
            assertThat(ps.execute()).isFalse();
        }
    }

    /** Connections to a {@link FakeKdb} through {@link java.sql.DriverManager}. */
    static final class DriverManager {
        private DriverManager() {
        }

        static Connection connect(FakeKdb kdb) throws SQLException {
            return java.sql.DriverManager.getConnection(kdb.url());
        }
    }
}
