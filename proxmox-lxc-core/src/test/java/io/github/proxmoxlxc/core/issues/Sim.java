package io.github.proxmoxlxc.core.issues;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.function.Consumer;

/** A fast simulator and a client for it, for the regression tests of this package. */
final class Sim implements AutoCloseable {
    static final PollSchedule FAST_POLL = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).multiplier(1.3).maxInterval(Duration.ofMillis(15))
            .notVisibleGrace(Duration.ofSeconds(2)).build();

    final PveSimulator sim;
    final ProxmoxClient client;

    private Sim(PveSimulator sim) {
        this.sim = sim;
        this.client = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()))
                .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .taskPolling(FAST_POLL).build();
    }

    static Sim start(Consumer<PveSimulator.Builder> config) {
        PveSimulator.Builder b = PveSimulator.builder().timeScale(0.001);
        config.accept(b);
        return new Sim(b.start());
    }

    static ProvisionOptions.Builder options() {
        return ProvisionOptions.builder().taskPolling(FAST_POLL)
                .createTimeout(Duration.ofSeconds(20)).startTimeout(Duration.ofSeconds(10)).waitForIp(false)
                .rollbackTimeout(Duration.ofSeconds(20));
    }

    static ProvisionRequest request(String hostname) {
        return ProvisionRequest.builder().spec(ContainerSpec.builder().hostname(hostname).memoryMiB(512).cores(1)
                .rootFs("local-lvm", 2).network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0").dhcp()
                        .build()).build()).template("debian-12-standard").build();
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
