package dev.q4j.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * JDBC's {@link Wrapper}, written once for the driver's objects that wrap nothing: each unwraps to itself, as any
 * interface or class it is, and refuses anything else with an error naming what it is.
 */
abstract class JdbcWrapper implements Wrapper {
    private final String what;

    /** @param what what the object is, as the error for what it cannot unwrap to names it: {@code "a q4j statement"} */
    JdbcWrapper(String what) {
        this.what = what;
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException(what + " is not a " + iface.getName(), "HY000");
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
