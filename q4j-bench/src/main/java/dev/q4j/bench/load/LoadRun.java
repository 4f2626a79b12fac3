package dev.q4j.bench.load;

import dev.q4j.codec.MessageHeader;
import dev.q4j.codec.MessageType;
import dev.q4j.value.Attribute;
import dev.q4j.value.QType;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One load run against one server: hostile clients of every kind start first and keep attacking until the end;
 * then the sync clients ({@code requests} round trips each) and the pipelined clients (batches of {@code batch}
 * requests written at once, then their replies read) connect, warm up, and start together. Every reply is checked
 * against the request it answers (client and sequence number), so that a reply lost, duplicated or out of order is
 * counted. Everything it starts (server process, client threads, sockets) is stopped before it returns, and it
 * returns within about {@code limit} + 15 seconds whatever the server does.
 */
final class LoadRun {
    /** the clients of the JIT warm-up, few enough to leave the server's compiler threads their share of the CPU */
    static final int JIT_WARMUP_CLIENTS = 4;
    /** the pause after the JIT warm-up, for the compilations it queued to finish */
    static final long JIT_SETTLE_MILLIS = 2000;

    /** What to run. */
    record Config(int clients, int requests, int warmup, int jitWarmup, int pipelinedClients, int batch,
            int hostile, int unauthenticated, long limitSeconds, int readTimeoutMillis, List<String> serverJvm) {
        Config {
            if (clients < 0 || requests < 1 || warmup < 0 || jitWarmup < 0 || pipelinedClients < 0 || batch < 1
                    || hostile < 0 || unauthenticated < 0 || limitSeconds < 1 || readTimeoutMillis < 1) {
                throw new IllegalArgumentException("clients, pipelined clients, warm-ups and hostile clients must be"
                        + " at least 0; requests, batch, seconds and the read timeout at least 1");
            }
        }

        /** {@return how many hostile clients of this kind run at once} */
        int hostile(Hostile kind) {
            return kind == Hostile.NO_HANDSHAKE ? unauthenticated : hostile;
        }

        /** {@return the requests of the measured phase, all clients together} */
        long expected() {
            return (long) (clients + pipelinedClients) * requests;
        }
    }

    /** The hostile clients: each kind keeps reconnecting and misbehaving until the run ends. */
    enum Hostile {
        /** handshakes, then sends 4 KB of random bytes (and holds the connection up to 2 s) */
        GARBAGE,
        /** handshakes, then sends a header whose length is impossible (2 GB, 5, negative) and a few bytes */
        LYING_LENGTH,
        /** handshakes, then sends half of a valid 1,000-byte message and nothing more */
        STALLED,
        /** connects and never sends the handshake */
        NO_HANDSHAKE;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** What a run measured. */
    record Result(LoadServer.Kind kind, long expected, long ok, long lost, long misordered, long malformed,
            long notRun, long refused, double seconds, long[] latencyNanos, ServerProcess.Usage before,
            ServerProcess.Usage peak, ServerProcess.Usage after, Map<Hostile, long[]> hostile, List<String> errors,
            long serverLogLines, long contextSwitches, CpuTime serverCpu, CpuTime generatorCpu,
            Map<String, CpuTime> serverCpuByThread, String serverLogTail) {
        /** {@return requests answered per second in the measured phase} */
        double throughput() {
            return seconds <= 0 ? 0 : ok / seconds;
        }

        /** {@return the latency at quantile q of the sync requests, in nanoseconds} */
        long latency(double q) {
            if (latencyNanos.length == 0) {
                return -1;
            }
            int i = (int) Math.ceil(q * latencyNanos.length) - 1;
            return latencyNanos[Math.max(0, Math.min(latencyNanos.length - 1, i))];
        }

        Result withLogTail(String tail) {
            return new Result(kind, expected, ok, lost, misordered, malformed, notRun, refused, seconds, latencyNanos,
                    before, peak, after, hostile, errors, serverLogLines, contextSwitches, serverCpu, generatorCpu,
                    serverCpuByThread, tail);
        }

        /** {@return true when every request was answered, correctly and in order} */
        boolean complete() {
            return ok == expected && lost == 0 && misordered == 0 && malformed == 0 && notRun == 0 && refused == 0;
        }
    }

    private final LoadServer.Kind kind;
    private final Config config;
    private final InetSocketAddress address;
    private final long deadline;
    private volatile boolean stop;
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong misordered = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong notRun = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Socket> sockets = new ConcurrentLinkedQueue<>();
    private final Map<Hostile, AtomicLong[]> hostileCounts = new EnumMap<>(Hostile.class);
    private final long[][] latencies;
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private final CountDownLatch done;
    /** counted down when the measured phase is over and measured: clients hold their connections until then */
    private final CountDownLatch release = new CountDownLatch(1);

    private LoadRun(LoadServer.Kind kind, Config config, int port) {
        this.kind = kind;
        this.config = config;
        this.address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        this.deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(config.limitSeconds());
        this.latencies = new long[config.clients()][];
        this.ready = new CountDownLatch(config.clients() + config.pipelinedClients());
        this.done = new CountDownLatch(config.clients() + config.pipelinedClients());
        for (Hostile h : Hostile.values()) {
            hostileCounts.put(h, new AtomicLong[] {new AtomicLong(), new AtomicLong()});
        }
    }

    /**
     * Starts the server in its own JVM, runs the load against it, stops everything.
     *
     * @param kind which server
     * @param config what load
     * @return what it measured
     * @throws IOException when the server cannot be started
     * @throws InterruptedException when interrupted (everything started is still stopped)
     */
    static Result run(LoadServer.Kind kind, Config config) throws IOException, InterruptedException {
        try (ServerProcess server = new ServerProcess(kind, config.serverJvm())) {
            Result r = new LoadRun(kind, config, server.port()).drive(server::usage, server::errorLines,
                    server::contextSwitches, () -> CpuTime.of(server.pid()),
                    () -> CpuTime.byThread(server.pid()));
            return r.withLogTail(server.lastError());
        }
    }

    /**
     * Runs the load against a server already listening on loopback (the harness's own tests use this with servers
     * that misbehave on purpose); its threads, descriptors and memory are not measured.
     */
    static Result runAgainst(LoadServer.Kind kind, Config config, int port) throws InterruptedException {
        ServerProcess.Usage unknown = new ServerProcess.Usage(-1, -1, -1);
        return new LoadRun(kind, config, port).drive(() -> unknown, () -> 0, Map::of, () -> CpuTime.UNKNOWN,
                Map::of);
    }

    private Result drive(java.util.function.Supplier<ServerProcess.Usage> usage,
            java.util.function.LongSupplier serverLogLines, java.util.function.Supplier<Map<String, Long>> switches,
            java.util.function.Supplier<CpuTime> serverCpu,
            java.util.function.Supplier<Map<String, CpuTime.Named>> serverThreads) throws InterruptedException {
        try {
            return measure(usage, serverLogLines, switches, serverCpu, serverThreads);
        } finally {
            // also when interrupted: no client or hostile thread is left waiting
            stopAll();
        }
    }

    private void stopAll() {
        stop = true;
        go.countDown();
        release.countDown();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }

    private Result measure(java.util.function.Supplier<ServerProcess.Usage> usage,
            java.util.function.LongSupplier serverLogLines, java.util.function.Supplier<Map<String, Long>> switches,
            java.util.function.Supplier<CpuTime> serverCpu,
            java.util.function.Supplier<Map<String, CpuTime.Named>> serverThreads) throws InterruptedException {
        Thread.sleep(300);
        ServerProcess.Usage before = usage.get();
        List<Thread> threads = new ArrayList<>();
        int n = 0;
        for (Hostile h : Hostile.values()) {
            for (int i = 0; i < config.hostile(h); i++) {
                long seed = 31L * n++ + h.ordinal();
                threads.add(start("load-hostile-" + h.label() + "-" + i, () -> hostile(h, seed)));
            }
        }
        // the attack is under way (every hostile client connected once) before the clients come
        for (int i = 0; i < 50 && hostileCounts.entrySet().stream()
                .anyMatch(e -> e.getValue()[0].get() < config.hostile(e.getKey())); i++) {
            Thread.sleep(100);
        }
        if (config.jitWarmup() > 0) {
            warmUpTheServersJit();
        }
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < config.clients(); i++) {
            int id = i;
            clients.add(start("load-sync-" + i, () -> client(id, false)));
        }
        for (int i = 0; i < config.pipelinedClients(); i++) {
            int id = config.clients() + i;
            clients.add(start("load-pipelined-" + i, () -> client(id, true)));
        }
        threads.addAll(clients);
        ServerProcess.Usage peak = before;
        while (!ready.await(200, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            peak = peak.max(usage.get());
        }
        // every client connected and warmed up, every hostile client attacking: the server at its fullest
        peak = peak.max(usage.get());
        Map<String, Long> switchesBefore = switches.get();
        Map<String, CpuTime.Named> threadsBefore = serverThreads.get();
        CpuTime serverCpuBefore = serverCpu.get();
        CpuTime generatorCpuBefore = CpuTime.self();
        long start = System.nanoTime();
        go.countDown();
        while (!done.await(250, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline) {
            peak = peak.max(usage.get());
        }
        long end = System.nanoTime();
        CpuTime generatorCpuUsed = CpuTime.self().since(generatorCpuBefore);
        CpuTime serverCpuUsed = serverCpu.get().since(serverCpuBefore);
        Map<String, CpuTime> byThread = CpuTime.byKindBetween(threadsBefore, serverThreads.get());
        Map<String, Long> switchesAfter = switches.get();
        peak = peak.max(usage.get());
        boolean late = done.getCount() > 0;
        stopAll();
        if (late) {
            errors.add("the time limit of " + config.limitSeconds() + " s ran out before every client finished");
        }
        for (Thread t : threads) {
            t.join(config.readTimeoutMillis() + 5000L);
            if (t.isAlive()) {
                errors.add(t.getName() + " did not stop");
            }
        }
        // let the server notice the closed connections and release them
        Thread.sleep(500);
        ServerProcess.Usage after = usage.get();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(250);
            ServerProcess.Usage now = usage.get();
            boolean stable = now.threads() == after.threads() && now.descriptors() == after.descriptors();
            boolean back = now.threads() <= before.threads() && now.descriptors() <= before.descriptors();
            if (stable || back) {
                after = now;
                break;
            }
            after = now;
        }
        int total = 0;
        for (long[] l : latencies) {
            total += l == null ? 0 : l.length;
        }
        long[] all = new long[total];
        int k = 0;
        for (long[] l : latencies) {
            if (l != null) {
                System.arraycopy(l, 0, all, k, l.length);
                k += l.length;
            }
        }
        Arrays.sort(all);
        Map<Hostile, long[]> hostile = new EnumMap<>(Hostile.class);
        hostileCounts.forEach((h, c) -> hostile.put(h, new long[] {c[0].get(), c[1].get()}));
        return new Result(kind, config.expected(), ok.get(), lost.get(), misordered.get(), malformed.get(),
                notRun.get(), refused.get(), (end - start) / 1e9, all, before, peak, after, hostile,
                List.copyOf(errors), serverLogLines.getAsLong(),
                ServerProcess.switchesBetween(switchesBefore, switchesAfter), serverCpuUsed, generatorCpuUsed, byThread,
                "");
    }

    private static Thread start(String name, Runnable r) {
        Thread t = new Thread(null, r, name, 256 * 1024);
        t.setDaemon(true);
        t.start();
        return t;
    }

    // ---------------------------------------------------------------- well-behaved clients

    /**
     * Before the load: a few clients send their requests one after the other, then nothing runs for a while. Under
     * the full load the server's compiler threads get one share of the CPU among hundreds of busy threads, and its
     * hot path would be measured in the first tier's code: with the q4j server, the optimised compilations of the
     * decoder and the reader loop landed 11 to 16 s after they were queued (-Xlog:jit+compilation), later than the
     * whole measured phase. The hostile clients are at work already, and the warm-up clients close before the pause:
     * the paths they take (errors, the end of a stream) are compiled in before the load, not met during it, where a
     * path the compiled code has not seen sends it back to the first tier. The same for every server.
     */
    private void warmUpTheServersJit() throws InterruptedException {
        List<Thread> warming = new ArrayList<>();
        for (int i = 0; i < JIT_WARMUP_CLIENTS; i++) {
            int id = config.clients() + config.pipelinedClients() + i;
            warming.add(start("load-jit-warmup-" + i, () -> jitWarmupClient(id)));
        }
        for (Thread t : warming) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        Thread.sleep(JIT_SETTLE_MILLIS);
    }

    private void jitWarmupClient(int id) {
        try (Socket s = new Socket()) {
            InputStream in = connect(s);
            uncountedRoundTrips(s.getOutputStream(), in, new byte[Protocol.REQUEST_BYTES], id, 0, config.jitWarmup(),
                    "the JIT warm-up");
        } catch (IOException e) {
            if (!stop) {
                error("JIT warm-up client " + id + ": " + e);
            }
        }
    }

    /** Connects {@code s} to the server and handshakes; {@return its buffered input} */
    private InputStream connect(Socket s) throws IOException {
        sockets.add(s);
        s.setTcpNoDelay(true);
        s.connect(address, 5000);
        s.setSoTimeout(config.readTimeoutMillis());
        OutputStream out = s.getOutputStream();
        InputStream in = new BufferedInputStream(s.getInputStream(), 1 << 16);
        out.write(Protocol.HANDSHAKE);
        out.flush();
        if (in.read() < 0) {
            throw new IOException("the server closed the connection during the handshake");
        }
        return in;
    }

    /** {@code count} checked requests, one after the other, not counted; {@return the next sequence number} */
    private long uncountedRoundTrips(OutputStream out, InputStream in, byte[] buffer, int id, long sequence,
            long count, String during) throws IOException {
        long next = sequence;
        for (long i = 0; i < count && !stop && System.nanoTime() < deadline; i++) {
            out.write(Protocol.request(id, next));
            if (Protocol.readReply(in, buffer, kind.echoes(), id, next++) != Protocol.Check.OK) {
                throw new IOException("a wrong reply during " + during);
            }
        }
        return next;
    }

    private void client(int id, boolean pipelined) {
        boolean counted = false;
        boolean finished = false;
        int[] measured = {0};
        try (Socket s = new Socket()) {
            InputStream in = connect(s);
            OutputStream out = s.getOutputStream();
            byte[] buffer = new byte[Protocol.REQUEST_BYTES];
            // warm-up: the same requests, checked, not counted
            long sequence = uncountedRoundTrips(out, in, buffer, id, 0, config.warmup(), "the warm-up");
            ready.countDown();
            counted = true;
            go.await();
            if (pipelined) {
                pipelined(out, in, buffer, id, sequence, measured);
            } else {
                long[] latency = new long[config.requests()];
                int i = 0;
                try {
                    for (; i < config.requests(); i++) {
                        if (stop || System.nanoTime() > deadline) {
                            break;
                        }
                        byte[] request = Protocol.request(id, sequence);
                        long t0 = System.nanoTime();
                        out.write(request);
                        Protocol.Check c;
                        try {
                            c = Protocol.readReply(in, buffer, kind.echoes(), id, sequence++);
                        } catch (IOException e) {
                            lost.incrementAndGet();
                            measured[0]++;
                            throw e;
                        }
                        latency[i] = System.nanoTime() - t0;
                        measured[0]++;
                        count(c);
                    }
                } finally {
                    latencies[id] = Arrays.copyOf(latency, i);
                }
            }
            // done: hold the connection (and the server's threads for it) until the load is measured
            finished = true;
            notRun.addAndGet(config.requests() - measured[0]);
            done.countDown();
            release.await();
        } catch (IOException e) {
            if (!stop) {
                error("client " + id + ": " + e);
            }
            if (!counted) {
                refused.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!finished) {
                notRun.addAndGet(config.requests() - measured[0]);
                done.countDown();
            }
            if (!counted) {
                ready.countDown();
            }
        }
    }

    /** Counts the requests sent (answered or lost) in {@code sent[0]}. */
    private void pipelined(OutputStream out, InputStream in, byte[] buffer, int id, long first, int[] sent)
            throws IOException {
        long sequence = first;
        while (sent[0] < config.requests() && !stop && System.nanoTime() < deadline) {
            int n = Math.min(config.batch(), config.requests() - sent[0]);
            byte[] batch = new byte[n * Protocol.REQUEST_BYTES];
            for (int i = 0; i < n; i++) {
                System.arraycopy(Protocol.request(id, sequence + i), 0, batch, i * Protocol.REQUEST_BYTES,
                        Protocol.REQUEST_BYTES);
            }
            out.write(batch);
            sent[0] += n;
            for (int i = 0; i < n; i++) {
                try {
                    count(Protocol.readReply(in, buffer, kind.echoes(), id, sequence++));
                } catch (IOException e) {
                    lost.addAndGet(n - i);
                    throw e;
                }
            }
        }
    }

    private void count(Protocol.Check c) {
        switch (c) {
            case OK:
                ok.incrementAndGet();
                break;
            case WRONG:
                misordered.incrementAndGet();
                break;
            default:
                malformed.incrementAndGet();
                break;
        }
    }

    private void error(String message) {
        if (errors.size() < 20) {
            errors.add(message);
        }
    }

    // ---------------------------------------------------------------- hostile clients

    private void hostile(Hostile h, long seed) {
        Random random = new Random(seed);
        AtomicLong[] counts = hostileCounts.get(h);
        int round = 0;
        while (!stop && System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                sockets.add(s);
                s.connect(address, 2000);
                counts[0].incrementAndGet();
                s.setSoTimeout(200);
                if (attack(h, s, random, round++)) {
                    counts[1].incrementAndGet();
                }
            } catch (IOException e) {
                // refused or reset by the server: it dropped us
                if (!stop) {
                    counts[1].incrementAndGet();
                }
            }
            pause(50);
        }
    }

    /** {@return true when the server closed the connection; false when the run ended or we gave up first} */
    private boolean attack(Hostile h, Socket s, Random random, int round) throws IOException {
        OutputStream out = s.getOutputStream();
        InputStream in = s.getInputStream();
        long holdNanos = Long.MAX_VALUE;
        if (h != Hostile.NO_HANDSHAKE) {
            out.write(Protocol.HANDSHAKE);
            if (!awaitByte(in)) {
                return !stop;
            }
        }
        switch (h) {
            case GARBAGE: {
                byte[] garbage = new byte[4096];
                random.nextBytes(garbage);
                out.write(garbage);
                holdNanos = TimeUnit.SECONDS.toNanos(2);
                break;
            }
            case LYING_LENGTH: {
                int[] lies = {0x7FFF_FFF0, 5, -8, 0x4000_0000};
                ByteBuffer b = ByteBuffer.allocate(72).order(ByteOrder.LITTLE_ENDIAN);
                b.put(MessageHeader.LITTLE_ENDIAN).put(MessageType.SYNC.code()).put(MessageHeader.PLAIN).put((byte) 0)
                        .putInt(lies[round % lies.length]);
                b.put(QType.Code.CHAR).put(Attribute.Code.NONE).putInt(1000);
                out.write(b.array());
                break;
            }
            case STALLED: {
                ByteBuffer b = ByteBuffer.allocate(500).order(ByteOrder.LITTLE_ENDIAN);
                b.put(MessageHeader.LITTLE_ENDIAN).put(MessageType.SYNC.code()).put(MessageHeader.PLAIN).put((byte) 0)
                        .putInt(1000);
                b.put(QType.Code.CHAR).put(Attribute.Code.NONE).putInt(986);
                out.write(b.array());
                break;
            }
            default:
                break;
        }
        long since = System.nanoTime();
        // hold the connection until the server drops it, the run ends, or (garbage) 2 s pass
        while (!stop && System.nanoTime() - since < holdNanos) {
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open: keep holding it
            }
        }
        return false;
    }

    /** {@return true when the server answered the handshake; false when it closed the connection} */
    private boolean awaitByte(InputStream in) throws IOException {
        while (!stop) {
            try {
                return in.read() >= 0;
            } catch (SocketTimeoutException e) {
                // not yet
            }
        }
        return false;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all that is left
        }
    }
}
