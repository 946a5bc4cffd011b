package io.github.proxmoxlxc.core.provision;

import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.core.spec.NetworkInterface;
import io.github.proxmoxlxc.testkit.ContainerState;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A time-scaled simulator, a client tuned for it, and options that poll quickly (the client retries quickly). */
final class SimFixture implements AutoCloseable {
    static final PollSchedule FAST_POLL = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).multiplier(1.3).maxInterval(Duration.ofMillis(15))
            .notVisibleGrace(Duration.ofSeconds(2)).build();

    final PveSimulator sim;
    final ProxmoxClient client;
    final List<ProvisionEvent> events = new CopyOnWriteArrayList<>();

    private SimFixture(PveSimulator sim, Duration readTimeout) {
        this.sim = sim;
        this.client = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()))
                .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .taskPolling(FAST_POLL).readTimeout(readTimeout).build();
    }

    static SimFixture start() {
        return start(b -> { });
    }

    static SimFixture start(Consumer<PveSimulator.Builder> config) {
        return start(config, Duration.ofSeconds(10));
    }

    static SimFixture start(Consumer<PveSimulator.Builder> config, Duration readTimeout) {
        PveSimulator.Builder b = PveSimulator.builder().timeScale(0.001);
        config.accept(b);
        return new SimFixture(b.start(), readTimeout);
    }

    /** Options for fast tests: fast polling, events recorded. */
    ProvisionOptions.Builder options() {
        return ProvisionOptions.builder().taskPolling(FAST_POLL)
                .listener(events::add).createTimeout(Duration.ofSeconds(20)).startTimeout(Duration.ofSeconds(10))
                .ipTimeout(Duration.ofSeconds(5)).rollbackTimeout(Duration.ofSeconds(20));
    }

    static ContainerSpec spec(String hostname) {
        return ContainerSpec.builder().hostname(hostname).memoryMiB(512).cores(1).rootFs("local-lvm", 2)
                .network(0, NetworkInterface.builder().name("eth0").bridge("vmbr0").dhcp().build()).build();
    }

    static ProvisionRequest request(String hostname) {
        return ProvisionRequest.builder().spec(spec(hostname)).template("debian-12-standard").build();
    }

    /** Containers that exist now. */
    List<ContainerState> containers() {
        return sim.containers();
    }

    @Override
    public void close() {
        client.close();
        sim.close();
    }
}
