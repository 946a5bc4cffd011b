package io.github.proxmoxlxc.cli.issues;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** A simulator with a client, for the issue tests that need containers to act on. */
final class SimulatorFixture implements AutoCloseable {
    final PveSimulator sim = PveSimulator.builder().timeScale(0).seed(1717).start();
    final ProxmoxClient pve = ProxmoxClient.builder().baseUrl(sim.baseUrl())
            .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint())).build();

    /** The environment for a token login. */
    Map<String, String> tokenEnv() {
        return new HashMap<>(Map.of("PVE_URL", sim.baseUrl(), "PVE_TOKEN_ID", sim.tokenId(),
                "PVE_TOKEN_SECRET", sim.tokenSecret(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    /** The environment for a root@pam login. */
    Map<String, String> rootEnv() {
        return new HashMap<>(Map.of("PVE_URL", sim.baseUrl(), "PVE_USER", "root@pam",
                "PVE_PASSWORD", sim.rootPassword(), "PVE_FINGERPRINT", sim.fingerprint()));
    }

    void container(int vmid, boolean start) {
        Upid create = pve.node("pve1").containers().create(Map.of("vmid", "" + vmid, "hostname", "ct" + vmid,
                "ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE, "rootfs", "local-lvm:4",
                "memory", "512", "net0", "name=eth0,bridge=vmbr0,ip=dhcp"));
        pve.tasks().await(create, Duration.ofSeconds(30));
        if (start) {
            pve.tasks().await(pve.node("pve1").container(vmid).start(), Duration.ofSeconds(30));
        }
    }

    @Override
    public void close() {
        pve.close();
        sim.close();
    }
}
