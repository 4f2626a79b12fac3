package dev.q4j.examples;

// readme:begin
import java.sql.*;
import java.time.*;
// readme:end
import dev.q4j.client.QConnection;
import dev.q4j.text.QText;
import dev.q4j.value.QValue;
import java.util.Map;

/**
 * The README's JDBC: a query and a prepared statement through q4j's JDBC driver, found by {@link DriverManager},
 * against a {@link FakeKdb} answering as a q process with a {@code trade} table would.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.JdbcExample}
 */
public final class JdbcExample {
    private JdbcExample() {
    }

    /**
     * Runs it, printing the rows.
     *
     * @param args none
     * @throws Exception when it fails
     */
    public static void main(String[] args) throws Exception {
        QValue ibm = QText.parse("([] time:2024.01.02D09:30:00 2024.01.02D09:30:05; sym:`IBM`IBM; "
                + "price:187.25 187.5; size:100 0N)");
        try (FakeKdb kdb = FakeKdb.start(Map.of(
                "\"select from trade where date=.z.d, sym=`IBM\"", ibm,
                "(\"{[s;d] select from trade where sym=s, date=d}\";`IBM;2024.01.02)", ibm))) {
            String url = "jdbc:q4j://localhost:" + kdb.port();
            // readme:begin
            try (Connection c = DriverManager.getConnection(url, "user", "password")) {
                try (Statement s = c.createStatement();
                     ResultSet rs = s.executeQuery("select from trade where date=.z.d, sym=`IBM")) {
                    while (rs.next()) {
                        Instant time = rs.getObject("time", Instant.class);
                        double price = rs.getDouble("price");     // no boxing: read from the column's double[]
                        long size = rs.getLong("size");           // 0, and rs.wasNull() true, for q's 0N
                        System.out.println(time + " " + price + " " + size + (rs.wasNull() ? " (null)" : ""));
                    }
                }
                PreparedStatement ps = c.prepareStatement("{[s;d] select from trade where sym=s, date=d}");
                ps.setString(1, "IBM");                           // a symbol
                ps.setObject(2, LocalDate.of(2024, 1, 2));        // a date
                try (ResultSet rs = ps.executeQuery()) {          // sent as ("{[s;d] ...}";`IBM;2024.01.02)
                    System.out.println(rs.getMetaData().getColumnCount() + " columns");   // 4 columns
                }
                QConnection q = c.unwrap(QConnection.class);      // the q4j connection underneath
                System.out.println("unwrapped: " + q.getClass().getSimpleName() + " " + q.isOpen());   // readme:hide
            }
            // readme:end
        }
    }
}
