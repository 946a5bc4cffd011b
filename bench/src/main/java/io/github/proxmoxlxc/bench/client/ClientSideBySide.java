package io.github.proxmoxlxc.bench.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Side-by-side client benchmark on one simulator (TLS, keep-alive): this client, plain OkHttp +
 * Jackson, proxmoxer (Python, Debian package {@code python3-proxmoxer}) and the npm
 * {@code proxmox-api} client, sequential and 8-way, small responses (a container's
 * {@code status/current}) and large ones ({@code /cluster/resources} with 1,000 guests).
 *
 * <p>Every round runs each client once per scenario in an order that rotates from round to round,
 * so slow drifts of machine load hit every client alike; the figure per client is the median
 * throughput over the rounds, and the ratios are medians of the per-round ratios. Python and
 * Node.js clients run as child processes that time only their own requests (start-up excluded).
 * Run it through {@code bench/side-by-side.sh}, which builds the jar and installs the other
 * clients; it writes JSON ({@code out=}) and prints a table.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.client.ClientSideBySide \
 *     [rounds=5] [warmup=500] [requests=2000] [guests=1000] [clients=ours,okhttp,proxmoxer,npm] \
 *     [scenarios=status-seq,status-8,resources-seq,resources-8] [python=/usr/bin/python3] \
 *     [npmDir=DIR] [scripts=bench/clients] [out=bench/results/side-by-side.json] [pairs=0] [block=200]
 * </pre>
 *
 * <p>{@code pairs=N} (N &gt; 0) adds a paired comparison of this client with each other JVM client
 * (proxmoxer and npm run as child processes and cannot take part): N pairs of short blocks
 * ({@code block} requests sequentially, eight times that at 8-way) run back to back in alternating
 * order (ABBA), and the figure is the median of the per-pair time ratios with its quartiles. Load
 * drifts on a shared machine last seconds and rounds last tens of seconds, so a drift lands inside
 * one round and moves its ratio; a pair lasts a fraction of a second and sees the same machine on
 * both sides. Each block also records the whole process's CPU time per request (client, server,
 * garbage collector, compiler and OkHttp's watchdog thread together), which shows what a client
 * costs beyond its calling threads. {@code rounds=0} runs only the pairs.
 */
public final class ClientSideBySide {
    private static final String STATUS_PATH = "/nodes/pve1/lxc/100/status/current";
    private static final String RESOURCES_PATH = "/cluster/resources";

    private ClientSideBySide() {
    }

    /** One scenario: a path and a number of concurrent callers. */
    private static final class Scenario {
        final String name;
        final String path;
        final int threads;
        final int requests;
        final int warmup;

        Scenario(String name, String path, int threads, int requests, int warmup) {
            this.name = name;
            this.path = path;
            this.threads = threads;
            this.requests = requests;
            this.warmup = warmup;
        }
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code key=value} options, see the class comment
     * @throws Exception on setup failure
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("rounds", "5");
        o.put("warmup", "500");
        o.put("requests", "2000");
        o.put("guests", "1000");
        o.put("clients", "ours,okhttp,proxmoxer,npm");
        o.put("scenarios", "status-seq,status-8,resources-seq,resources-8");
        o.put("python", "/usr/bin/python3");
        o.put("npmDir", "");
        o.put("scripts", "bench/clients");
        o.put("out", "bench/results/side-by-side.json");
        o.put("pairs", "0");
        o.put("block", "200");
        for (String a : args) {
            String[] kv = a.split("=", 2);
            if (kv.length != 2 || !o.containsKey(kv[0])) {
                throw new IllegalArgumentException("unknown option " + a + "; known: " + o.keySet());
            }
            o.put(kv[0], kv[1]);
        }
        int rounds = Integer.parseInt(o.get("rounds"));
        int warmup = Integer.parseInt(o.get("warmup"));
        int requests = Integer.parseInt(o.get("requests"));
        int guests = Integer.parseInt(o.get("guests"));
        List<String> clients = List.of(o.get("clients").split(","));
        List<Scenario> scenarios = new ArrayList<>();
        for (String s : o.get("scenarios").split(",")) {
            boolean large = s.startsWith("resources");
            int threads = s.endsWith("-8") ? 8 : 1;
            // large responses cost ~10x a small one: fewer requests keep the rounds comparable
            int div = large ? 10 : 1;
            scenarios.add(new Scenario(s, large ? RESOURCES_PATH : STATUS_PATH, threads, Math.max(threads,
                    requests / div), Math.max(threads, warmup / div)));
        }

        PveSimulator.Builder sb = PveSimulator.builder().timeScale(0).serverThreads(32);
        for (int i = 1; i <= 10; i++) {
            sb.addNode("pve" + i, 64, 1L << 40);
        }
        try (PveSimulator sim = sb.start()) {
            Path ca = Files.createTempFile("sim-ca", ".pem");
            Files.writeString(ca, sim.caPem());
            populate(sim, guests);
            Map<String, Runner> runners = new LinkedHashMap<>();
            for (String c : clients) {
                runners.put(c, runner(c, sim, ca, o));
            }
            // every JVM client's paths, and the server's, compiled before round 1: otherwise the client that
            // runs first in round 1 pays the server's warm-up (it measured 0.72-0.89 of the others there)
            for (Scenario s : scenarios) {
                for (String c : clients) {
                    if (runners.get(c) instanceof InProcess) {
                        ExecutorService pool = Executors.newFixedThreadPool(s.threads);
                        try {
                            drive(pool, ((InProcess) runners.get(c)).calls.forPath(s.path), s.threads, s.warmup,
                                    new LongAdder());
                        } finally {
                            pool.shutdown();
                        }
                    }
                }
            }
            // results.get(scenario).get(client) = per-round requests/s
            Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
            for (int r = 0; r < rounds; r++) {
                for (Scenario s : scenarios) {
                    List<String> order = new ArrayList<>(clients);
                    Collections.rotate(order, r);
                    for (String c : order) {
                        double rps = runners.get(c).run(s);
                        results.computeIfAbsent(s.name, k -> new LinkedHashMap<>())
                                .computeIfAbsent(c, k -> new ArrayList<>()).add(rps);
                        System.err.printf(Locale.ROOT, "round %d %-14s %-10s %9.0f req/s%n", r + 1, s.name, c, rps);
                    }
                }
            }
            int pairs = Integer.parseInt(o.get("pairs"));
            StringBuilder pairedTable = new StringBuilder();
            List<String> pairedJson = new ArrayList<>();
            if (pairs > 0 && runners.get("ours") instanceof InProcess) {
                for (Scenario s : scenarios) {
                    for (String c : clients) {
                        if (!c.equals("ours") && runners.get(c) instanceof InProcess) {
                            String[] p = paired(s, (InProcess) runners.get("ours"), c, (InProcess) runners.get(c),
                                    pairs, Integer.parseInt(o.get("block")));
                            pairedTable.append(p[0]);
                            pairedJson.add(p[1]);
                        }
                    }
                }
            }
            for (Runner rn : runners.values()) {
                rn.close();
            }
            Files.writeString(Path.of(o.get("out")), json(o, results, scenarios, pairedJson));
            if (rounds > 0) {
                System.out.print(table(results, clients));
            }
            System.out.print(pairedTable);
            Files.deleteIfExists(ca);
        }
    }

    private static void populate(PveSimulator sim, int guests) throws Exception {
        try (ProxmoxClient c = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint())).build()) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < guests; i++) {
                int vmid = 100 + i;
                String node = "pve" + (1 + i % 10);
                fs.add(pool.submit(() -> c.tasks().await(c.node(node).containers().create(Map.of("vmid",
                        Integer.toString(vmid), "hostname", "ct" + vmid, "memory", "512",
                        "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs",
                        "local-lvm:2")), Duration.ofSeconds(60))));
            }
            for (Future<?> f : fs) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            c.tasks().await(c.node("pve1").container(100).start(), Duration.ofSeconds(60));
        }
    }

    /** One client under test. */
    private interface Runner extends AutoCloseable {
        /** Runs the scenario's warm-up and measured requests; returns measured requests per second. */
        double run(Scenario s) throws Exception;

        @Override
        default void close() {
        }
    }

    private static Runner runner(String name, PveSimulator sim, Path ca, Map<String, String> o) throws Exception {
        switch (name) {
            case "ours": {
                ProxmoxClient c = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                        .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint()))
                        .build();
                return new InProcess(p -> p.equals(STATUS_PATH) ? () -> c.node("pve1").container(100).status()
                        : () -> c.cluster().resources(), c::close);
            }
            case "okhttp-deadline":
            case "okhttp": {
                // okhttp-deadline (not in the default list): the same plain client with this client's deadlines
                // (call timeout 2 min, read/write 60 s), to see what the call deadline itself costs
                OkHttpClient plain = plainOkHttp(sim.caPem());
                OkHttpClient h = name.equals("okhttp") ? plain : plain.newBuilder().callTimeout(Duration.ofMinutes(2))
                        .readTimeout(Duration.ofSeconds(60)).writeTimeout(Duration.ofSeconds(60)).build();
                JsonMapper m = JsonMapper.builder().build();
                String auth = sim.authorizationHeader();
                return new InProcess(p -> {
                    Request req = new Request.Builder().url(sim.apiUrl() + p).header("Authorization", auth)
                            .header("Accept", "application/json").build();
                    return () -> {
                        try (Response r = h.newCall(req).execute()) {
                            if (!r.isSuccessful()) {
                                throw new IOException("status " + r.code());
                            }
                            JsonNode d = m.readTree(r.body().string()).path("data");
                            if (d.isArray()) {
                                List<Map<String, Object>> out = new ArrayList<>(d.size());
                                for (JsonNode n : d) {
                                    out.add(Map.of("id", n.path("id").asText(), "node", n.path("node").asText(),
                                            "status", n.path("status").asText(), "mem", n.path("mem").asLong()));
                                }
                                return out;
                            }
                            return Map.of("status", d.path("status").asText(), "mem", d.path("mem").asLong());
                        }
                    };
                }, () -> {
                    h.dispatcher().executorService().shutdown();
                    h.connectionPool().evictAll();
                });
            }
            case "proxmoxer":
                return new External(List.of(o.get("python"), Path.of(o.get("scripts"), "proxmoxer_client.py")
                        .toString()), sim, ca);
            case "npm": {
                if (o.get("npmDir").isEmpty()) {
                    throw new IllegalArgumentException("npmDir= is required for the npm client (a directory with "
                            + "node_modules/proxmox-api 1.1.1; bench/side-by-side.sh installs it)");
                }
                return new External(List.of("node", Path.of(o.get("scripts"), "npm_client.cjs").toAbsolutePath()
                        .toString()), sim, ca, Path.of(o.get("npmDir")));
            }
            default:
                throw new IllegalArgumentException("unknown client " + name);
        }
    }

    /** Plain OkHttp with a 16-connection pool (as in the measurement) and CA-based trust. */
    static OkHttpClient plainOkHttp(String caPem) throws Exception {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
        ks.setCertificateEntry("ca", cert);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
        // OkHttp's defaults otherwise (retry on a stale pooled connection included), as a plain user has them
        return new OkHttpClient.Builder().protocols(List.of(Protocol.HTTP_1_1))
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .sslSocketFactory(ctx.getSocketFactory(), tm).build();
    }

    /** A request maker per path. */
    private interface CallFactory {
        Callable<Object> forPath(String path) throws Exception;
    }

    /** A JVM client run on threads of this process. */
    private static final class InProcess implements Runner {
        private final CallFactory calls;
        private final Runnable closer;

        InProcess(CallFactory calls, Runnable closer) {
            this.calls = calls;
            this.closer = closer;
        }

        @Override
        public double run(Scenario s) throws Exception {
            Callable<Object> call = calls.forPath(s.path);
            ExecutorService pool = Executors.newFixedThreadPool(s.threads);
            try {
                drive(pool, call, s.threads, s.warmup, new LongAdder());
                LongAdder cpu = new LongAdder();
                long nanos = drive(pool, call, s.threads, s.requests, cpu);
                // the calling threads' CPU: all of a synchronous OkHttp call's client-side work runs on them
                System.err.printf(Locale.ROOT, "  client CPU %.1f us/request (%s)%n", cpu.sum() / 1e3 / s.requests,
                        s.name);
                return s.requests * 1e9 / nanos;
            } finally {
                pool.shutdown();
            }
        }

        @Override
        public void close() {
            closer.run();
        }
    }

    /** Runs n requests on the given number of threads (a shared counter, so all finish together). */
    static long drive(ExecutorService pool, Callable<Object> call, int threads, int n, LongAdder cpuNanos)
            throws Exception {
        return drive(pool, call, threads, n, cpuNanos, new LongAdder());
    }

    /** As above, also adding up the bytes the calling threads allocated. */
    static long drive(ExecutorService pool, Callable<Object> call, int threads, int n, LongAdder cpuNanos,
                      LongAdder allocBytes) throws Exception {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicInteger left = new AtomicInteger(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            fs.add(pool.submit(() -> {
                go.await();
                long c0 = mx.getCurrentThreadCpuTime();
                long a0 = mx.getCurrentThreadAllocatedBytes();
                while (left.getAndDecrement() > 0) {
                    if (call.call() == null) {
                        throw new IllegalStateException("no result");
                    }
                }
                cpuNanos.add(mx.getCurrentThreadCpuTime() - c0);
                allocBytes.add(mx.getCurrentThreadAllocatedBytes() - a0);
                return null;
            }));
        }
        long t0 = System.nanoTime();
        go.countDown();
        for (Future<?> f : fs) {
            f.get(10, TimeUnit.MINUTES);
        }
        return System.nanoTime() - t0;
    }

    /**
     * Paired blocks of this client and another JVM client, ABBA order; returns one table line and
     * its JSON object.
     */
    private static String[] paired(Scenario s, InProcess ours, String otherName, InProcess other, int pairs,
                                 int block) throws Exception {
        // large responses cost ~10x a small one: blocks of a tenth as many (as for requests=)
        int n = Math.max(s.threads, block * s.threads / (s.path.equals(RESOURCES_PATH) ? 10 : 1));
        Callable<Object> a = ours.calls.forPath(s.path);
        Callable<Object> b = other.calls.forPath(s.path);
        ExecutorService pool = Executors.newFixedThreadPool(s.threads);
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuA = new ArrayList<>();
        List<Double> cpuB = new ArrayList<>();
        List<Double> rpsA = new ArrayList<>();
        List<Double> rpsB = new ArrayList<>();
        List<Double> allocA = new ArrayList<>();
        List<Double> allocB = new ArrayList<>();
        try {
            // warm-up: both clients' paths and the server's compiled before the first measured pair
            for (int i = 0; i < 10; i++) {
                drive(pool, a, s.threads, n, new LongAdder());
                drive(pool, b, s.threads, n, new LongAdder());
            }
            for (int i = 0; i < pairs; i++) {
                boolean oursFirst = i % 4 == 0 || i % 4 == 3;
                long[] first = timed(pool, oursFirst ? a : b, s.threads, n);
                long[] second = timed(pool, oursFirst ? b : a, s.threads, n);
                long[] ta = oursFirst ? first : second;
                long[] tb = oursFirst ? second : first;
                // ratio of throughputs = inverse ratio of times: > 1 means this client was faster
                ratios.add((double) tb[0] / ta[0]);
                rpsA.add(n * 1e9 / ta[0]);
                rpsB.add(n * 1e9 / tb[0]);
                cpuA.add(ta[1] / 1e3 / n);
                cpuB.add(tb[1] / 1e3 / n);
                allocA.add((double) ta[2] / n);
                allocB.add((double) tb[2] / n);
            }
        } finally {
            pool.shutdown();
        }
        String line = String.format(Locale.ROOT, "paired %-14s ours/%-15s %.3f (p25 %.3f, p75 %.3f; %d pairs of %d "
                        + "requests) | req/s ours %.0f, %s %.0f | process CPU per request ours %.1f us, %s %.1f us"
                        + " | allocated per request ours %.1f KB, %s %.1f KB%n",
                s.name, otherName, median(ratios), pct(ratios, 25), pct(ratios, 75), pairs, n, median(rpsA),
                otherName, median(rpsB), median(cpuA), otherName, median(cpuB), median(allocA) / 1024, otherName,
                median(allocB) / 1024);
        System.err.print(line);
        String json = String.format(Locale.ROOT, "{\"scenario\": \"%s\", \"other\": \"%s\", \"pairs\": %d, "
                        + "\"requests_per_block\": %d, \"ours_ratio_median\": %.3f, \"p25\": %.3f, \"p75\": %.3f, "
                        + "\"ours_rps\": %.1f, \"other_rps\": %.1f, \"ours_process_cpu_us\": %.1f, "
                        + "\"other_process_cpu_us\": %.1f, \"ours_alloc_bytes\": %.0f, \"other_alloc_bytes\": %.0f}",
                s.name, otherName, pairs, n, median(ratios), pct(ratios, 25), pct(ratios, 75), median(rpsA),
                median(rpsB), median(cpuA), median(cpuB), median(allocA), median(allocB));
        return new String[] {line, json};
    }

    /** Runs a block; returns {wall nanos, process CPU nanos, bytes allocated by the calling threads}. */
    private static long[] timed(ExecutorService pool, Callable<Object> call, int threads, int n) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        LongAdder alloc = new LongAdder();
        long wall = drive(pool, call, threads, n, new LongAdder(), alloc);
        return new long[] {wall, os.getProcessCpuTime() - c0, alloc.sum()};
    }

    /** The p-th percentile: the value at rank round((n - 1) p / 100). */
    static double pct(List<Double> v, int p) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.round((s.size() - 1) * p / 100.0)));
    }

    /** A client in another language: a child process that prints {@code {"seconds": s, "requests": n}}. */
    private static final class External implements Runner {
        private final List<String> command;
        private final PveSimulator sim;
        private final Path ca;
        private final Path dir;

        External(List<String> command, PveSimulator sim, Path ca) {
            this(command, sim, ca, null);
        }

        External(List<String> command, PveSimulator sim, Path ca, Path dir) {
            this.command = command;
            this.sim = sim;
            this.ca = ca;
            this.dir = dir;
        }

        @Override
        public double run(Scenario s) throws Exception {
            ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
            if (dir != null) {
                pb.directory(dir.toFile());
            }
            Map<String, String> env = pb.environment();
            env.put("PVE_HOST", "127.0.0.1");
            env.put("PVE_PORT", Integer.toString(sim.port()));
            env.put("PVE_TOKEN_ID", sim.tokenId());
            env.put("PVE_TOKEN_SECRET", sim.tokenSecret());
            env.put("PVE_CA_FILE", ca.toString());
            env.put("BENCH_PATH", s.path);
            env.put("BENCH_THREADS", Integer.toString(s.threads));
            env.put("BENCH_WARMUP", Integer.toString(s.warmup));
            env.put("BENCH_REQUESTS", Integer.toString(s.requests));
            Process p = pb.start();
            String outText = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(command + " failed (exit " + p.exitValue() + "): " + outText);
            }
            JsonNode r = JsonMapper.builder().build().readTree(outText);
            return r.path("requests").asDouble() / r.path("seconds").asDouble();
        }
    }

    /** The median (the mean of the middle two for an even count). */
    static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Median over rounds of the per-round ratio a/b. */
    private static double ratio(List<Double> a, List<Double> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            r.add(a.get(i) / b.get(i));
        }
        return r.isEmpty() ? Double.NaN : median(r);
    }

    private static String table(Map<String, Map<String, List<Double>>> results, List<String> clients) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-14s", "scenario"));
        for (String c : clients) {
            b.append(String.format(Locale.ROOT, " | %10s", c));
        }
        for (String c : clients) {
            if (!c.equals("ours")) {
                b.append(String.format(Locale.ROOT, " | ours/%-9s", c));
            }
        }
        b.append('\n');
        for (Map.Entry<String, Map<String, List<Double>>> e : results.entrySet()) {
            b.append(String.format(Locale.ROOT, "%-14s", e.getKey()));
            for (String c : clients) {
                b.append(String.format(Locale.ROOT, " | %10.0f", median(e.getValue().get(c))));
            }
            for (String c : clients) {
                if (!c.equals("ours") && e.getValue().containsKey("ours")) {
                    b.append(String.format(Locale.ROOT, " | %14.2f", ratio(e.getValue().get("ours"),
                            e.getValue().get(c))));
                }
            }
            b.append('\n');
        }
        b.append("(requests/s, median over rounds; ratios are medians of per-round ratios; higher is better)\n");
        return b.toString();
    }

    private static String json(Map<String, String> o, Map<String, Map<String, List<Double>>> results,
                               List<Scenario> scenarios, List<String> paired) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"date\": \"").append(Instant.now()).append("\",\n");
        b.append("  \"machine\": \"").append(machine()).append("\",\n");
        b.append("  \"options\": {");
        String sep = "";
        for (Map.Entry<String, String> e : o.entrySet()) {
            b.append(sep).append('"').append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
            sep = ", ";
        }
        b.append("},\n  \"scenarios\": {\n");
        String ssep = "";
        for (Scenario s : scenarios) {
            Map<String, List<Double>> r = results.get(s.name);
            if (r == null) {
                continue; // rounds=0
            }
            b.append(ssep).append("    \"").append(s.name).append("\": {\"path\": \"").append(s.path)
                    .append("\", \"threads\": ").append(s.threads).append(", \"requests\": ").append(s.requests)
                    .append(", \"clients\": {");
            String csep = "";
            for (Map.Entry<String, List<Double>> e : r.entrySet()) {
                b.append(csep).append('"').append(e.getKey()).append("\": {\"median_rps\": ")
                        .append(String.format(Locale.ROOT, "%.1f", median(e.getValue()))).append(", \"rounds_rps\": [");
                String rsep = "";
                for (double v : e.getValue()) {
                    b.append(rsep).append(String.format(Locale.ROOT, "%.1f", v));
                    rsep = ", ";
                }
                b.append("]");
                if (!e.getKey().equals("ours") && r.containsKey("ours")) {
                    b.append(", \"ours_ratio\": ").append(String.format(Locale.ROOT, "%.3f",
                            ratio(r.get("ours"), e.getValue())));
                }
                b.append('}');
                csep = ", ";
            }
            b.append("}}");
            ssep = ",\n";
        }
        b.append("\n  },\n  \"paired\": [");
        b.append(paired.isEmpty() ? "" : "\n    " + String.join(",\n    ", paired) + "\n  ");
        b.append("]\n}\n");
        return b.toString();
    }

    /**
     * The machine a figure came from: CPU model, cores, OS, Java, load.
     *
     * @return one line
     */
    public static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            cpu = "unknown CPU (" + e.getMessage() + ")";
        }
        return String.format(Locale.ROOT, "%s, %d cores, %s %s, Java %s, load average %.1f at the end",
                cpu.replace("\"", "'"), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("java.version"),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
