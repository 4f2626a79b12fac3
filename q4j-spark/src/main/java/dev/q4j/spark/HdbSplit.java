package dev.q4j.spark;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One Spark partition of a scan on disk: a slice of one database partition, or several whole small ones packed
 * together (option {@code minRowsPerSplit}).
 *
 * @param pieces the slices read, in order
 */
record HdbSplit(List<Piece> pieces) implements InputPartition {
    private static final long serialVersionUID = 1L;

    /**
     * Rows {@code from} to {@code from + count} of one database partition.
     *
     * @param partition the database partition's name, or null when the table is not partitioned
     * @param value the partition's value as Spark holds it (days since 1970, or the int)
     * @param from the first row
     * @param count how many rows
     */
    record Piece(String partition, long value, int from, int count) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
    }
}
