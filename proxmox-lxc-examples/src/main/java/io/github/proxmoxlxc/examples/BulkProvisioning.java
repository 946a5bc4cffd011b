package io.github.proxmoxlxc.examples;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Provisions many containers over three simulated nodes with a global and a per-node limit, and
 * prints progress as containers start: one result per request, failures included.
 *
 * <p>Usage: {@code BulkProvisioning [count]} (default 12).
 */
public final class BulkProvisioning {
    private BulkProvisioning() {
    }

    /**
     * Runs the example.
     *
     * @param args optional number of containers
     */
    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        AtomicInteger running = new AtomicInteger();
        try (PveSimulator sim = PveSimulator.builder().addNode("pve1", 16, 64L << 30).addNode("pve2", 16, 64L << 30)
                .addNode("pve3", 16, 64L << 30).timeScale(0.01).start();
             ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                     .apiToken(sim.tokenId(), sim.tokenSecret())
                     .trust(Trust.fingerprints(sim.fingerprint())).build()) {
            ProvisionOptions options = ProvisionOptions.builder()
                    .listener((ProvisionEvent e) -> {
                        if (e.step() == ProvisionStep.START && e.kind() == ProvisionEvent.Kind.FINISHED) {
                            System.out.printf("[%2d/%d] %s started on %s%n", running.incrementAndGet(), count,
                                    e.label(), e.node().orElse("?"));
                        }
                    })
                    .build();
            List<ProvisionRequest> requests = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                ContainerSpec spec = ContainerSpec.builder().hostname("worker-" + i).cores(1).memoryMiB(512)
                        .network(0, NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build()).build();
                requests.add(ProvisionRequest.builder().spec(spec).template("debian-12-standard").build());
            }
            long t0 = System.nanoTime();
            List<ProvisionOutcome> outcomes = Provisioner.on(pve, options).provisionAll(requests,
                    BulkOptions.builder().maxConcurrent(8).maxConcurrentPerNode(4).build());
            long ok = outcomes.stream().filter(ProvisionOutcome::succeeded).count();
            System.out.printf("%d of %d running in %d ms; per node: %s%n", ok, count,
                    (System.nanoTime() - t0) / 1_000_000, perNode(outcomes));
        }
    }

    private static String perNode(List<ProvisionOutcome> outcomes) {
        java.util.Map<String, Integer> m = new java.util.TreeMap<>();
        outcomes.forEach(o -> o.result().ifPresent(r -> m.merge(r.node(), 1, Integer::sum)));
        return m.toString();
    }
}
