package io.github.proxmoxlxc.core.daytwo;

import io.github.proxmoxlxc.core.client.Container;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.RetryPolicy;
import io.github.proxmoxlxc.core.client.TaskResult;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.client.Upid;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A time-scaled simulator with a client tuned for it, and a helper to make containers. */
final class DayTwoSim implements AutoCloseable {
    static final PollSchedule FAST_POLL = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).multiplier(1.3).maxInterval(Duration.ofMillis(15))
            .notVisibleGrace(Duration.ofSeconds(2)).build();
    static final Duration WAIT = Duration.ofSeconds(20);

    final PveSimulator sim;
    final ProxmoxClient pve;

    private DayTwoSim(PveSimulator sim) {
        this.sim = sim;
        this.pve = ProxmoxClient.builder().baseUrl(sim.baseUrl()).apiToken(sim.tokenId(), sim.tokenSecret())
                .trust(Trust.fingerprints(sim.fingerprint()))
                .retry(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(2))
                        .maxBackoff(Duration.ofMillis(10)).build())
                .taskPolling(FAST_POLL).readTimeout(Duration.ofSeconds(10)).build();
    }

    static DayTwoSim start() {
        return start(b -> { });
    }

    static DayTwoSim start(Consumer<PveSimulator.Builder> config) {
        PveSimulator.Builder b = PveSimulator.builder().timeScale(0.001);
        config.accept(b);
        return new DayTwoSim(b.start());
    }

    /** Creates (and optionally starts) a container on {@code local-lvm} and returns it. */
    Container container(int vmid, String hostname, boolean start) {
        return container(vmid, hostname, "local-lvm", start);
    }

    Container container(int vmid, String hostname, String storage, boolean start) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("vmid", Integer.toString(vmid));
        p.put("hostname", hostname);
        p.put("ostemplate", "local:vztmpl/" + PveSimulator.DEFAULT_STORED_TEMPLATE);
        p.put("rootfs", storage + ":4");
        p.put("memory", "512");
        p.put("net0", "name=eth0,bridge=vmbr0,ip=dhcp");
        await(pve.node("pve1").containers().create(p));
        Container ct = pve.node("pve1").container(vmid);
        if (start) {
            await(ct.start());
        }
        return ct;
    }

    TaskResult await(Upid upid) {
        return pve.tasks().await(upid, WAIT);
    }

    @Override
    public void close() {
        pve.close();
        sim.close();
    }
}
