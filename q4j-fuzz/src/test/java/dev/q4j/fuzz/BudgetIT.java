package dev.q4j.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QLongVector;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Budget}'s second opinion: the same work on the same input in a JVM of its own, without Jazzer. */
class BudgetIT {
    @Test
    void aFreshJvmMeasuresTheIteratorChainJazzersHooksInflatedWithinBudget() throws IOException {
        byte[] input;
        try (InputStream in = BudgetIT.class.getResourceAsStream(
                "QTextFuzzTestInputs/parse/iterator-chain-under-jazzer-string-hooks")) {
            input = in.readAllBytes();
        }
        long budget = Budget.ALLOCATION_MULTIPLE * Work.QTEXT_PARSE.base(input) + Budget.ALLOCATION_SLACK;

        long bytes = Budget.withoutJazzer(Work.QTEXT_PARSE, input);

        // 355 KB under Jazzer's hooks, about 23 KB in a plain JVM: within the 82 KB the input is allowed
        assertThat(bytes).isPositive().isLessThanOrEqualTo(budget);
    }

    @Test
    void aFreshJvmCountsWhatTheWorkAllocates() {
        long[] longs = new Random(7).longs(200_000, 0, 1_000).toArray();
        byte[] message = new Encoder().encode(MessageType.ASYNC, QLongVector.of(longs));

        long bytes = Budget.withoutJazzer(Work.COMPRESS, message);

        // compressing 1.6 MB of small numbers builds its output (and the probe must see it)
        assertThat(bytes).isGreaterThan(100_000);
    }
}
