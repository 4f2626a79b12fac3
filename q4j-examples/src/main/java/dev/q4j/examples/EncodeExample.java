package dev.q4j.examples;

// readme:begin
import dev.q4j.codec.Compression;
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QCharVector;
// readme:end
import dev.q4j.value.QLongVector;
import dev.q4j.value.QSymbolVector;
import dev.q4j.value.QTable;
import java.util.Arrays;
import java.util.List;

/**
 * The README's encoding: a sync request as kdb+ writes it, and a table compressed as kdb+ compresses it.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.EncodeExample}
 */
public final class EncodeExample {
    private EncodeExample() {
    }

    /**
     * Runs it, printing the sizes of the messages.
     *
     * @param args none
     */
    public static void main(String[] args) {
        String[] syms = new String[1000];
        Arrays.fill(syms, "IBM");
        QTable table = QTable.of(List.of("sym", "size"), List.of(QSymbolVector.wrap(syms),
                QLongVector.wrap(new long[syms.length])));
        // readme:begin
        Encoder encoder = new Encoder();
        byte[] request = encoder.encode(MessageType.SYNC, QCharVector.of("til 10"));
        // compressed only if over 2000 bytes and the result is under half the size, as kdb+ does
        byte[] big = encoder.encode(MessageType.ASYNC, table, Compression.KDB);
        // readme:end
        System.out.println("request: " + request.length + " bytes; table: " + encoder.encode(MessageType.ASYNC,
                table).length + " bytes, compressed " + big.length);
    }
}
