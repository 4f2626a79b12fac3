package dev.q4j.arrow;

import java.util.Objects;

/**
 * How q tables become Arrow: what q's nulls become, what a mixed list column becomes, how many rows a record batch
 * holds. Immutable; {@link #defaults()} or a {@link #builder()}.
 *
 * <pre>{@code
 * ArrowOptions options = ArrowOptions.builder()
 *         .nulls(ArrowOptions.Nulls.Q_VALUES)          // keep 0N, 0n, ` ... as values, no validity bits
 *         .mixedLists(ArrowOptions.MixedLists.Q_TEXT)  // (1;`a) as the Utf8 text "(1;`a)"
 *         .batchRows(100_000)
 *         .build();
 * }</pre>
 */
public final class ArrowOptions {
    /** The default {@link #batchRows()}: 65,536 rows. */
    public static final int DEFAULT_BATCH_ROWS = 65_536;

    private static final ArrowOptions DEFAULTS = new Builder().build();

    /** What q's null values become in Arrow. */
    public enum Nulls {
        /** q nulls become Arrow nulls (validity bits cleared); the default */
        ARROW,
        /**
         * q nulls stay q's values ({@code 0N} as {@code Long.MIN_VALUE}, {@code 0n} as NaN, the null symbol as an
         * empty string, ...) and every validity bit is set
         */
        Q_VALUES
    }

    /** What a general list column that is neither strings nor vectors of one type becomes. */
    public enum MixedLists {
        /** a {@link QArrowException} naming the column; the default */
        ERROR,
        /** Utf8: each item as q text ({@code QText.print}), read back with {@code QText.parse} */
        Q_TEXT
    }

    private final Nulls nulls;
    private final MixedLists mixedLists;
    private final int batchRows;

    private ArrowOptions(Builder b) {
        this.nulls = b.nulls;
        this.mixedLists = b.mixedLists;
        this.batchRows = b.batchRows;
    }

    /** {@return q nulls as Arrow nulls, mixed lists an error, 65,536 rows a batch} */
    public static ArrowOptions defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these options} */
    public Builder toBuilder() {
        return new Builder().nulls(nulls).mixedLists(mixedLists).batchRows(batchRows);
    }

    /** {@return what q's nulls become} */
    public Nulls nulls() {
        return nulls;
    }

    /** {@return what mixed general list columns become} */
    public MixedLists mixedLists() {
        return mixedLists;
    }

    /**
     * {@return the most rows of one record batch that {@link QArrow#reader} and the IPC writers make: a longer table is
     * cut into several batches}
     */
    public int batchRows() {
        return batchRows;
    }

    @Override
    public String toString() {
        return "ArrowOptions[nulls=" + nulls + ", mixedLists=" + mixedLists + ", batchRows=" + batchRows + "]";
    }

    /**
     * Builds {@link ArrowOptions}.
     *
     * <pre>{@code
     * ArrowOptions o = ArrowOptions.builder().batchRows(10_000).build();
     * }</pre>
     */
    public static final class Builder {
        private Nulls nulls = Nulls.ARROW;
        private MixedLists mixedLists = MixedLists.ERROR;
        private int batchRows = DEFAULT_BATCH_ROWS;

        private Builder() {
        }

        /**
         * {@return this builder}
         *
         * @param nulls what q's nulls become
         */
        public Builder nulls(Nulls nulls) {
            this.nulls = Objects.requireNonNull(nulls, "nulls");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param mixedLists what mixed general list columns become
         */
        public Builder mixedLists(MixedLists mixedLists) {
            this.mixedLists = Objects.requireNonNull(mixedLists, "mixedLists");
            return this;
        }

        /**
         * {@return this builder}
         *
         * @param batchRows the most rows of one record batch, at least 1
         * @throws IllegalArgumentException when {@code batchRows} is less than 1
         */
        public Builder batchRows(int batchRows) {
            if (batchRows < 1) {
                throw new IllegalArgumentException("batchRows must be at least 1, not " + batchRows);
            }
            this.batchRows = batchRows;
            return this;
        }

        /** {@return the options} */
        public ArrowOptions build() {
            return new ArrowOptions(this);
        }
    }
}
