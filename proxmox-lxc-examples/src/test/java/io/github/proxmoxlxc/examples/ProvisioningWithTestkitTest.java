package io.github.proxmoxlxc.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.ProvisionException;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.testkit.Fault;
import io.github.proxmoxlxc.testkit.PveSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Example: a JUnit 5 test of your own provisioning code against the testkit simulator, including
 * an injected failure. Copy this shape into your project (test dependency
 * {@code io.github.proxmoxlxc:proxmox-lxc-testkit}).
 */
class ProvisioningWithTestkitTest {
    private static PveSimulator sim;
    private static ProxmoxClient pve;

    @BeforeAll
    static void start() {
        sim = PveSimulator.builder().timeScale(0).start();     // tasks finish at once
        pve = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                .apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()))
                .build();
    }

    @AfterAll
    static void stop() {
        pve.close();
        sim.close();
    }

    private static ProvisionRequest web(String hostname) {
        ContainerSpec spec = ContainerSpec.builder().hostname(hostname).memoryMiB(512)
                .network(0, NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build()).build();
        return ProvisionRequest.builder().spec(spec).template("debian-12-standard").build();
    }

    @Test
    void provisionedContainerIsRunningWithAnAddress() {
        ProvisionResult r = Provisioner.on(pve).provision(web("web-1"));

        assertThat(r.status()).isEqualTo("running");
        assertThat(r.addresses()).isNotEmpty();
        assertThat(sim.container(r.vmid()).orElseThrow().config()).containsEntry("hostname", "web-1");
        assertThat(sim.locks()).isEmpty();
    }

    @Test
    void failedStartIsRolledBack_leavingNothingBehind() {
        int before = sim.containers().size();
        sim.injectFault("POST /nodes/{node}/lxc/{vmid}/status/start", 10, Fault.taskError(0, "no space left"));
        try {
            assertThatThrownBy(() -> Provisioner.on(pve).provision(web("web-2")))
                    .isInstanceOfSatisfying(ProvisionException.class, e -> assertThat(e.rolledBack()).isTrue());
            assertThat(sim.containers()).hasSize(before);
        } finally {
            sim.clearFaults();
        }
    }
}
