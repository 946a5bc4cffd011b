package io.github.proxmoxlxc.examples;

import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.ProvisionResult;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.Features;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.testkit.PveSimulator;

/**
 * Quick start: provision one container on the in-process simulator (swap the simulator for your
 * cluster's URL, token and fingerprint). The README's Example is this code against a real cluster.
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Runs the example.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (PveSimulator sim = PveSimulator.builder().start();              // or a real cluster
             ProxmoxClient pve = ProxmoxClient.builder()
                     .baseUrl(sim.baseUrl())                                 // e.g. https://pve1:8006
                     .apiToken(sim.tokenId(), sim.tokenSecret())             // automation@pve!ci, secret
                     .trust(Trust.fingerprints(sim.fingerprint()))           // pin the node certificate
                     .build()) {
            ContainerSpec spec = ContainerSpec.builder()
                    .hostname("web").cores(2).memoryMiB(1024).rootFs("local-lvm", 8).unprivileged(true)
                    .network(0, NetworkInterface.builder("eth0").bridge("vmbr0").dhcp().build())
                    .features(Features.nestingOnly())
                    .build();
            ProvisionResult r = Provisioner.on(pve).provision(
                    ProvisionRequest.builder().spec(spec).template("debian-12-standard").build());
            System.out.println("CT " + r.vmid() + " on " + r.node() + " is " + r.status() + " at " + r.addresses());
        }
    }
}
