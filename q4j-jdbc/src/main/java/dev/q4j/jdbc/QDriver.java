package dev.q4j.jdbc;

import dev.q4j.client.QConnection;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * q4j's JDBC driver for kdb+: {@code jdbc:q4j://HOST:PORT}. Found by {@link DriverManager} through {@code
 * META-INF/services/java.sql.Driver}; a SQL tool takes the class name, {@code dev.q4j.jdbc.QDriver}, and the
 * self-contained jar {@code q4j-jdbc-VERSION-all.jar}.
 *
 * <pre>{@code
 * try (Connection c = DriverManager.getConnection("jdbc:q4j://localhost:5000?user=me&password=secret");
 *      ResultSet rs = c.createStatement().executeQuery("select from trade where date=.z.d")) {
 *     while (rs.next()) {
 *         Instant time = rs.getObject("time", Instant.class);
 *         double price = rs.getDouble("price");
 *     }
 * }
 * }</pre>
 *
 * <p>URL forms: {@code jdbc:q4j://HOST:PORT}, {@code jdbc:q4j://:PORT} (localhost), {@code jdbc:q4j://[::1]:PORT},
 * {@code jdbc:q4j:unix:///path/to/socket} (a Unix socket file) and {@code jdbc:q4j:@/tmp/kx.5000} (Linux's
 * abstract namespace, where kdb+ listens; needs q4j-unix on the class path). Settings, as URL parameters
 * ({@code ?user=u&password=p}) or {@code Properties} (which win): {@code user}, {@code password}, {@code tls}
 * ({@code true} for TLS), {@code trustStore} and {@code trustStorePassword} (a trust store file, implies TLS),
 * {@code verifyHostname} (default {@code true}), {@code timeout} (connect timeout in milliseconds, as q's {@code
 * hopen}; default 10000, or {@link DriverManager#getLoginTimeout()} when set), {@code queryTimeout} (the
 * statements' default query timeout, seconds), {@code fetchSize} (the statements' default fetch size) and
 * {@code language} ({@code q}, the default, or {@code sql}: statements without a {@code q)} or {@code s)} prefix
 * are kdb+'s SQL, for tools that write SQL of their own). An unknown setting is an error.
 *
 * <p>What a connection does is described on this package: statements, prepared statements, the type mapping,
 * metadata and errors.
 */
public final class QDriver implements Driver {
    /** The driver's major version. */
    static final int MAJOR = 0;
    /** The driver's minor version. */
    static final int MINOR = 1;

    static {
        try {
            DriverManager.registerDriver(new QDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Makes a driver; {@link DriverManager} does it through the service loader. */
    public QDriver() {
    }

    /**
     * Opens a connection.
     *
     * @param url {@code jdbc:q4j://HOST:PORT?settings}, or another form this class's documentation lists
     * @param info settings, over the URL's; may be {@code null}
     * @return the connection, or {@code null} when the URL is not a q4j one (as {@link Driver} asks)
     * @throws SQLException 08001 when the URL is malformed or the server cannot be reached, 28000 when the server
     *         refuses the login
     */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return open(JdbcUrl.parse(url, info), url);
    }

    static Connection open(JdbcUrl parsed, String url) throws SQLException {
        var options = parsed.options();
        int login = DriverManager.getLoginTimeout();
        if (login > 0 && !parsed.values.containsKey("timeout")) {
            options = options.toBuilder().connectTimeout(Duration.ofSeconds(login)).build();
        }
        long queryTimeout = parsed.number("queryTimeout", 0);
        long fetchSize = parsed.number("fetchSize", 0);
        if (queryTimeout < 0 || queryTimeout > Integer.MAX_VALUE || fetchSize < 0 || fetchSize > Integer.MAX_VALUE) {
            throw new SQLException("queryTimeout and fetchSize must be 0 or more: " + JdbcUrl.redact(url), "08001");
        }
        boolean sqlByDefault = parsed.sqlByDefault();
        QConnection q;
        try {
            q = QConnection.connect(options);
        } catch (RuntimeException e) {
            throw Errors.of(e, true);
        }
        return new QJdbcConnection(q, url, (int) queryTimeout, (int) fetchSize, sqlByDefault);
    }

    /** {@return whether {@code url} starts with {@code jdbc:q4j:}} */
    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    /** {@return every setting the driver takes, with its description; {@code info}'s values filled in} */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        return JdbcUrl.propertyInfo(info);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return MINOR;
    }

    /** {@return false: kdb+ is not a SQL-92 database, and the driver sends q} */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** {@return never: the driver logs nothing through java.util.logging} */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("q4j's driver does not log through java.util.logging", "0A000");
    }
}
