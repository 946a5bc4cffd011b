package io.github.proxmoxlxc.core.issues;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.core.provision.ProvisionEvent;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionStep;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.testkit.Fault;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 3: a run whose create POST never arrived (595) found another run's container with
 * the same hostname and adopted it; rollback decided ownership by hostname too.
 */
class Issue10OwnershipMarkerTest {
    private static ProvisionRequest request(int vmid) {
        return ProvisionRequest.builder().spec(ContainerSpec.builder().hostname("s01a").vmid(vmid)
                .rootFs("local-lvm", 2).build()).template("debian-12-standard").build();
    }

    @Test
    void item3_lostCreate_doesNotAdoptAnotherRunsContainerWithTheSameHostname() {
        try (Sim s = Sim.start(b -> { })) {
            java.util.concurrent.atomic.AtomicInteger othersVmid = new java.util.concurrent.atomic.AtomicInteger();
            // "another run" creates a container with the same hostname at our candidate VMID right
            // before our create, whose POST then fails before reaching the node (595, never sent)
            ProvisionListener sneak = e -> {
                if (e.kind() == ProvisionEvent.Kind.STARTED && e.step() == ProvisionStep.CREATE
                        && othersVmid.get() == 0) {
                    int v = e.vmid().getAsInt();
                    othersVmid.set(v);
                    Upid u = s.client.node("pve1").containers().create(Map.of("vmid", "" + v, "hostname", "s01a",
                            "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst",
                            "rootfs", "local-lvm:2"));
                    s.client.tasks().await(u, Duration.ofSeconds(20));
                    s.sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.proxyConnectFailed());
                }
            };
            Provisioner p = Provisioner.on(s.client, Sim.options().listener(sneak).build());
            ProvisionResult r = p.provision(Sim.request("s01a"));

            assertThat(othersVmid.get()).isPositive();
            assertThat(r.vmid()).isNotEqualTo(othersVmid.get()); // before: the other container was reported as ours
            assertThat(s.sim.container(othersVmid.get())).isPresent();
            assertThat(s.sim.containers()).hasSize(2);
        }
    }

    @Test
    void item3_lostCreateResponse_adoptsOnlyTheContainerCarryingThisRunsMarker() {
        try (Sim s = Sim.start(b -> { })) {
            Provisioner p = Provisioner.on(s.client, Sim.options().build());
            // the create goes through but its answer is lost: the run must find its own container by its marker
            s.sim.injectFault("POST /nodes/{node}/lxc", 1, Fault.proxyTimeout());
            ProvisionResult r = p.provision(request(501));
            assertThat(r.vmid()).isEqualTo(501);
            String description = s.client.node("pve1").container(501).config().values().get("description");
            assertThat(description).containsPattern("<!-- proxmox-lxc run [0-9a-f-]{36} -->");
            assertThat(s.sim.containers()).hasSize(1);
        }
    }

    @Test
    void item3_rollback_leavesAContainerWithoutThisRunsMarkerAlone() {
        try (Sim s = Sim.start(b -> { })) {
            // someone else's container at 502, same hostname, created outside any run
            Upid u = s.client.node("pve1").containers().create(Map.of("vmid", "502", "hostname", "s01a",
                    "ostemplate", "local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst", "rootfs", "local-lvm:2"));
            s.client.tasks().await(u, Duration.ofSeconds(20));
            Provisioner p = Provisioner.on(s.client, Sim.options().build());
            // our create for 502 "gets lost" (595 before the node) and the run then fails: nothing of ours exists
            s.sim.injectFault("POST /nodes/{node}/lxc", 8, Fault.proxyConnectFailed());
            assertThatThrownBy(() -> p.provision(request(502))).isInstanceOf(ProvisionException.class);
            assertThat(s.sim.container(502)).isPresent();
        }
    }
}
