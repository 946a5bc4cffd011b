package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A bulk run sends only the requests each container needs: one {@code /cluster/nextid} per
 * look-up cache lifetime rather than per container, and no task-log reads when nobody listens to
 * the progress they would become.
 */
class BulkRequestBudgetTest {

    private static List<ProvisionRequest> requests(int n) {
        List<ProvisionRequest> reqs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reqs.add(SimFixture.request("budget" + i));
        }
        return reqs;
    }

    @Test
    void withoutAListener_aBulkRunReadsNextidOnce_andNoTaskLog() {
        try (SimFixture f = SimFixture.start(b -> b.addNode("pve1", 8, 32L << 30).addNode("pve2", 8, 32L << 30)
                .serverThreads(32))) {
            ProvisionOptions o = f.options().listener(ProvisionListener.none()).lookupCacheTtl(Duration.ofMinutes(5))
                    .build();
            List<ProvisionOutcome> out = Provisioner.on(f.client, o).provisionAll(requests(16), BulkOptions.builder().maxConcurrent(8).maxConcurrentPerNode(4).build());

            assertThat(out).allMatch(ProvisionOutcome::succeeded);
            assertThat(out.stream().map(r -> r.result().orElseThrow().vmid()).distinct()).hasSize(16);
            assertThat(f.sim.requestCount("GET /cluster/nextid")).isEqualTo(1);
            assertThat(f.sim.requestCount("GET /nodes/{node}/tasks/{upid}/log")).isZero();
            // storages: one listing per node per cache lifetime (batching them into one /cluster/resources
            // read would save nodes - 1 requests per lifetime but needs Datastore.Audit where the node's
            // listing also accepts Datastore.AllocateSpace, and reads ~10 s old RRD space figures)
            assertThat(f.sim.requestCount("GET /nodes/{node}/storage")).isEqualTo(2);
            // per container: create, start, one status read, one interfaces read (plus polls and shared look-ups)
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(16);
            assertThat(f.sim.requestCount("GET /nodes/{node}/lxc/{vmid}/status/current")).isEqualTo(16);
        }
    }

    @Test
    void withAListener_createProgressStillComesFromTheTaskLog() {
        try (SimFixture f = SimFixture.start(b -> b.addNode("pve1", 8, 32L << 30))) {
            Provisioner.on(f.client, f.options().build()).provision(SimFixture.request("listened"));

            assertThat(f.sim.requestCount("GET /nodes/{node}/tasks/{upid}/log")).isPositive();
            assertThat(f.events).anyMatch(e -> e.kind() == ProvisionEvent.Kind.PROGRESS
                    && e.step() == ProvisionStep.CREATE);
        }
    }

    @Test
    void theNoOpListener_isOneInstance() {
        assertThat(ProvisionListener.none()).isSameAs(ProvisionListener.none());
    }
}
