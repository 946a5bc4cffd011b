package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.Container;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What ensure() reports and leaves alone: re-create needs, a shrink, another storage, a mount point's data. */
class EnsureDriftReportTest {

    private static DriftAction action(ProvisionResult r, String key) {
        return r.drift().stream().filter(c -> c.difference().key().equals(key)).findFirst().orElseThrow().action();
    }

    @Test
    void recreateNeeds_areReported_notApplied_andMixedWithLiveAndPendingChanges() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ProvisionResult made = p.ensure(ProvisionRequest.builder().spec(SimFixture.spec("drift").toBuilder()
                    .vmid(910).rootFs("local-lvm", 4).build()).template("debian-12-standard").build());
            Container ct = f.client.node(made.node()).container(910);
            assertThat(ct.status().running()).isTrue();
            ct.updateConfig(Map.of("mp0", "local-lvm:vm-910-disk-0,mp=/data")); // an extra mount point
            String fileBefore = f.sim.configFile(910).orElseThrow();

            ProvisionRequest smaller = ProvisionRequest.builder().spec(SimFixture.spec("drift").toBuilder().vmid(910)
                    .rootFs("local-lvm", 2).unprivileged(false).build()).template("debian-12-standard").build();
            ProvisionResult r = p.ensure(smaller);
            assertThat(action(r, "rootfs")).isEqualTo(DriftAction.NEEDS_RECREATE);
            assertThat(action(r, "unprivileged")).isEqualTo(DriftAction.NEEDS_RECREATE);
            assertThat(action(r, "mp0")).isEqualTo(DriftAction.NOT_APPLIED);
            assertThat(r.drift()).noneMatch(DriftChange::written);
            assertThat(f.sim.configFile(910).orElseThrow()).isEqualTo(fileBefore);

            ProvisionRequest mixed = ProvisionRequest.builder().spec(SimFixture.spec("drift").toBuilder().vmid(910)
                    .rootFs("other-storage", 4).memoryMiB(1024).timezone("Europe/Vienna").build())
                    .template("debian-12-standard").build();
            ProvisionResult m = p.ensure(mixed);
            assertThat(action(m, "rootfs")).isEqualTo(DriftAction.NEEDS_RECREATE);
            assertThat(action(m, "memory")).isEqualTo(DriftAction.APPLIED);
            assertThat(action(m, "timezone")).isEqualTo(DriftAction.PENDING);
            assertThat(ct.currentConfig().values()).containsEntry("memory", "1024").doesNotContainKey("timezone");
            assertThat(f.sim.volumes("pve1", "local-lvm")).contains("local-lvm:vm-910-disk-0");

            // the pending change lands when the container restarts
            f.client.tasks().await(ct.stop(), Duration.ofSeconds(20));
            assertThat(ct.currentConfig().values()).containsEntry("timezone", "Europe/Vienna");
        }
    }

    @Test
    void failPolicy_keepsTheOldBehaviour() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            p.ensure(ProvisionRequest.builder().spec(SimFixture.spec("strict").toBuilder().vmid(911).build())
                    .template("debian-12-standard").build());
            long puts = f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config");
            ProvisionRequest bigger = ProvisionRequest.builder().spec(SimFixture.spec("strict").toBuilder().vmid(911)
                    .memoryMiB(4096).build()).template("debian-12-standard").build();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.ensure(bigger, DriftPolicy.FAIL))
                    .isInstanceOf(SpecMismatchException.class);
            assertThat(f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config")).isEqualTo(puts);
            assertThat(action(p.ensure(bigger), "memory")).isEqualTo(DriftAction.APPLIED);
        }
    }
}
