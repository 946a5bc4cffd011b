package io.github.proxmoxlxc.core.provision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ensure() without a vmid finds its container by the marker of the ensure key in the description,
 * never by hostname or tags: a drifted container is found and converged (no second one), a foreign
 * container with the same hostname is not adopted, and the markers survive a converged description.
 */
class EnsureKeyTest {

    private static ProvisionRequest request(ContainerSpec spec) {
        return ProvisionRequest.builder().spec(spec).template("debian-12-standard").build();
    }

    @Test
    void driftedTagsAndHostname_areFoundByTheMarker_andConverged_withoutASecondContainer() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ContainerSpec spec = SimFixture.spec("keyed").toBuilder().tags(List.of("media", "prod")).build();
            ProvisionResult first = p.ensure(request(spec));
            assertThat(first.created()).isTrue();
            Container ct = f.client.node(first.node()).container(first.vmid());
            assertThat(ct.config().get("description").orElseThrow())
                    .contains("<!-- proxmox-lxc ensure hostname:keyed -->");

            // someone retags and renames it
            ct.updateConfig(Map.of("tags", "media", "hostname", "renamed"));
            long creates = f.sim.requestCount("POST /nodes/{node}/lxc");
            ProvisionResult again = p.ensure(request(spec));
            assertThat(again.created()).isFalse();
            assertThat(again.vmid()).isEqualTo(first.vmid());
            assertThat(f.sim.requestCount("POST /nodes/{node}/lxc")).isEqualTo(creates);
            assertThat(f.sim.containers()).hasSize(1);
            assertThat(again.drift()).extracting(c -> c.difference().key()).contains("tags", "hostname");
            assertThat(ct.config().get("hostname")).contains("keyed");

            // a third call changes nothing
            long puts = f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config");
            assertThat(p.ensure(request(spec)).drift()).isEmpty();
            assertThat(f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config")).isEqualTo(puts);
        }
    }

    @Test
    void aForeignContainerWithTheSameHostname_isNotAdopted_andNoDuplicateIsCreated() {
        try (SimFixture f = SimFixture.start()) {
            Map<String, String> params = new LinkedHashMap<>();
            params.put("vmid", "950");
            params.put("hostname", "shared-name");
            params.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
            params.put("rootfs", "local-lvm:2");
            f.client.tasks().await(f.client.node("pve1").containers().create(params), Duration.ofSeconds(20));
            Provisioner p = Provisioner.on(f.client, f.options().build());

            assertThatThrownBy(() -> p.ensure(request(SimFixture.spec("shared-name"))))
                    .isInstanceOfSatisfying(ProvisionException.class,
                            e -> assertThat(e.step()).isEqualTo(ProvisionStep.PREFLIGHT))
                    .hasMessageContaining("container 950 on pve1 has the hostname 'shared-name' but not the marker"
                            + " of the ensure key 'hostname:shared-name'")
                    .hasMessageContaining("set the vmid to adopt it");
            assertThat(f.sim.containers()).hasSize(1);
        }
    }

    @Test
    void anExplicitKey_survivesARenameInTheSpec_andMarkersSurviveAConvergedDescription() {
        try (SimFixture f = SimFixture.start()) {
            Provisioner p = Provisioner.on(f.client, f.options().build());
            ProvisionRequest v1 = ProvisionRequest.builder().spec(SimFixture.spec("web-old").toBuilder()
                    .description("web server").build()).template("debian-12-standard").ensureKey("team/web").build();
            ProvisionResult first = p.ensure(v1);
            Container ct = f.client.node(first.node()).container(first.vmid());
            long puts = f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config");
            assertThat(p.ensure(v1).drift()).as("markers are not a difference").isEmpty();
            assertThat(f.sim.requestCount("PUT /nodes/{node}/lxc/{vmid}/config")).isEqualTo(puts);

            ProvisionRequest v2 = v1.toBuilder().spec(SimFixture.spec("web-new").toBuilder()
                    .description("web server, renamed").build()).build();
            ProvisionResult r = p.ensure(v2);
            assertThat(r.created()).isFalse();
            assertThat(r.vmid()).isEqualTo(first.vmid());
            String d = ct.config().get("description").orElseThrow();
            assertThat(d).startsWith("web server, renamed\n").contains("<!-- proxmox-lxc ensure team/web -->")
                    .contains("<!-- proxmox-lxc run ");
            assertThat(ct.config().get("hostname")).contains("web-new");
            assertThat(f.sim.containers()).hasSize(1);
            assertThatThrownBy(() -> ProvisionRequest.builder().ensureKey("bad key -->"))
                    .hasMessageContaining("ensureKey: 'bad key -->' must be 1 to 128 letters");
        }
    }
}
