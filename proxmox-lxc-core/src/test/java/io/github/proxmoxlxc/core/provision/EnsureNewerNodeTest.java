package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.ContainerConfig;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.MountPoint;
import io.github.proxmoxlxc.testkit.Fault;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A container on a node newer than PVE 9.1: its config uses {@code idmap} on a mount point and
 * sub-keys this version does not know; ensure() still compares and converges it. The simulator
 * follows PVE 9.1, so the newer config is served once in place of its own.
 */
class EnsureNewerNodeTest {
    private static final String MEDIA = "u:1005:1005:1;g:1005:1005:1";
    private static final String CONFIG = "GET /nodes/{node}/lxc/{vmid}/config";

    private static ProvisionRequest request(ContainerSpec spec) {
        return ProvisionRequest.builder().spec(spec).template("debian-12-standard").build();
    }

    private static MountPoint media(String idmap) {
        return MountPoint.builder().volume("/tank/media").path("/media").idmap(idmap).build();
    }

    /** The container's real config with what a newer pve-container would add, as GET .../config answers it. */
    private static String newerConfig(ContainerConfig real) throws Exception {
        Map<String, String> values = new LinkedHashMap<>(real.values());
        values.put("rootfs", values.get("rootfs") + ",shape=round");
        values.put("net0", values.get("net0") + ",speed=fast");
        values.put("mp0", "/tank/media,mp=/media,idmap=" + MEDIA + ",colour=blue");
        values.put("digest", real.digest());
        return JsonMapper.builder().build().writeValueAsString(Map.of("data", values));
    }

    @Test
    void ensure_comparesAnIdmapConfig_warnsAboutUnknownSubKeys_andConvergesTheRest() throws Exception {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ContainerSpec spec = SimFixture.spec("newer").toBuilder().vmid(930).build();
            p.ensure(request(spec));
            Container ct = f.client.node("pve1").container(930);
            String body = newerConfig(ct.config());

            f.sim.injectFault(CONFIG, 1, Fault.status(200, "OK", body));
            ProvisionResult r = p.ensure(request(spec.toBuilder().memoryMiB(1024).mountPoint(0, media(MEDIA)).build()));

            assertThat(r.drift()).extracting(c -> c.difference().key()).containsExactly("memory");
            assertThat(r.drift().get(0).action()).isEqualTo(DriftAction.APPLIED);
            assertThat(ct.config().values()).containsEntry("memory", "1024");
            assertThat(r.warnings()).contains(
                    "rootfs: sub-key 'shape' unknown to this version of proxmox-lxc (the node's pve-container is"
                            + " newer): not compared, and kept if ensure() rewrites rootfs",
                    "net0: sub-key 'speed' unknown to this version of proxmox-lxc (the node's pve-container is"
                            + " newer): not compared, and kept if ensure() rewrites net0",
                    "mp0: sub-key 'colour' unknown to this version of proxmox-lxc (the node's pve-container is"
                            + " newer): not compared, and kept if ensure() rewrites mp0");

            // a changed idmap is a difference, left to a person like other mount options
            f.sim.injectFault(CONFIG, 1, Fault.status(200, "OK", newerConfig(ct.config())));
            ProvisionResult changed = p.ensure(request(spec.toBuilder().memoryMiB(1024)
                    .mountPoint(0, media("passthrough")).build()));

            assertThat(changed.drift()).singleElement().satisfies(c -> {
                assertThat(c.difference().key()).isEqualTo("mp0");
                assertThat(c.action()).isEqualTo(DriftAction.NOT_APPLIED);
                assertThat(c.reason()).isEqualTo("mp0 mount options differ (idmap); change them by hand");
            });
        }
    }

    @Test
    void aPve91Node_refusesIdmapOnCreate_asTheSimulatorFollowsItsSchema() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ContainerSpec spec = SimFixture.spec("older").toBuilder().vmid(931)
                    .mountPoint(0, MountPoint.builder().volume("local-lvm", 1).path("/data").idmap("passthrough").build())
                    .build();

            ProvisionPlan plan = p.preflight(request(spec));
            assertThat(plan.warnings()).contains("mp0: idmap needs pve-container 6.1.6 or newer on the node; PVE 9.1"
                    + " (pve-container 6.0.18) refuses the create with 'invalid key in comma-separated list property:"
                    + " idmap'");
            assertThat(plan.calls()).filteredOn(c -> c.step() == ProvisionStep.CREATE)
                    .singleElement().satisfies(c -> {
                        assertThat(c.params()).containsEntry("mp0", "local-lvm:1,mp=/data,idmap=passthrough");
                        assertThat(c.command()).contains(" --mp0 local-lvm:1,mp=/data,idmap=passthrough");
                    });
            assertThatThrownBy(() -> p.provision(request(spec)))
                    .hasMessageContaining("invalid key in comma-separated list property: idmap");
        }
    }
}
