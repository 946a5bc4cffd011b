package io.github.proxmoxlxc.bench.provision;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.BulkOptions;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionOutcome;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Bulk provisioning against the simulator: N containers over 3 nodes with realistic task durations
 * (vzcreate 30 s, vzstart 2 s, time-scaled), a per-node limit, and polling tuned for a lag of about
 * 100 ms of simulated time. Reports wall time against the lower bound the limits allow, the lag
 * between a task's end and the client noticing it (bounds from both sides), and polls per task.
 *
 * <pre>
 * mvn -B -Pbench -pl bench -am package -DskipTests
 * java -cp bench/target/benchmarks.jar io.github.proxmoxlxc.bench.provision.BulkProvisionBench \
 *     [containers=100] [nodes=3] [perNode=4] [scale=0.1] [pollMs=100] [download=false]
 * </pre>
 */
public final class BulkProvisionBench {
    private static final Duration CREATE = Duration.ofSeconds(30);
    private static final Duration START = Duration.ofSeconds(2);
    private static final Duration DOWNLOAD = Duration.ofSeconds(20);

    private BulkProvisionBench() {
    }

    /** Runs once and prints the figures. */
    public static void main(String[] args) {
        int containers = 100;
        int nodes = 3;
        int perNode = 4;
        double scale = 0.1;
        long pollMs = 100;
        boolean download = false;
        for (String a : args) {
            String[] kv = a.split("=", 2);
            switch (kv[0]) {
                case "containers": containers = Integer.parseInt(kv[1]); break;
                case "nodes": nodes = Integer.parseInt(kv[1]); break;
                case "perNode": perNode = Integer.parseInt(kv[1]); break;
                case "scale": scale = Double.parseDouble(kv[1]); break;
                case "pollMs": pollMs = Long.parseLong(kv[1]); break;
                case "download": download = Boolean.parseBoolean(kv[1]); break;
                default: throw new IllegalArgumentException("unknown option " + a);
            }
        }
        PveSimulator.Builder sb = PveSimulator.builder().timeScale(scale).serverThreads(64)
                .taskDuration("vzcreate", CREATE).taskDuration("vzstart", START).taskDuration("download", DOWNLOAD);
        for (int i = 1; i <= nodes; i++) {
            sb.addNode("pve" + i, 32, 256L << 30);
        }
        Duration poll = Duration.ofNanos((long) (pollMs * 1_000_000L * scale));
        PollSchedule schedule = PollSchedule.builder().firstDelay(poll).initialInterval(poll).multiplier(1.2)
                .maxInterval(poll.multipliedBy(20)).notVisibleGrace(Duration.ofSeconds(5)).build();
        try (PveSimulator sim = sb.start();
             ProxmoxClient client = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                     .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint()))
                     .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(5))
                             .maxBackoff(Duration.ofMillis(50)).build())
                     .maxConcurrentRequestsPerNode(64, Duration.ofSeconds(30))
                     .taskPolling(schedule).build()) {
            Map<String, Long> stepStart = new ConcurrentHashMap<>();
            List<Double> createUpper = Collections.synchronizedList(new ArrayList<>());
            List<Double> startUpper = Collections.synchronizedList(new ArrayList<>());
            final double s = scale;
            ProvisionOptions options = ProvisionOptions.builder().taskPolling(schedule).waitForIp(true)
                    .lookupCacheTtl(Duration.ofSeconds(30))
                    .createTimeout(Duration.ofMinutes(10)).startTimeout(Duration.ofMinutes(5))
                    .listener(e -> {
                        String key = e.label() + "/" + e.step();
                        if (e.kind() == ProvisionEvent.Kind.STARTED) {
                            stepStart.put(key, System.nanoTime());
                        } else if (e.kind() == ProvisionEvent.Kind.FINISHED && stepStart.containsKey(key)) {
                            double took = (System.nanoTime() - stepStart.get(key)) / 1e6 / s;
                            if (e.step() == ProvisionStep.CREATE) {
                                createUpper.add(took - CREATE.toMillis());
                            } else if (e.step() == ProvisionStep.START) {
                                startUpper.add(took - START.toMillis());
                            }
                        }
                    }).build();
            Provisioner p = Provisioner.on(client, options);
            List<ProvisionRequest> reqs = new ArrayList<>();
            for (int i = 0; i < containers; i++) {
                ContainerSpec spec = ContainerSpec.builder().hostname("bulk" + i).memoryMiB(512).cores(1)
                        .rootFs("local-lvm", 2).network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0")
                                .dhcp().build()).build();
                reqs.add(ProvisionRequest.builder().spec(spec).template(download ? "alpine-3.22" : "debian-12-standard")
                        .build());
            }
            long t0 = System.nanoTime();
            List<ProvisionOutcome> out = p.provisionAll(reqs, BulkOptions.builder().maxConcurrent(nodes * perNode)
                    .maxConcurrentPerNode(perNode).build());
            double wallReal = (System.nanoTime() - t0) / 1e9;
            double wallSim = wallReal / scale;

            long ok = out.stream().filter(ProvisionOutcome::succeeded).count();
            int perNodeMax = (containers + nodes - 1) / nodes;
            int waves = (perNodeMax + perNode - 1) / perNode;
            double chain = (CREATE.toMillis() + START.toMillis()) / 1000.0;
            double lower = waves * chain + (download ? DOWNLOAD.toSeconds() : 0);
            List<TaskResult> tasks = out.stream().filter(ProvisionOutcome::succeeded)
                    .flatMap(o -> o.result().orElseThrow().tasks().stream()).collect(Collectors.toList());
            List<Double> createLower = new ArrayList<>();
            List<Double> startLower = new ArrayList<>();
            List<Double> polls = new ArrayList<>();
            for (TaskResult t : tasks) {
                double waited = t.waited().toNanos() / 1e6 / scale;
                polls.add((double) t.polls());
                if (t.upid().type().equals("vzcreate")) {
                    createLower.add(waited - CREATE.toMillis());
                } else if (t.upid().type().equals("vzstart")) {
                    startLower.add(waited - START.toMillis());
                }
            }
            Map<String, Long> perNodeCount = new TreeMap<>(out.stream().filter(ProvisionOutcome::succeeded)
                    .collect(Collectors.groupingBy(o -> o.result().orElseThrow().node(), Collectors.counting())));
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "bulk provision: %d containers, %d nodes, per-node limit %d, time scale %s,"
                    + " base poll %d ms (simulated)%n", containers, nodes, perNode, scale, pollMs));
            b.append(String.format(Locale.ROOT, "  succeeded: %d/%d, per node: %s%n", ok, containers, perNodeCount));
            b.append(String.format(Locale.ROOT, "  wall time: %.1f s simulated (%.2f s real); lower bound %.1f s"
                    + " (%d waves x %.0f s create+start%s) -> ratio %.3f%n", wallSim, wallReal, lower, waves, chain,
                    download ? " + 20 s download" : "", wallSim / lower));
            b.append(String.format(Locale.ROOT, "  lag task end -> noticed (ms simulated), median [lower bound .. upper"
                    + " bound]: vzcreate [%.0f .. %.0f], vzstart [%.0f .. %.0f]%n", median(createLower),
                    median(createUpper), median(startLower), median(startUpper)));
            b.append(String.format(Locale.ROOT, "  polls per task: median %.0f, mean %.2f, max %.0f (%d tasks)%n",
                    median(polls), polls.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                    polls.stream().mapToDouble(Double::doubleValue).max().orElse(0), tasks.size()));
            b.append(String.format(Locale.ROOT, "  requests: storage listings %d, node listings %d, nextid %d,"
                    + " creates %d, task status %d, total %d%n", sim.requestCount("GET /nodes/{node}/storage"),
                    sim.requestCount("GET /nodes"), sim.requestCount("GET /cluster/nextid"),
                    sim.requestCount("POST /nodes/{node}/lxc"), sim.requestCount("GET /nodes/{node}/tasks/{upid}/status"),
                    sim.requestCounts().values().stream().mapToLong(Long::longValue).sum()));
            System.out.print(b);
        }
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
