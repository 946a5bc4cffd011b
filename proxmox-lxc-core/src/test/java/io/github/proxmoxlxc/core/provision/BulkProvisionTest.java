package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BulkProvisionTest {

    @Test
    void provisionAll_respectsPerNodeLimits_downloadsATemplateOncePerNode_andCachesLookups() {
        try (SimFixture f = SimFixture.start(b -> b.addNode("pve1", 4, 16L << 30).addNode("pve2", 4, 16L << 30)
                .addNode("pve3", 4, 16L << 30).serverThreads(32))) {
            Map<String, AtomicInteger> now = new ConcurrentHashMap<>();
            Map<String, Integer> max = new ConcurrentHashMap<>();
            ProvisionListener track = e -> {
                if (e.node().isEmpty()) {
                    return;
                }
                String n = e.node().get();
                if (e.step() == ProvisionStep.PLACEMENT && e.kind() == ProvisionEvent.Kind.FINISHED) {
                    int v = now.computeIfAbsent(n, k -> new AtomicInteger()).incrementAndGet();
                    max.merge(n, v, Math::max);
                } else if (e.step() == ProvisionStep.WAIT_IP && e.kind() == ProvisionEvent.Kind.FINISHED
                        || e.kind() == ProvisionEvent.Kind.FAILED) {
                    now.get(n).decrementAndGet();
                }
            };
            Provisioner p = Provisioner.on(f.client, f.options().listener(track).build());
            List<ProvisionRequest> reqs = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                reqs.add(ProvisionRequest.builder().spec(SimFixture.spec("b" + i)).template("alpine-3.22").build());
            }
            List<ProvisionOutcome> out = p.provisionAll(reqs, BulkOptions.builder().maxConcurrent(6).maxConcurrentPerNode(2).build());

            assertThat(out).hasSize(12).allMatch(ProvisionOutcome::succeeded);
            assertThat(out).extracting(o -> o.request().label()).containsExactlyElementsOf(
                    reqs.stream().map(ProvisionRequest::label).collect(Collectors.toList()));
            assertThat(out.stream().map(o -> o.result().orElseThrow().vmid()).distinct()).hasSize(12);
            assertThat(max.values()).allMatch(m -> m <= 2);
            assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isEqualTo(3);
            assertThat(f.sim.requestCount("GET /nodes/{node}/storage")).isLessThan(12);
            assertThat(f.sim.requestCount("GET /nodes")).isLessThan(12);
            assertThat(f.sim.locks()).isEmpty();
        }
    }

    @Test
    void aTemplateOnASharedStorage_isDownloadedOnceForTheWholeCluster() {
        io.github.proxmoxlxc.testkit.StorageDefinition nfs = io.github.proxmoxlxc.testkit.StorageDefinition.builder()
                .id("nfs").type("nfs").content(java.util.Set.of("vztmpl")).totalBytes(100L << 30).shared(true).build();
        io.github.proxmoxlxc.testkit.StorageDefinition lvm = io.github.proxmoxlxc.testkit.StorageDefinition.builder()
                .id("local-lvm").type("lvmthin").content(java.util.Set.of("rootdir", "images")).totalBytes(200L << 30)
                .build();
        try (SimFixture f = SimFixture.start(b -> {
            for (String n : List.of("pve1", "pve2", "pve3")) {
                b.addNode(n, 4, 16L << 30).addStorage(n, lvm);
            }
            b.addStorage("pve1", nfs).addStoredTemplate("pve1", "nfs", "debian-12-standard_12.7-1_amd64.tar.zst");
        })) {
            Provisioner p = Provisioner.on(f.client, f.options().waitForIp(false).templateStorage("nfs").build());
            List<ProvisionRequest> reqs = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                reqs.add(ProvisionRequest.builder().spec(SimFixture.spec("s" + i)).template("alpine-3.22").build());
            }
            List<ProvisionOutcome> out = p.provisionAll(reqs, BulkOptions.builder().maxConcurrent(6).maxConcurrentPerNode(2).build());

            assertThat(out).allMatch(ProvisionOutcome::succeeded);
            assertThat(out.stream().map(o -> o.result().orElseThrow().node()).distinct()).hasSize(3);
            assertThat(f.sim.requestCount("POST /nodes/{node}/aplinfo")).isEqualTo(1);
        }
    }

    @Test
    void provisionAll_returnsOneOutcomePerRequest_failuresDoNotHideSuccesses() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().waitForIp(false).build());
            List<ProvisionRequest> reqs = List.of(SimFixture.request("ok1"),
                    ProvisionRequest.builder().spec(SimFixture.spec("bad")).template("fedora-99").build(),
                    SimFixture.request("ok2"));
            List<ProvisionOutcome> out = p.provisionAll(reqs, BulkOptions.defaults());

            assertThat(out).extracting(ProvisionOutcome::succeeded).containsExactly(true, false, true);
            assertThat(out.get(1).failure()).get().isInstanceOf(PreflightException.class);
            assertThat(f.sim.containers()).hasSize(2);
        }
    }

    @Test
    void anUnexpectedErrorInABulkRun_isLabelledWithTheStepInProgress_notPreflight() {
        try (SimFixture f = SimFixture.start()) {
            NodePatchApplier broken = (node, vmid, patch) -> {
                throw new AssertionError("applier bug");
            };
            Provisioner p = Provisioner.on(f.client, f.options().nodePatchApplier(broken).build());
            ProvisionRequest req = ProvisionRequest.builder().spec(SimFixture.spec("unexpected"))
                    .template("debian-12-standard")
                    .nodePatch(NodePatch.builder().addRawLine("lxc.cgroup2.devices.allow: c 226:128 rwm").build())
                    .build();

            List<ProvisionOutcome> out = p.provisionAll(List.of(req), BulkOptions.defaults());

            ProvisionException e = out.get(0).failure().orElseThrow();
            assertThat(e.step()).isEqualTo(ProvisionStep.NODE_PATCH);
            assertThat(e.getMessage()).contains("unexpected AssertionError in step NODE_PATCH", "applier bug");
            assertThat(e.needsAttention()).isTrue();
            assertThat(e.vmid()).isPresent();
        }
    }
}
