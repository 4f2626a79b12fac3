package dev.q4j.corpus;

import java.util.Arrays;

/**
 * One ground-truth IPC message from ../shared/corpus.
 *
 * @param source the corpus it comes from: {@code qpython}, {@code qjava}, {@code nodeq} or {@code javakdb}
 * @param id where in that corpus, e.g. {@code QExpressions3.out#17}, {@code NQ134}, {@code JK03}
 * @param qExpression the q expression that produced it (or, where the corpus has none, its title or description)
 * @param message the COMPLETE IPC message, 8-byte header included (the accessor returns a copy)
 * @param compressed whether header byte 2 marks it compressed
 */
public record CorpusEntry(String source, String id, String qExpression, byte[] message, boolean compressed) {

    /** Copies {@code message} so the entry stays immutable. */
    public CorpusEntry {
        message = message.clone();
    }

    /** @return a copy of the complete message */
    @Override
    public byte[] message() {
        return message.clone();
    }

    /** @return the message length in bytes */
    public int length() {
        return message.length;
    }

    /** @return the message as lower-case hex */
    public String hex() {
        return Hex.hex(message);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorpusEntry e
                && source.equals(e.source) && id.equals(e.id) && qExpression.equals(e.qExpression)
                && compressed == e.compressed && Arrays.equals(message, e.message);
    }

    @Override
    public int hashCode() {
        return (source.hashCode() * 31 + id.hashCode()) * 31 + Arrays.hashCode(message);
    }

    /** @return {@code source/id expression}, short enough for a parameterized test name */
    @Override
    public String toString() {
        String q = qExpression.length() > 80 ? qExpression.substring(0, 77) + "..." : qExpression;
        return source + "/" + id + " " + q + (compressed ? " [compressed]" : "");
    }
}
