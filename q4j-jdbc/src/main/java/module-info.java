/**
 * q4j jdbc: a JDBC driver for kdb+ ({@link dev.q4j.jdbc.QDriver}, {@link dev.q4j.jdbc.QDataSource}) over q4j's
 * client; see {@link dev.q4j.jdbc} for what it does and the type mapping.
 */
module dev.q4j.jdbc {
    requires transitive java.sql;
    requires dev.q4j.ipc;

    exports dev.q4j.jdbc;

    provides java.sql.Driver with dev.q4j.jdbc.QDriver;
}
