package io.github.proxmoxlxc.bench.client;

import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.internal.client.ApiExecutor;
import io.github.proxmoxlxc.core.internal.client.BaseUrl;
import io.github.proxmoxlxc.core.internal.client.HttpTransport;
import io.github.proxmoxlxc.core.internal.client.TokenAuth;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The x25519-only TLS hello against the JVM's default two key shares (x25519 and secp256r1), in
 * pairs on one simulator: warm throughput at 8-way (ABBA blocks of two transports that differ only
 * in the hello), and the first call of a fresh JVM (child JVMs, alternating), which is what the
 * command line pays once per run.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.client.TlsKeyShareBench [pairs=100] [cold=8]
 * </pre>
 */
public final class TlsKeyShareBench {
    private TlsKeyShareBench() {
    }

    private static ApiExecutor executor(PveSimulator sim, boolean defaults) {
        HttpTransport t = new HttpTransport(BaseUrl.parse(sim.baseUrl()), Trust.fingerprints(sim.fingerprint()),
                Duration.ofSeconds(10), Duration.ofSeconds(60));
        if (defaults) {
            t.offerDefaultKeyShares();
        }
        return new ApiExecutor(t, new TokenAuth(sim.tokenId(), sim.tokenSecret()), RetryPolicy.none(), 8,
                Duration.ofSeconds(60));
    }

    /**
     * Runs the comparison, or (with {@code child URL TOKENID SECRET FINGERPRINT narrowed|default}) one
     * cold first call.
     *
     * @param args options, see the class comment
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 6 && args[0].equals("child")) {
            child(args);
            return;
        }
        int pairs = 100;
        int cold = 8;
        for (String a : args) {
            if (a.startsWith("pairs=")) {
                pairs = Integer.parseInt(a.substring(6));
            } else if (a.startsWith("cold=")) {
                cold = Integer.parseInt(a.substring(5));
            } else {
                throw new IllegalArgumentException("unknown option " + a + "; known: pairs=, cold=");
            }
        }
        try (PveSimulator sim = PveSimulator.builder().timeScale(0).serverThreads(32).addNode("pve1", 64, 1L << 40)
                .start()) {
            ApiExecutor narrowed = executor(sim, false);
            ApiExecutor defaults = executor(sim, true);
            String path = "/nodes/pve1/lxc/100/status/current";
            narrowed.data(HttpMethod.POST, "/nodes/pve1/lxc", Map.of("vmid", "100", "hostname", "ct", "ostemplate",
                    "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs", "local-lvm:2"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Double> ratios = new ArrayList<>();
            try {
                for (int i = 0; i < 10 + pairs; i++) {
                    boolean narrowedFirst = i % 4 == 0 || i % 4 == 3;
                    long a = block(pool, narrowedFirst ? narrowed : defaults, path);
                    long b = block(pool, narrowedFirst ? defaults : narrowed, path);
                    if (i >= 10) {
                        // throughput ratio narrowed/defaults = time ratio defaults/narrowed
                        ratios.add(narrowedFirst ? (double) b / a : (double) a / b);
                    }
                }
            } finally {
                pool.shutdown();
                narrowed.close();
                defaults.close();
            }
            System.out.printf(Locale.ROOT, "warm, 8-way status reads, throughput x25519-only / default groups: median "
                    + "%.3f (p25 %.3f, p75 %.3f; %d pairs of 1,600 requests)%n", ClientSideBySide.median(ratios),
                    ClientSideBySide.pct(ratios, 25), ClientSideBySide.pct(ratios, 75), pairs);
            List<Double> gains = new ArrayList<>();
            for (int i = 0; i < cold; i++) {
                double n = childRun(sim, "narrowed");
                double d = childRun(sim, "default");
                gains.add(d - n);
                System.out.printf(Locale.ROOT, "cold first call, pair %d: x25519-only %.1f ms, default groups %.1f ms%n",
                        i + 1, n, d);
            }
            if (!gains.isEmpty()) {
                System.out.printf(Locale.ROOT, "cold first call: x25519-only faster by a median of %.1f ms (range %.1f to "
                        + "%.1f; %d pairs)%n", ClientSideBySide.median(gains), Collections.min(gains),
                        Collections.max(gains), cold);
            }
        }
    }

    private static long block(ExecutorService pool, ApiExecutor api, String path) throws Exception {
        return ClientSideBySide.drive(pool, () -> api.data(HttpMethod.GET, path, Map.of()), 8, 1600, new LongAdder());
    }

    private static double childRun(PveSimulator sim, String mode) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TlsKeyShareBench.class.getName(), "child", sim.baseUrl(), sim.tokenId(), sim.tokenSecret(),
                sim.fingerprint(), mode).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("child JVM failed: " + out);
        }
        return Double.parseDouble(out);
    }

    /** In a fresh JVM: one transport, one call; prints the call's milliseconds. */
    private static void child(String[] a) throws Exception {
        HttpTransport t = new HttpTransport(BaseUrl.parse(a[1]), Trust.fingerprints(a[4]), Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        if (a[5].equals("default")) {
            t.offerDefaultKeyShares();
        }
        try (ApiExecutor api = new ApiExecutor(t, new TokenAuth(a[2], a[3]), RetryPolicy.none(), 8,
                Duration.ofSeconds(60))) {
            long t0 = System.nanoTime();
            api.data(HttpMethod.GET, "/version", Map.of());
            System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - t0) / 1e6);
        }
    }
}
