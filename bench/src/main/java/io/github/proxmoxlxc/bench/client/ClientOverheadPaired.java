package io.github.proxmoxlxc.bench.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * A paired companion to {@link ClientOverheadBenchmark} for loaded machines: it alternates short
 * batches of our client and of plain OkHttp + Jackson against the same server and reports the
 * median of the per-pair time ratios, which cancels slow drifts of machine load that make
 * back-to-back JMH runs incomparable.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.client.ClientOverheadPaired
 * [pairs=200] [batch=200] [warmupPairs=50]}.
 */
public final class ClientOverheadPaired {
    private ClientOverheadPaired() {
    }

    /**
     * Runs the paired comparison and prints the result.
     *
     * @param args optional {@code pairs=}, {@code batch=}, {@code warmupPairs=}
     * @throws Exception on setup or request failure
     */
    public static void main(String[] args) throws Exception {
        int pairs = arg(args, "pairs", 200);
        int batch = arg(args, "batch", 200);
        int warmup = arg(args, "warmupPairs", 50);
        ClientOverheadBenchmark b = new ClientOverheadBenchmark();
        b.setUp();
        try {
            report("GET /version", b::oursVersion, b::plainVersion, pairs, batch, warmup);
            report("GET /cluster/resources (100 CTs)", b::oursResources, b::plainResources, pairs, batch / 4,
                    warmup);
        } finally {
            b.tearDown();
        }
    }

    private static void report(String name, Callable<?> ours, Callable<?> plain, int pairs, int batch, int warmup)
            throws Exception {
        List<Double> ratios = new ArrayList<>();
        List<Double> oursUs = new ArrayList<>();
        List<Double> plainUs = new ArrayList<>();
        for (int i = 0; i < warmup + pairs; i++) {
            // alternate which goes first so neither side always runs on a warmer cache
            boolean oursFirst = i % 2 == 0;
            long a = oursFirst ? time(ours, batch) : time(plain, batch);
            long c = oursFirst ? time(plain, batch) : time(ours, batch);
            long o = oursFirst ? a : c;
            long p = oursFirst ? c : a;
            if (i >= warmup) {
                ratios.add((double) o / p);
                oursUs.add(o / 1000.0 / batch);
                plainUs.add(p / 1000.0 / batch);
            }
        }
        System.out.printf("%s: ours median %.1f us/op, plain median %.1f us/op, median pair ratio %.3f "
                        + "(p25 %.3f, p75 %.3f) over %d pairs of %d requests%n",
                name, median(oursUs), median(plainUs), median(ratios), ClientSideBySide.pct(ratios, 25),
                ClientSideBySide.pct(ratios, 75), pairs, batch);
    }

    private static long time(Callable<?> c, int n) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            if (c.call() == null) {
                throw new IllegalStateException("no result");
            }
        }
        return System.nanoTime() - t0;
    }

    private static double median(List<Double> v) {
        return ClientSideBySide.pct(v, 50);
    }

    private static int arg(String[] args, String key, int def) {
        for (String a : args) {
            if (a.startsWith(key + "=")) {
                return Integer.parseInt(a.substring(key.length() + 1));
            }
        }
        return def;
    }
}
