/**
 * q4j arrow: q tables as Apache Arrow record batches and back ({@link dev.q4j.arrow.QArrow}), Arrow IPC streams and
 * files, and an {@code ArrowReader} that streams a sequence of q tables as record batches.
 *
 * <p>On Java 17 Arrow's memory needs {@code --add-opens=java.base/java.nio=org.apache.arrow.memory.core} on the
 * module path, {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on the class path.
 */
module dev.q4j.arrow {
    requires transitive dev.q4j.core;
    requires transitive org.apache.arrow.vector;
    requires transitive org.apache.arrow.memory.core;

    exports dev.q4j.arrow;
}
