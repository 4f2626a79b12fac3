package dev.q4j.bench.load;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench/load}: the same load, one run after the other, against q4j's server, an echo server on KX's javakdb
 * (a thread per client), and a server answering precomputed bytes (the load generator's own ceiling); each server
 * runs in a JVM of its own on loopback. Prints, per server: requests answered, lost, misordered, throughput,
 * p50/p99/max latency of the sync requests, the server's threads, descriptors and resident memory before, at the
 * peak during, and after the load, and what the hostile clients saw; then the ratios and the targets.
 *
 * <pre>
 * bench/load                       200 clients x 1,000 sync requests, 10 pipelined clients, 10 hostile of each kind
 * bench/load --quick               50 clients x 500 requests, 4 pipelined, 2 hostile of each kind
 * bench/load --clients 100 --requests 500 --seconds 60 --servers q4j,javakdb
 * </pre>
 *
 * <p>Options: {@code --clients N} sync clients; {@code --requests N} requests per client (sync and pipelined);
 * {@code --jit-warmup N} requests each of 4 clients sends one after the other before the load, then 2 s idle, so
 * that the server's JIT has compiled its hot path (0: none; under the full load its compiler threads starve);
 * {@code --warmup N} unmeasured requests per client first; {@code --pipelined N} pipelined clients;
 * {@code --batch N} requests per pipelined batch; {@code --hostile N} hostile clients of each kind;
 * {@code --unauthenticated N} of them that never handshake (default: as many as of the other kinds);
 * {@code --seconds N} time limit per server; {@code --servers a,b} which servers (q4j, javakdb, neutral);
 * {@code --server-jvm 'OPTS'} options of the server JVMs (default {@code -Xmx1g}); {@code --rounds N} the servers
 * in rotation N times, then the medians (one round's figures move with the machine's load); {@code --quick}.
 * Exits with status 1 when q4j's server (or the neutral one: then the harness is broken) lost, misordered or
 * garbled a request; javakdb's losses are reported, as measured.
 */
public final class LoadMain {
    private LoadMain() {
    }

    /**
     * @param args the options above
     * @throws Exception when a server cannot be started
     */
    public static void main(String[] args) throws Exception {
        int clients = 200;
        int requests = 1000;
        int warmup = 100;
        int jitWarmup = 20_000;
        int pipelined = 10;
        int batch = 100;
        int hostile = 10;
        int unauthenticated = -1;
        long seconds = 120;
        int rounds = 1;
        List<LoadServer.Kind> kinds = new ArrayList<>(Arrays.asList(LoadServer.Kind.values()));
        List<String> jvm = List.of("-Xmx1g");
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--quick":
                    clients = 50;
                    requests = 500;
                    warmup = 200;
                    jitWarmup = 10_000;
                    pipelined = 4;
                    hostile = 2;
                    seconds = 30;
                    break;
                case "--clients":
                    clients = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--requests":
                    requests = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--jit-warmup":
                    jitWarmup = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--pipelined":
                    pipelined = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--batch":
                    batch = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--hostile":
                    hostile = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--unauthenticated":
                    unauthenticated = Integer.parseInt(value(args, ++i, a));
                    break;
                case "--seconds":
                    seconds = Long.parseLong(value(args, ++i, a));
                    break;
                case "--servers":
                    kinds.clear();
                    for (String k : value(args, ++i, a).split(",")) {
                        kinds.add(LoadServer.Kind.valueOf(k.trim().toUpperCase(Locale.ROOT)));
                    }
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(value(args, ++i, a));
                    if (rounds < 1) {
                        throw new IllegalArgumentException("--rounds needs at least 1");
                    }
                    break;
                case "--server-jvm":
                    jvm = List.of(value(args, ++i, a).trim().split("\\s+"));
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a + " (see bench/load)");
            }
        }
        LoadRun.Config config = new LoadRun.Config(clients, requests, warmup, jitWarmup, pipelined, batch, hostile,
                unauthenticated < 0 ? hostile : unauthenticated, seconds, 10_000, jvm);
        System.out.println(header(config));
        boolean bad = false;
        List<List<LoadRun.Result>> all = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            if (rounds > 1) {
                System.out.printf(Locale.ROOT, "round %d of %d%n", round, rounds);
            }
            List<LoadRun.Result> results = new ArrayList<>();
            for (LoadServer.Kind kind : kinds) {
                LoadRun.Result r = LoadRun.run(kind, config);
                results.add(r);
                System.out.print(format(r));
                System.out.flush();
                // javakdb's losses are a measurement; q4j's are a failure, and the neutral server's a broken harness
                bad |= kind != LoadServer.Kind.JAVAKDB && (r.lost() > 0 || r.misordered() > 0 || r.malformed() > 0);
            }
            System.out.print(summary(results));
            all.add(results);
        }
        if (rounds > 1) {
            System.out.print(medians(all));
        }
        System.exit(bad ? 1 : 0);
    }

    /** {@return the line that says what the load is} */
    static String header(LoadRun.Config c) {
        return String.format(Locale.ROOT, "load: %d sync clients x %d requests + %d pipelined clients x %d (batches of"
                + " %d); hostile: %d each sending garbage, lying lengths, stalled half messages, and %d never"
                + " handshaking; JIT warm-up: %d clients x %d requests, then %d ms idle; %d warm-up requests per"
                + " client; limit %d s per server; %d cores", c.clients(), c.requests(), c.pipelinedClients(),
                c.requests(), c.batch(), c.hostile(), c.unauthenticated(), LoadRun.JIT_WARMUP_CLIENTS, c.jitWarmup(),
                LoadRun.JIT_SETTLE_MILLIS, c.warmup(), c.limitSeconds(), Runtime.getRuntime().availableProcessors());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    /** {@return the lines printed for one server} */
    static String format(LoadRun.Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-8s answered=%d/%d lost=%d misordered=%d malformed=%d not-run=%d"
                + " refused=%d%n", r.kind().label(), r.ok(), r.expected(), r.lost(), r.misordered(), r.malformed(),
                r.notRun(), r.refused()));
        b.append(String.format(Locale.ROOT, "%-8s throughput=%.0f req/s in %.2f s; sync latency p50=%s p99=%s"
                + " max=%s%n", "", r.throughput(), r.seconds(), ms(r.latency(0.5)), ms(r.latency(0.99)),
                ms(r.latency(1.0))));
        b.append(String.format(Locale.ROOT, "%-8s server before: %s; peak during: %s; after: %s%n", "", r.before(),
                r.peak(), r.after()));
        if (r.contextSwitches() >= 0 && r.ok() > 0) {
            b.append(String.format(Locale.ROOT, "%-8s context switches of the server's threads that served"
                    + " throughout: %d (%.2f per request)%n",
                    "", r.contextSwitches(), (double) r.contextSwitches() / r.ok()));
        }
        if (r.serverCpu().known() && r.ok() > 0) {
            // CPU per answered request over the measured phase: what the server costs, apart from the generator's
            // share of the same 2 cores (the pipelined clients' requests count too)
            b.append(String.format(Locale.ROOT, "%-8s CPU of the server: %s; of the load generator: %s%n", "",
                    r.serverCpu().perRequest(r.ok()), r.generatorCpu().perRequest(r.ok())));
            StringBuilder t = new StringBuilder();
            r.serverCpuByThread().entrySet().stream().filter(e -> e.getValue().total() > 0).limit(6)
                    .forEach(e -> t.append(t.length() == 0 ? "" : "; ").append(e.getKey()).append(' ')
                            .append(String.format(Locale.ROOT, "%.1f", e.getValue().total() / 1e3 / r.ok())));
            b.append(String.format(Locale.ROOT, "%-8s the server's CPU by thread, µs per request: %s%n", "", t));
        }
        StringBuilder h = new StringBuilder();
        for (Map.Entry<LoadRun.Hostile, long[]> e : r.hostile().entrySet()) {
            h.append(h.length() == 0 ? "" : "; ").append(e.getKey().label()).append(' ')
                    .append(e.getValue()[0]).append(" connections, ").append(e.getValue()[1]).append(" dropped");
        }
        b.append(String.format(Locale.ROOT, "%-8s hostile: %s; server log lines: %d%n", "", h, r.serverLogLines()));
        for (String e : r.errors()) {
            b.append(String.format(Locale.ROOT, "%-8s ! %s%n", "", e));
        }
        if (!r.complete() && !r.serverLogTail().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%-8s the server's last log lines:%n", ""));
            for (String line : r.serverLogTail().split("\n")) {
                b.append(String.format(Locale.ROOT, "%-8s | %s%n", "", line));
            }
        }
        return b.toString();
    }

    /** {@return the ratios and the targets, for the servers that ran} */
    static String summary(List<LoadRun.Result> results) {
        LoadRun.Result q4j = find(results, LoadServer.Kind.Q4J);
        LoadRun.Result kx = find(results, LoadServer.Kind.JAVAKDB);
        LoadRun.Result neutral = find(results, LoadServer.Kind.NEUTRAL);
        StringBuilder b = new StringBuilder();
        if (q4j == null) {
            return "";
        }
        b.append(String.format(Locale.ROOT, "target nothing lost or misordered: %s%n", q4j.complete() ? "met"
                : "MISSED"));
        b.append(String.format(Locale.ROOT, "target p99 < 100 ms: %s (p99 %s)%n", q4j.latency(0.99) < 100_000_000L
                ? "met" : "MISSED", ms(q4j.latency(0.99))));
        double vsKx = kx == null ? Double.NaN : q4j.throughput() / kx.throughput();
        double vsNeutral = neutral == null ? Double.NaN : q4j.throughput() / neutral.throughput();
        if (kx != null) {
            b.append(String.format(Locale.ROOT, "q4j/javakdb throughput: %.2fx%n", vsKx));
        }
        if (neutral != null) {
            b.append(String.format(Locale.ROOT, "q4j/generator ceiling (neutral server): %.2f%n", vsNeutral));
        }
        if (kx != null && neutral != null) {
            b.append(targetLine(vsKx, vsNeutral, ceilingLower(kx, neutral), ""));
        }
        return b.toString();
    }

    /** {@return true when 2x javakdb's throughput is above what the generator can drive (the neutral server's)} */
    private static boolean ceilingLower(LoadRun.Result kx, LoadRun.Result neutral) {
        return 2 * kx.throughput() > neutral.throughput();
    }

    /**
     * {@return the throughput target's line: at least 2x javakdb, or 80 % of the generator's ceiling where that is
     * lower}
     */
    private static String targetLine(double vsKx, double vsNeutral, boolean ceilingLower, String judgedOn) {
        boolean met = vsKx >= 2 || (ceilingLower && vsNeutral >= 0.8);
        return String.format(Locale.ROOT, "target throughput >= 2x javakdb%s%s: %s%n", ceilingLower
                ? " (or >= 80 % of the generator's ceiling, which is lower)" : "", judgedOn, met ? "met" : "MISSED");
    }

    /**
     * {@return the median over the rounds of each server's throughput and of the ratios, and the throughput target
     * judged on the median ratios: on a shared 2-core machine one round's ceiling moves by more than the difference
     * between the servers, and rounds taken in rotation meet the same disturbances}
     */
    static String medians(List<List<LoadRun.Result>> rounds) {
        StringBuilder b = new StringBuilder("over " + rounds.size() + " rounds (median, and the range):\n");
        for (LoadServer.Kind kind : LoadServer.Kind.values()) {
            double[] t = rounds.stream().map(r -> find(r, kind)).filter(java.util.Objects::nonNull)
                    .mapToDouble(LoadRun.Result::throughput).toArray();
            if (t.length > 0) {
                b.append(String.format(Locale.ROOT, "%-8s throughput %s%n", kind.label(),
                        spread(t, "%.0f", " req/s")));
            }
        }
        double[] vsKx = ratios(rounds, LoadServer.Kind.JAVAKDB);
        double[] vsNeutral = ratios(rounds, LoadServer.Kind.NEUTRAL);
        // whether the ceiling is the lower bar, by the rounds' majority
        double[] ceilingLower = rounds.stream().filter(r -> find(r, LoadServer.Kind.JAVAKDB) != null
                && find(r, LoadServer.Kind.NEUTRAL) != null)
                .mapToDouble(r -> ceilingLower(find(r, LoadServer.Kind.JAVAKDB), find(r, LoadServer.Kind.NEUTRAL))
                        ? 1 : 0).toArray();
        if (vsKx.length > 0) {
            b.append(String.format(Locale.ROOT, "q4j/javakdb throughput: %s%n", spread(vsKx, "%.2f", "x")));
        }
        if (vsNeutral.length > 0) {
            b.append(String.format(Locale.ROOT, "q4j/generator ceiling (neutral server): %s%n",
                    spread(vsNeutral, "%.2f", "")));
        }
        if (vsKx.length > 0 && vsNeutral.length > 0 && ceilingLower.length > 0) {
            b.append(targetLine(median(vsKx), median(vsNeutral), median(ceilingLower) >= 0.5, ", on the medians"));
        }
        return b.toString();
    }

    /** {@return "median unit (min to max)", each in {@code format}} */
    private static String spread(double[] values, String format, String unit) {
        return String.format(Locale.ROOT, format + unit + " (" + format + " to " + format + ")", median(values),
                Arrays.stream(values).min().orElse(0), Arrays.stream(values).max().orElse(0));
    }

    private static double[] ratios(List<List<LoadRun.Result>> rounds, LoadServer.Kind other) {
        return rounds.stream().filter(r -> find(r, LoadServer.Kind.Q4J) != null && find(r, other) != null)
                .mapToDouble(r -> find(r, LoadServer.Kind.Q4J).throughput() / find(r, other).throughput())
                .toArray();
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    private static LoadRun.Result find(List<LoadRun.Result> results, LoadServer.Kind kind) {
        for (LoadRun.Result r : results) {
            if (r.kind() == kind) {
                return r;
            }
        }
        return null;
    }

    private static String ms(long nanos) {
        return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }
}
