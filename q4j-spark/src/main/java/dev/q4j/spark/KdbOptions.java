package dev.q4j.spark;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The source's options, read once on the driver and shipped to the executors.
 *
 * @param path the database directory (files), or null over IPC
 * @param table the table, or null when a query is given
 * @param query the q query (IPC), or null
 * @param host the kdb+ host (IPC), or null for files
 * @param port the kdb+ port (IPC)
 * @param user the user (IPC), or null
 * @param password the password (IPC), or null
 * @param from the first date of the IPC date range, or null
 * @param to the last date of the IPC date range, or null
 * @param partitionColumn the partition column of the IPC table ({@code date})
 * @param maxRowsPerSplit the most rows of one Spark partition (files)
 * @param minRowsPerSplit the rows a Spark partition packs small database partitions up to (files; 0: none packed)
 * @param batchRows the most rows of one columnar batch
 * @param timestampsAsLong whether timestamps are read as long nanoseconds since 1970 rather than Spark timestamps
 * @param timespansAsLong whether timespans are read as long nanoseconds rather than Spark intervals
 */
record KdbOptions(String path, String table, String query, String host, int port, String user, String password,
        String from, String to, String partitionColumn, int maxRowsPerSplit, int minRowsPerSplit, int batchRows,
        boolean timestampsAsLong, boolean timespansAsLong) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** the default most rows of one Spark partition read from files */
    static final int DEFAULT_MAX_ROWS_PER_SPLIT = 4 * 1024 * 1024;
    /** the default most rows of one columnar batch */
    static final int DEFAULT_BATCH_ROWS = 16 * 1024;

    /** {@return the options given to {@code spark.read}}, checked (keys are case-insensitive) */
    static KdbOptions of(Map<String, String> given) {
        Map<String, String> o = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : given.entrySet()) {
            o.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        String host = o.get("host");
        String path = o.get("path");
        String table = o.get("table");
        String query = o.get("query");
        if (host == null) {
            if (path == null || path.isBlank()) {
                throw new IllegalArgumentException("kdb: give the database directory (load(\"/path/to/hdb\")) or a"
                        + " kdb+ process (option host and port)");
            }
            if (table == null || table.isBlank()) {
                throw new IllegalArgumentException("kdb: option table is missing (the table of " + path + " to read)");
            }
            if (query != null) {
                throw new IllegalArgumentException("kdb: option query is for a kdb+ process (option host): a database"
                        + " directory is read by table");
            }
        } else {
            if ((table == null) == (query == null)) {
                throw new IllegalArgumentException("kdb: over IPC give exactly one of option table and option query");
            }
            if (!o.containsKey("port")) {
                throw new IllegalArgumentException("kdb: option port is missing (the port of kdb+ at " + host + ")");
            }
            if (query != null && (o.containsKey("from") || o.containsKey("to"))) {
                throw new IllegalArgumentException("kdb: options from and to partition a table (option table), not"
                        + " a query");
            }
        }
        return new KdbOptions(host == null ? path : null, table, query, host,
                host == null ? 0 : intOption(o, "port", 0, 1, 65535), o.get("user"), o.get("password"),
                o.get("from"), o.get("to"), o.getOrDefault("partitioncolumn", "date"),
                intOption(o, "maxrowspersplit", DEFAULT_MAX_ROWS_PER_SPLIT, 1, Integer.MAX_VALUE),
                intOption(o, "minrowspersplit", 0, 0, Integer.MAX_VALUE),
                intOption(o, "batchrows", DEFAULT_BATCH_ROWS, 1, Integer.MAX_VALUE),
                choice(o, "timestampas", "timestamp", "long"), choice(o, "timespanas", "interval", "long"));
    }

    private static int intOption(Map<String, String> o, String key, int dflt, int min, int max) {
        String v = o.get(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new IllegalArgumentException("kdb: option " + key + " must lie within " + min + " and " + max
                        + ", not " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("kdb: option " + key + " must be an integer, not " + v, e);
        }
    }

    /** {@return whether the option is {@code other}}: it must be {@code dflt} or {@code other} */
    private static boolean choice(Map<String, String> o, String key, String dflt, String other) {
        String v = o.getOrDefault(key, dflt).strip().toLowerCase(Locale.ROOT);
        if (!v.equals(dflt) && !v.equals(other)) {
            throw new IllegalArgumentException("kdb: option " + key + " must be " + dflt + " or " + other + ", not "
                    + o.get(key));
        }
        return v.equals(other);
    }

    /** {@return whether the source is a kdb+ process rather than files} */
    boolean ipc() {
        return host != null;
    }
}
