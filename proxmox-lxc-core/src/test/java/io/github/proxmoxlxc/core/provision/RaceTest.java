package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.testkit.ContainerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fifty concurrent provisions without a VMID: fifty distinct containers, no failures, no orphans. */
class RaceTest {
    private static final int N = 50;

    @Test
    void fiftyConcurrentProvisions_getFiftyDistinctContainers() throws Exception {
        try (SimFixture f = SimFixture.start(b -> b.serverThreads(32))) {
            List<ProvisionResult> results = race(f, "r");
            assertDistinctAndClean(f, results);
        }
    }

    @Test
    void fiftyConcurrentProvisions_withSeededRandomFaults_stillGetFiftyDistinctContainers() throws Exception {
        try (SimFixture f = SimFixture.start(b -> b.serverThreads(32).seed(7))) {
            f.sim.randomFaults(42, 0.05);
            List<ProvisionResult> results = race(f, "f");
            f.sim.clearFaults();
            assertDistinctAndClean(f, results);
        }
    }

    private static List<ProvisionResult> race(SimFixture f, String prefix) throws Exception {
        Provisioner p = Provisioner.on(f.client, f.options().listener(e -> { }).build());
        ExecutorService pool = Executors.newFixedThreadPool(N);
        try {
            List<CompletableFuture<ProvisionResult>> futures = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                ProvisionRequest r = SimFixture.request(prefix + i);
                futures.add(CompletableFuture.supplyAsync(() -> p.provision(r), pool));
            }
            List<ProvisionResult> out = new ArrayList<>();
            for (CompletableFuture<ProvisionResult> fu : futures) {
                out.add(fu.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertDistinctAndClean(SimFixture f, List<ProvisionResult> results) {
        Set<Integer> vmids = results.stream().map(ProvisionResult::vmid).collect(Collectors.toSet());
        assertThat(vmids).hasSize(N);
        assertThat(f.sim.awaitIdle(Duration.ofSeconds(5))).as("simulator idle after the race").isTrue();
        List<ContainerState> cts = f.sim.containers();
        assertThat(cts).hasSize(N);
        assertThat(cts.stream().map(ContainerState::vmid).collect(Collectors.toSet())).isEqualTo(vmids);
        assertThat(new HashSet<>(cts.stream().map(c -> c.config().get("hostname")).toList())).hasSize(N);
        assertThat(cts).allMatch(c -> c.status().equals("running"));
        assertThat(f.sim.locks()).isEmpty();
    }
}
