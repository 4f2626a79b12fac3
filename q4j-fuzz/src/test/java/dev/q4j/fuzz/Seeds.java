package dev.q4j.fuzz;

import dev.q4j.codec.Decoder;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.corpus.Corpus;
import dev.q4j.corpus.CorpusEntry;
import dev.q4j.corpus.Hex;
import dev.q4j.text.QText;
import dev.q4j.value.QValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The seed inputs of the fuzz targets, from the ground-truth corpora (../shared/corpus): every message real kdb+
 * produced (qpython, qjava, nodeq) and the javakdb vectors (some malformed on purpose). Each is a regression input
 * of the normal build and a starting point for the fuzzer ({@code @MethodSource} before {@code @FuzzTest}).
 */
final class Seeds {
    private Seeds() {
    }

    /** @return every corpus entry, kdb+'s captures first, then the javakdb vectors */
    static List<CorpusEntry> entries() {
        List<CorpusEntry> all = new ArrayList<>(Corpus.all());
        all.addAll(Corpus.javakdb());
        return all;
    }

    /** @return every corpus message, whole, named after its entry */
    static Stream<Arguments> messages() {
        return entries().stream().map(e -> Arguments.of(Named.of(e.toString(), e.message())));
    }

    /**
     * @return every corpus message, and every pair of consecutive messages as one stream (for targets that read
     *     a stream of messages)
     */
    static Stream<Arguments> streams() {
        List<CorpusEntry> all = entries();
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            CorpusEntry e = all.get(i);
            out.add(Arguments.of(Named.of(e.toString(), e.message())));
            if (i + 1 < all.size()) {
                CorpusEntry next = all.get(i + 1);
                out.add(Arguments.of(Named.of(e.source() + "/" + e.id() + " + " + next.source() + "/" + next.id(),
                        concat(e.message(), next.message()))));
            }
        }
        return out.stream();
    }

    /**
     * @return the compressed corpus messages (kdb+'s and javakdb's JK03), whole, named after their entries
     */
    static Stream<Arguments> compressed() {
        return entries().stream().filter(CorpusEntry::compressed)
                .map(e -> Arguments.of(Named.of(e.toString(), e.message())));
    }

    /**
     * @return q text as UTF-8: the q expression of every corpus entry, and q4j's text for every value the corpus
     *     decodes to
     */
    static Stream<Arguments> texts() {
        Decoder decoder = new Decoder(DecodeLimits.UNLIMITED);
        List<Arguments> out = new ArrayList<>();
        for (CorpusEntry e : entries()) {
            out.add(Arguments.of(Named.of("expression of " + e, e.qExpression().getBytes(StandardCharsets.UTF_8))));
            QValue v;
            try {
                v = decoder.decode(e.message()).value();
            } catch (RuntimeException malformed) {
                continue;   // the javakdb vectors that are malformed on purpose have no text
            }
            out.add(Arguments.of(Named.of("text of " + e, QText.print(v).getBytes(StandardCharsets.UTF_8))));
        }
        return out.stream();
    }

    /**
     * The seeds of one fuzz test. In a regression run (the normal build) they are its arguments, each run and
     * reported as a test. While fuzzing they are written to the fuzzer's corpus directory instead
     * ({@code .cifuzz-corpus/<class>/<method>}, relative to the working directory, as Jazzer has it), where
     * libFuzzer reads them all at once: as arguments, Jazzer would first run each through JUnit, which costs more
     * than a brief fuzzing run.
     *
     * @param target the fuzz test class
     * @param method the fuzz test method
     * @param seeds its seeds
     * @return the seeds, or none while fuzzing
     */
    static Stream<Arguments> of(Class<?> target, String method, Stream<Arguments> seeds) {
        if (!Budget.fuzzing()) {
            return seeds;
        }
        java.nio.file.Path dir = java.nio.file.Paths.get(".cifuzz-corpus", target.getName(), method);
        try {
            java.nio.file.Files.createDirectories(dir);
            for (Arguments a : (Iterable<Arguments>) seeds::iterator) {
                Object arg = a.get()[0];
                byte[] bytes = (byte[]) (arg instanceof Named<?> n ? n.getPayload() : arg);
                java.nio.file.Files.write(dir.resolve("seed-" + Hex.hex(sha1(bytes))), bytes);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write the seeds to " + dir.toAbsolutePath(), e);
        }
        return Stream.empty();
    }

    private static byte[] sha1(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-1").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
