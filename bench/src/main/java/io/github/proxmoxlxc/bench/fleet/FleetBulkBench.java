package io.github.proxmoxlxc.bench.fleet;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.BulkOptions;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionOutcome;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Bulk provisioning at fleet scale: 1,000 containers on 10 simulated nodes, 8 at a time per node,
 * realistic task durations (vzcreate 30 s, vzstart 2 s; time-scaled). The simulator runs in a
 * child process ({@link SimServer}) so the figures separate the client's heap from the
 * simulator's, and the simulator's CPU (standing in for pveproxy's per-request cost) is its
 * process CPU time. Reports wall time against the lower bound the per-node limit allows, API
 * requests per container by endpoint (task polls apart), polls per task, the client's peak heap.
 *
 * <pre>
 * mvn -B -Pbench -pl bench -am package -DskipTests
 * java -Xmx256m -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.fleet.FleetBulkBench \
 *     [containers=1000] [nodes=10] [perNode=8] [scale=0.1] [pollMs=100] [steps=false] [out=FILE]
 * </pre>
 */
public final class FleetBulkBench {
    static final Duration CREATE = Duration.ofSeconds(30);
    static final Duration START = Duration.ofSeconds(2);
    private static final String TASK_STATUS = "GET /nodes/{node}/tasks/{upid}/status";

    private FleetBulkBench() {
    }

    /**
     * Runs once and prints the figures.
     *
     * @param args {@code key=value} options, see the class comment
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int containers = 1000;
        int nodes = 10;
        int perNode = 8;
        double scale = 0.1;
        long pollMs = 100;
        String out = null;
        boolean steps = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "containers": containers = Integer.parseInt(kv[1]); break;
                case "nodes": nodes = Integer.parseInt(kv[1]); break;
                case "perNode": perNode = Integer.parseInt(kv[1]); break;
                case "scale": scale = Double.parseDouble(kv[1]); break;
                case "pollMs": pollMs = Long.parseLong(kv[1]); break;
                case "out": out = kv[1]; break;
                case "steps": steps = Boolean.parseBoolean(kv[1]); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        Process simProc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), SimServer.class.getName(),
                Integer.toString(nodes), Double.toString(scale), "64")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader simOut = new BufferedReader(new InputStreamReader(simProc.getInputStream(),
                    StandardCharsets.UTF_8));
            PrintWriter simIn = new PrintWriter(new OutputStreamWriter(simProc.getOutputStream(),
                    StandardCharsets.UTF_8), true);
            String[] hello = simOut.readLine().split(" ");
            String report = run(hello, simIn, simOut, containers, nodes, perNode, scale, pollMs, steps);
            System.out.print(report);
            if (out != null) {
                Files.writeString(Path.of(out), report);
            }
            simIn.println("quit");
        } finally {
            if (!simProc.waitFor(30, TimeUnit.SECONDS)) {
                simProc.destroy();
            }
        }
    }

    private static String run(String[] hello, PrintWriter simIn, BufferedReader simOut, int containers, int nodes,
                              int perNode, double scale, long pollMs, boolean steps) throws Exception {
        Duration poll = Duration.ofNanos((long) (pollMs * 1_000_000L * scale));
        PollSchedule schedule = PollSchedule.builder().firstDelay(poll).initialInterval(poll).multiplier(1.2)
                .maxInterval(poll.multipliedBy(20)).notVisibleGrace(Duration.ofSeconds(5)).build();
        long simCpu0;
        Map<String, Long> stepStart = new ConcurrentHashMap<>();
        Map<String, List<Double>> stepTimes = new ConcurrentSkipListMap<>();
        try (ProxmoxClient client = ProxmoxClient.builder().baseUrl(hello[0]).apiToken(hello[1], hello[2])
                .trust(Trust.fingerprints(hello[3])).maxConcurrentRequestsPerNode(perNode, Duration.ofMinutes(5))
                .taskPolling(schedule).build()) {
            ProvisionListener timing = e -> {
                        String key = e.label() + "/" + e.step();
                        if (e.kind() == ProvisionEvent.Kind.STARTED) {
                            stepStart.put(key, System.nanoTime());
                        } else if (e.kind() == ProvisionEvent.Kind.FINISHED && stepStart.containsKey(key)) {
                            stepTimes.computeIfAbsent(e.step().toString(), k -> Collections.synchronizedList(
                                    new ArrayList<>())).add((System.nanoTime() - stepStart.get(key)) / 1e6 / scale);
                        }
                    };
            // a listener makes the provisioner read task logs for progress events: only when asked for step times
            ProvisionOptions options = ProvisionOptions.builder().taskPolling(schedule).waitForIp(true)
                    .lookupCacheTtl(Duration.ofMinutes(10))
                    .createTimeout(Duration.ofMinutes(10)).startTimeout(Duration.ofMinutes(5))
                    .listener(steps ? timing : ProvisionListener.none()).build();
            Provisioner p = Provisioner.on(client, options);
            List<ProvisionRequest> reqs = new ArrayList<>();
            for (int i = 0; i < containers; i++) {
                // 1 GiB root disks: 100 per node fit the simulator's 200 GiB local-lvm
                ContainerSpec spec = ContainerSpec.builder().hostname("fleet" + i).memoryMiB(512).cores(1)
                        .rootFs("local-lvm", 1).network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0")
                                .dhcp().build()).build();
                reqs.add(ProvisionRequest.builder().spec(spec).template("debian-12-standard").build());
            }
            for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
                m.resetPeakUsage();
            }
            simIn.println("counts");
            simCpu0 = Long.parseLong(simOut.readLine().split("\t")[0]);
            long t0 = System.nanoTime();
            List<ProvisionOutcome> outcomes = p.provisionAll(reqs, BulkOptions.builder().maxConcurrent(nodes * perNode).maxConcurrentPerNode(perNode).build());
            double wallReal = (System.nanoTime() - t0) / 1e9;
            simIn.println("counts");
            String[] counts = simOut.readLine().split("\t");
            long simCpuMs = Long.parseLong(counts[0]) - simCpu0;
            long heapPeak = 0;
            for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans()) {
                if (m.getType() == MemoryType.HEAP) {
                    heapPeak += m.getPeakUsage().getUsed();
                }
            }
            Map<String, Long> byEndpoint = new TreeMap<>();
            for (int i = 1; i < counts.length; i++) {
                int eq = counts[i].lastIndexOf('=');
                byEndpoint.put(counts[i].substring(0, eq), Long.parseLong(counts[i].substring(eq + 1)));
            }
            StringBuilder stepLine = new StringBuilder(steps ? "  median time per step (ms simulated):" : "");
            stepTimes.forEach((k, v) -> stepLine.append(String.format(Locale.ROOT, " %s %.0f", k, median(v))));
            return report(outcomes, byEndpoint, containers, nodes, perNode, scale, pollMs, wallReal, simCpuMs,
                    heapPeak) + stepLine + (steps ? "\n" : "");
        }
    }

    private static String report(List<ProvisionOutcome> outcomes, Map<String, Long> byEndpoint, int containers,
                                 int nodes, int perNode, double scale, long pollMs, double wallReal, long simCpuMs,
                                 long heapPeak) {
        long ok = outcomes.stream().filter(ProvisionOutcome::succeeded).count();
        int perNodeMax = (containers + nodes - 1) / nodes;
        int waves = (perNodeMax + perNode - 1) / perNode;
        double chain = (CREATE.toMillis() + START.toMillis()) / 1000.0;
        double lower = waves * chain;
        double wallSim = wallReal / scale;
        List<TaskResult> tasks = outcomes.stream().filter(ProvisionOutcome::succeeded)
                .flatMap(o -> o.result().orElseThrow().tasks().stream()).collect(Collectors.toList());
        List<Double> polls = tasks.stream().map(t -> (double) t.polls()).collect(Collectors.toList());
        Map<String, Long> perNodeCount = new TreeMap<>(outcomes.stream().filter(ProvisionOutcome::succeeded)
                .collect(Collectors.groupingBy(o -> o.result().orElseThrow().node(), Collectors.counting())));
        long total = byEndpoint.values().stream().mapToLong(Long::longValue).sum();
        long taskPolls = byEndpoint.getOrDefault(TASK_STATUS, 0L);
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "# FleetBulkBench %s, %s%n", Instant.now(),
                io.github.proxmoxlxc.bench.client.ClientSideBySide.machine()));
        b.append(String.format(Locale.ROOT, "fleet bulk provision: %d containers, %d nodes, per-node limit %d (containers"
                + " and requests), time scale %s, base poll %d ms (simulated), vzcreate %d s, vzstart %d s%n",
                containers, nodes, perNode, scale, pollMs, CREATE.toSeconds(), START.toSeconds()));
        b.append(String.format(Locale.ROOT, "  succeeded: %d/%d, per node: %s%n", ok, containers, perNodeCount));
        outcomes.stream().filter(o -> !o.succeeded()).limit(3).forEach(o -> b.append("  failure: ")
                .append(o.failure().map(Throwable::getMessage).orElse("?")).append('\n'));
        b.append(String.format(Locale.ROOT, "  wall time: %.1f s simulated (%.2f s real); lower bound %.1f s (%d waves x"
                + " %.0f s create+start) -> ratio %.3f%n", wallSim, wallReal, lower, waves, chain, wallSim / lower));
        b.append(String.format(Locale.ROOT, "  API requests per container excluding task polls: %.2f (%d total); task"
                + " polls per container %.2f%n", (total - taskPolls) / (double) containers, total - taskPolls,
                taskPolls / (double) containers));
        byEndpoint.forEach((k, v) -> b.append(String.format(Locale.ROOT, "    %-50s %7d  %6.3f / container%n", k, v,
                v / (double) containers)));
        b.append(String.format(Locale.ROOT, "  polls per task: median %.0f, mean %.2f, max %.0f (%d tasks)%n",
                median(polls), polls.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                polls.stream().mapToDouble(Double::doubleValue).max().orElse(0), tasks.size()));
        b.append(String.format(Locale.ROOT, "  client peak heap (sum of heap pools' peaks): %.1f MB, max heap %d MB%n",
                heapPeak / 1048576.0, Runtime.getRuntime().maxMemory() >> 20));
        b.append(String.format(Locale.ROOT, "  simulator CPU: %.1f s over the run (%.0f us per request, %d requests)%n",
                simCpuMs / 1000.0, simCpuMs * 1000.0 / Math.max(1, total), total));
        return b.toString();
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
