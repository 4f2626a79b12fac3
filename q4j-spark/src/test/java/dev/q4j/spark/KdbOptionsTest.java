package dev.q4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options, their defaults, and a clear error for each bad one. */
class KdbOptionsTest {
    @Test
    void filesNeedAPathAndATable() {
        KdbOptions o = KdbOptions.of(Map.of("path", "/db", "TABLE", "trade"));
        assertThat(o.ipc()).isFalse();
        assertThat(o.maxRowsPerSplit()).isEqualTo(KdbOptions.DEFAULT_MAX_ROWS_PER_SPLIT);
        assertThat(o.batchRows()).isEqualTo(KdbOptions.DEFAULT_BATCH_ROWS);
        assertThat(o.minRowsPerSplit()).as("one Spark partition per database partition").isZero();
        assertThat(o.timestampsAsLong()).isFalse();
        assertThatThrownBy(() -> KdbOptions.of(Map.of("table", "trade"))).hasMessageContaining("database directory");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("path", "/db"))).hasMessageContaining("option table is missing");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("path", "/db", "table", "t", "query", "x")))
                .hasMessageContaining("option query is for a kdb+ process");
    }

    @Test
    void aKdbProcessNeedsAPortAndOneOfTableAndQuery() {
        KdbOptions o = KdbOptions.of(Map.of("host", "127.0.0.1", "port", "5001", "query", "select from t"));
        assertThat(o.ipc()).isTrue();
        assertThat(o.port()).isEqualTo(5001);
        assertThatThrownBy(() -> KdbOptions.of(Map.of("host", "h", "table", "t")))
                .hasMessageContaining("option port is missing");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("host", "h", "port", "1", "table", "t", "query", "q")))
                .hasMessageContaining("exactly one of option table and option query");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("host", "h", "port", "70000", "table", "t")))
                .hasMessageContaining("option port must lie within 1 and 65535, not 70000");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("host", "h", "port", "1", "query", "q", "from", "2024-01-02")))
                .hasMessageContaining("partition a table");
    }

    @Test
    void numbersAndChoicesAreChecked() {
        assertThatThrownBy(() -> KdbOptions.of(Map.of("path", "/db", "table", "t", "maxRowsPerSplit", "0")))
                .hasMessageContaining("option maxrowspersplit must lie within 1");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("path", "/db", "table", "t", "batchRows", "many")))
                .hasMessageContaining("option batchrows must be an integer, not many");
        assertThatThrownBy(() -> KdbOptions.of(Map.of("path", "/db", "table", "t", "timestampAs", "nanos")))
                .hasMessageContaining("option timestampas must be timestamp or long, not nanos");
        assertThat(KdbOptions.of(Map.of("path", "/db", "table", "t", "timespanAs", "LONG")).timespansAsLong())
                .isTrue();
    }
}
