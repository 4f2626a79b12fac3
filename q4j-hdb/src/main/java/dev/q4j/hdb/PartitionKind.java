package dev.q4j.hdb;

import dev.q4j.value.QSequence;
import dev.q4j.value.QType;
import dev.q4j.value.QVectors;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * How a database is partitioned, told by its partition directories' names; each partitioned table gets a first
 * column of that name and type, as in q ({@code date}, {@code month}, {@code int}).
 *
 * <pre>{@code
 * hdb.partitionKind();   // Optional[DATE]: directories such as 2024.01.02
 * }</pre>
 *
 * <p>Year partitions ({@code 2024}) are read as {@link #INT}: how kdb+ tells a year from an integer partition is not
 * proven by any file at hand, so q4j does not guess.
 */
public enum PartitionKind {
    /** directories named {@code yyyy.mm.dd}: a {@code date} column */
    DATE,
    /** directories named {@code yyyy.mm}: a {@code month} column */
    MONTH,
    /** directories named by a non-negative integer: an {@code int} column */
    INT;

    private static final LocalDate EPOCH = LocalDate.of(2000, 1, 1);

    /** {@return the name of the partition column q gives tables partitioned so} */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@return the partition's value as q holds it: days or months since 2000.01.01, or the integer} */
    int value(Path dir, String name) {
        try {
            switch (this) {
                case DATE:
                    return Math.toIntExact(ChronoUnit.DAYS.between(EPOCH, LocalDate.parse(name.replace('.', '-'))));
                case MONTH:
                    LocalDate m = LocalDate.parse(name.replace('.', '-') + "-01");
                    return Math.toIntExact(ChronoUnit.MONTHS.between(EPOCH, m));
                default:
                    return Integer.parseInt(name);
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new HdbException(dir, -1, "partition name " + name + " is not a valid " + column(), e);
        }
    }

    /** {@return the partition column's q type} */
    QType type() {
        return this == DATE ? QType.DATE : this == MONTH ? QType.MONTH : QType.INT;
    }

    /** {@return whether a directory so named is a partition of this kind} (its value checked too) */
    boolean matches(String name) {
        String pattern = this == DATE ? "\\d{4}\\.\\d{2}\\.\\d{2}" : this == MONTH ? "\\d{4}\\.\\d{2}" : "\\d{1,10}";
        if (!name.matches(pattern)) {
            return false;
        }
        try {
            value(null, name);
            return true;
        } catch (HdbException e) {
            return false;
        }
    }

    /** {@return the directory name of the partition whose value (as q holds it) is {@code value}} */
    String name(int value) {
        switch (this) {
            case DATE:
                return EPOCH.plusDays(value).toString().replace('-', '.');
            case MONTH:
                return EPOCH.plusMonths(value).toString().substring(0, 7).replace('-', '.');
            default:
                if (value < 0) {
                    throw new IllegalArgumentException("int partition " + value + " is negative");
                }
                return Integer.toString(value);
        }
    }

    Comparator<String> order() {
        return Comparator.comparingInt((String n) -> value(null, n));
    }

    /** {@return the partition column of {@code rows} rows in each of {@code partitions}} */
    QSequence column(List<String> partitions, List<Integer> rows) {
        int n = rows.stream().mapToInt(Integer::intValue).sum();
        int[] v = new int[n];
        int at = 0;
        for (int i = 0; i < partitions.size(); i++) {
            int x = value(null, partitions.get(i));
            for (int r = 0; r < rows.get(i); r++) {
                v[at++] = x;
            }
        }
        QType t = this == DATE ? QType.DATE : this == MONTH ? QType.MONTH : QType.INT;
        return QVectors.wrapInts(t, v, dev.q4j.value.Attribute.NONE);
    }
}
