package io.github.proxmoxlxc.bench.fleet;

import com.sun.management.OperatingSystemMXBean;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulator in a process of its own, so a benchmark can measure the client's heap and the
 * simulator's CPU apart. Prints one line {@code url token secret fingerprint} on start, then
 * answers commands on stdin: {@code counts} prints {@code cpu-ms endpoint=count ...} on one line,
 * {@code reset} zeroes the request counts, {@code quit} stops.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.fleet.SimServer nodes scale
 * threads}
 */
public final class SimServer {
    private SimServer() {
    }

    /**
     * Starts the simulator and serves commands.
     *
     * @param args node count, time scale, Jetty threads
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int nodes = Integer.parseInt(args[0]);
        double scale = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        PveSimulator.Builder sb = PveSimulator.builder().timeScale(scale).serverThreads(threads)
                .taskDuration("vzcreate", FleetBulkBench.CREATE).taskDuration("vzstart", FleetBulkBench.START)
                .taskDuration("download", Duration.ofSeconds(20));
        for (int i = 1; i <= nodes; i++) {
            sb.addNode("pve" + i, 64, 1L << 40);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (PveSimulator sim = sb.start()) {
            System.out.println(sim.baseUrl() + " " + sim.tokenId() + " " + sim.tokenSecret() + " " + sim.fingerprint());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                switch (line.trim()) {
                    case "counts": {
                        StringBuilder b = new StringBuilder().append(os.getProcessCpuTime() / 1_000_000);
                        Map<String, Long> c = new TreeMap<>(sim.requestCounts());
                        c.forEach((k, v) -> b.append('\t').append(k).append('=').append(v));
                        System.out.println(b);
                        System.out.flush();
                        break;
                    }
                    case "reset":
                        sim.resetRequestCounts();
                        System.out.println("ok");
                        System.out.flush();
                        break;
                    case "quit":
                        return;
                    default:
                        System.out.println("unknown command " + line);
                        System.out.flush();
                }
            }
        }
    }
}
