package dev.q4j.examples;

// readme:begin
import dev.q4j.codec.Decoder;
import dev.q4j.value.QTable;
import dev.q4j.value.QTimestampVector;
import java.nio.LongBuffer;
import java.time.Instant;
// readme:end
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QFloatVector;
import java.util.List;

/**
 * The README's decoding in place: a table whose timestamps are read from the received bytes, not copied.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.DecodeInPlaceExample}
 */
public final class DecodeInPlaceExample {
    private DecodeInPlaceExample() {
    }

    /**
     * Runs it on a two-row table, printing the first time and how many there are.
     *
     * @param args none
     */
    public static void main(String[] args) {
        byte[] bytes = new Encoder().encode(MessageType.RESPONSE, QTable.of(List.of("time", "price"), List.of(
                QTimestampVector.ofInstants(Instant.parse("2024-01-02T09:30:00Z"),
                        Instant.parse("2024-01-02T09:30:01Z")),
                QFloatVector.of(101.5, 101.75))));
        // readme:begin
        QTable day = (QTable) new Decoder().decodeInPlace(bytes).valueOrThrow();   // don't modify bytes afterwards
        QTimestampVector time = (QTimestampVector) day.column("time");
        Instant first = time.instant(0);        // read from the message's bytes
        LongBuffer nanos = time.buffer();       // all of them, read-only, not copied; time.array() would copy once
        // readme:end
        System.out.println("first: " + first + "; " + nanos.remaining() + " times");
    }
}
