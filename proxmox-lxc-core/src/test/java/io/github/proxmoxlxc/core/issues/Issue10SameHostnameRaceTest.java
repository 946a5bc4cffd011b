package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
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

/**
 * Issue 10, item 3, as it was found: ten concurrent provisions with the same hostname through a
 * simulator with random faults. Before, one VMID was reported by two runs; now every VMID is
 * reported at most once, and every container left is one a run reported (nothing orphaned).
 */
class Issue10SameHostnameRaceTest {
    private static final int N = 10;

    @Test
    void item3_tenSameHostnameRunsWithRandomFaults_neverShareAVmid_andLeaveNoOrphans() throws Exception {
        for (double rate : new double[] {0.1, 0.3}) {
            try (Sim s = Sim.start(b -> b.serverThreads(16).seed(7))) {
                s.sim.randomFaults(7, rate);
                Provisioner p = Provisioner.on(s.client, Sim.options().build());
                ExecutorService pool = Executors.newFixedThreadPool(N);
                List<ProvisionResult> ok = new ArrayList<>();
                List<Integer> keptOrUnknown = new ArrayList<>();
                try {
                    List<CompletableFuture<ProvisionResult>> fs = new ArrayList<>();
                    for (int i = 0; i < N; i++) {
                        fs.add(CompletableFuture.supplyAsync(() -> p.provision(Sim.request("s01a")), pool));
                    }
                    for (CompletableFuture<ProvisionResult> f : fs) {
                        try {
                            ok.add(f.get(120, TimeUnit.SECONDS));
                        } catch (java.util.concurrent.ExecutionException e) {
                            assertThat(e.getCause()).isInstanceOf(ProvisionException.class);
                            ProvisionException pe = (ProvisionException) e.getCause();
                            if (pe.needsAttention()) {
                                keptOrUnknown.add(pe.vmid().orElseThrow());
                            }
                        }
                    }
                } finally {
                    pool.shutdownNow();
                }
                s.sim.clearFaults();
                s.sim.awaitIdle(Duration.ofSeconds(10));

                List<Integer> reported = ok.stream().map(ProvisionResult::vmid).toList();
                assertThat(new HashSet<>(reported)).as("rate %s: a VMID reported twice", rate).hasSize(reported.size());
                Set<Integer> left = s.sim.containers().stream().map(ContainerState::vmid).collect(Collectors.toSet());
                Set<Integer> accounted = new HashSet<>(reported);
                accounted.addAll(keptOrUnknown);
                assertThat(accounted).as("rate %s: orphans", rate).containsAll(left);
                assertThat(reported).as("rate %s: most runs succeed", rate).hasSizeGreaterThan(N / 2);
                assertThat(s.sim.locks()).isEmpty();
            }
        }
    }
}
