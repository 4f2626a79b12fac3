package dev.q4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.junit.jupiter.api.Test;

/** Which filters decide partitions, which choose symbols, and which are left to Spark. */
class FiltersTest {
    private static final LocalDate D = LocalDate.of(2024, 1, 3);
    private static final long V = D.toEpochDay();

    @Test
    void comparisonsOnThePartitionColumnAreDecidedPerPartition() {
        assertThat(Filters.partition(new EqualTo("date", D), "date", V)).isTrue();
        assertThat(Filters.partition(new EqualTo("date", java.sql.Date.valueOf(D)), "date", V + 1)).isFalse();
        assertThat(Filters.partition(new GreaterThan("date", D), "date", V)).isFalse();
        assertThat(Filters.partition(new GreaterThanOrEqual("date", D), "date", V)).isTrue();
        assertThat(Filters.partition(new LessThan("date", D), "date", V - 1)).isTrue();
        assertThat(Filters.partition(new LessThanOrEqual("date", D), "date", V + 1)).isFalse();
        assertThat(Filters.partition(new In("date", new Object[] {D, D.plusDays(5)}), "date", V + 5)).isTrue();
        assertThat(Filters.partition(new In("date", new Object[] {D, null}), "date", V + 1)).isFalse();
        assertThat(Filters.partition(new IsNull("date"), "date", V)).isFalse();
        assertThat(Filters.partition(new Not(new EqualTo("date", D)), "date", V)).isFalse();
        Filter between = new And(new GreaterThanOrEqual("date", D), new LessThanOrEqual("date", D.plusDays(2)));
        assertThat(Filters.partition(between, "date", V + 2)).isTrue();
        assertThat(Filters.partition(between, "date", V + 3)).isFalse();
        assertThat(Filters.partition(new EqualTo("int", 7), "int", 7)).isTrue();
        assertThat(Filters.exactOnPartition(between, "date")).isTrue();
    }

    @Test
    void filtersNamingOtherColumnsAreLeftToSpark() {
        Filter mixed = new And(new EqualTo("date", D), new EqualTo("sym", "a"));
        assertThat(Filters.exactOnPartition(mixed, "date")).isFalse();
        assertThat(Filters.partition(mixed, "date", V)).as("unknown: the sym part is Spark's").isNull();
        assertThat(Filters.partition(mixed, "date", V + 1)).as("false whatever the sym").isFalse();
        Filter either = new Or(new EqualTo("date", D), new EqualTo("sym", "a"));
        assertThat(Filters.partition(either, "date", V + 1)).as("a sym may still pass").isNull();
        assertThat(Filters.exactOnPartition(new EqualTo("date", "2024-01-03"), "date")).as("a string literal")
                .isFalse();
        assertThat(Filters.exactOnPartition(new StringStartsWith("date", "2024"), "date")).isFalse();
    }

    @Test
    void equalityAndInOnAnEnumeratedColumnChooseSymbols() {
        Set<String> enumerated = Set.of("sym");
        assertThat(Filters.symbols(new EqualTo("sym", "IBM"), enumerated)).containsExactly("IBM");
        assertThat(Filters.symbols(new In("sym", new Object[] {"a", null, "b", ""}), enumerated))
                .containsExactly("a", "b");
        assertThat(Filters.symbols(new EqualTo("other", "IBM"), enumerated)).isNull();
        assertThat(Filters.symbols(new GreaterThan("sym", "IBM"), enumerated)).isNull();
        assertThat(Filters.symbols(new Not(new EqualTo("sym", "IBM")), enumerated)).isNull();
    }
}
