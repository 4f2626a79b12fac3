package dev.q4j.bench.cold;

import com.kx.c;
import dev.q4j.codec.DecodeLimits;
import dev.q4j.codec.Decoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One library's decodes of one message in a JVM that does nothing else: it reads the message's bytes from a file,
 * then decodes them again and again, timing each decode, and prints the times in nanoseconds on one line:
 * {@code first second ... last steady=N}. The steady figure is the median of 11 decodes taken after the message has
 * been decoded for {@code steadySeconds} more: the JIT has then compiled what it will.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+UseParallelGC -cp benchmarks.jar dev.q4j.bench.cold.ColdDecode q4j|javakdb FILE DECODES
 *     STEADY_SECONDS
 * </pre>
 */
public final class ColdDecode {
    /** what each decode made, kept so that the JIT cannot drop the work */
    static volatile Object sink;

    private ColdDecode() {
    }

    /**
     * Runs the decodes and prints their times.
     *
     * @param args the library, the message file, how many decodes to time one by one, seconds of decoding before the
     *     steady figure
     * @throws Exception when the file cannot be read or a decode fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ColdDecode q4j|javakdb FILE DECODES STEADY_SECONDS");
        }
        boolean q4j = switch (args[0]) {
            case "q4j" -> true;
            case "javakdb" -> false;
            default -> throw new IllegalArgumentException("no library " + args[0]);
        };
        byte[] message = Files.readAllBytes(Path.of(args[1]));
        int decodes = Integer.parseInt(args[2]);
        long steadyNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < decodes; i++) {
            line.append(timeOne(q4j, message)).append(' ');
        }
        long until = System.nanoTime() + steadyNanos;
        while (System.nanoTime() < until) {
            timeOne(q4j, message);
        }
        long[] steady = new long[11];
        for (int i = 0; i < steady.length; i++) {
            steady[i] = timeOne(q4j, message);
        }
        Arrays.sort(steady);
        line.append("steady=").append(steady[steady.length / 2]);
        System.out.println(line);
    }

    private static long timeOne(boolean q4j, byte[] message) throws Exception {
        long start = System.nanoTime();
        // as each library's user decodes a reply: q4j's Decoder with its default limits, javakdb's c.deserialize
        Object value = q4j ? new Decoder(DecodeLimits.DEFAULT).decode(message).value() : new c().deserialize(message);
        long took = System.nanoTime() - start;
        sink = value;
        return took;
    }
}
