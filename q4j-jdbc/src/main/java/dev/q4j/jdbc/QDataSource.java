package dev.q4j.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for q4j's driver: the URL (as {@link QDriver} reads it) and the user and password. Each
 * {@link #getConnection()} opens a new connection; pool them with a pool (HikariCP takes this class as its
 * {@code dataSourceClassName}, with {@code dataSource.url}).
 *
 * <pre>{@code
 * QDataSource ds = new QDataSource();
 * ds.setUrl("jdbc:q4j://localhost:5000");
 * ds.setUser("me");
 * ds.setPassword("secret");
 * try (Connection c = ds.getConnection()) { ... }
 * }</pre>
 */
public final class QDataSource implements DataSource {
    private String url;
    private String user;
    private String password;
    private int loginTimeout;
    private PrintWriter logWriter;

    /** Makes a data source with no URL yet. */
    public QDataSource() {
    }

    /** {@return the URL} */
    public String getUrl() {
        return url;
    }

    /**
     * Sets the URL.
     *
     * @param url {@code jdbc:q4j://HOST:PORT}, with settings if wanted
     */
    public void setUrl(String url) {
        this.url = url;
    }

    /** {@return the user, or {@code null} to use the URL's} */
    public String getUser() {
        return user;
    }

    /**
     * Sets the user, over the URL's.
     *
     * @param user the user name
     */
    public void setUser(String user) {
        this.user = user;
    }

    /**
     * Sets the password, over the URL's.
     *
     * @param password the password
     */
    public void setPassword(String password) {
        this.password = password;
    }

    /**
     * {@return a new connection}
     *
     * @throws SQLException as {@link QDriver#connect} does; 08001 when no URL is set
     */
    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    /**
     * {@return a new connection as {@code user}}
     *
     * @param user the user name
     * @param password the password
     * @throws SQLException as {@link QDriver#connect} does; 08001 when no URL is set
     */
    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (url == null) {
            throw new SQLException("the data source has no URL: setUrl(\"jdbc:q4j://HOST:PORT\")", "08001");
        }
        Properties info = new Properties();
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        JdbcUrl parsed = JdbcUrl.parse(url, info);
        if (loginTimeout > 0 && !parsed.values.containsKey("timeout")) {
            parsed.values.put("timeout", Long.toString(loginTimeout * 1000L));
        }
        return QDriver.open(parsed, url);
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** Kept, as {@link DataSource} asks; the driver writes nothing to it. */
    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    /** The connect timeout in seconds (0: the URL's {@code timeout}, or its default). */
    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        if (seconds < 0) {
            throw new SQLException("the login timeout must be 0 or more seconds: " + seconds, "HY024");
        }
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("q4j's driver does not log through java.util.logging", "0A000");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("a QDataSource is not a " + iface.getName(), "HY000");
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
