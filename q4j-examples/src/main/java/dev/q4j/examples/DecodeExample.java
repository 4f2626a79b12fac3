package dev.q4j.examples;

// readme:begin
import dev.q4j.codec.Decoder;
import dev.q4j.codec.QMessage;
import dev.q4j.value.QValue;
// readme:end
import dev.q4j.codec.Encoder;
import dev.q4j.codec.MessageType;
import dev.q4j.value.QLongVector;

/**
 * The README's decoding: a message, header included, to its type and value.
 *
 * <p>Run: {@code java -cp q4j-cli/target/q4j.jar dev.q4j.examples.DecodeExample}
 */
public final class DecodeExample {
    private DecodeExample() {
    }

    /**
     * Runs it on the bytes of kdb+'s reply to {@code til 3}, printing what it finds.
     *
     * @param args none
     */
    public static void main(String[] args) {
        byte[] bytes = new Encoder().encode(MessageType.RESPONSE, QLongVector.of(0, 1, 2));
        // readme:begin
        QMessage m = new Decoder().decode(bytes);   // QProtocolException (with offset()) if the bytes are malformed,
                                                    // QLimitException if over DecodeLimits (limit(), actual())
        m.type();                                   // ASYNC, SYNC or RESPONSE
        QValue v = m.valueOrThrow();                // QErrorException if the message is a q error ('type ...)
        // readme:end
        System.out.println(m.type() + ": " + v);
    }
}
