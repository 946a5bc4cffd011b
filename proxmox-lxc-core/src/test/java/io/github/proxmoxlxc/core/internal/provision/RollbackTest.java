package io.github.proxmoxlxc.core.internal.provision;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.proxmoxlxc.core.client.HttpMethod;
import io.github.proxmoxlxc.core.client.PollSchedule;
import io.github.proxmoxlxc.core.client.ProxmoxClient;
import io.github.proxmoxlxc.core.client.Trust;
import io.github.proxmoxlxc.core.provision.ProvisionListener;
import io.github.proxmoxlxc.core.provision.ProvisionOptions;
import io.github.proxmoxlxc.core.provision.ProvisionRequest;
import io.github.proxmoxlxc.core.provision.Provisioner;
import io.github.proxmoxlxc.core.spec.ContainerSpec;
import io.github.proxmoxlxc.testkit.PveSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RollbackTest {
    private static final PollSchedule FAST = PollSchedule.builder().firstDelay(Duration.ofMillis(2))
            .initialInterval(Duration.ofMillis(3)).maxInterval(Duration.ofMillis(10)).build();

    @Test
    void rollback_stopsAndDestroysItsOwnContainer_butLeavesAStrangersAlone() {
        try (PveSimulator sim = PveSimulator.builder().timeScale(0.001).start();
             ProxmoxClient client = ProxmoxClient.builder().baseUrl(sim.baseUrl())
                     .apiToken(sim.tokenId(), sim.tokenSecret()).trust(Trust.fingerprints(sim.fingerprint()))
                     .taskPolling(FAST).build()) {
            ProvisionOptions o = ProvisionOptions.builder().taskPolling(FAST)
                    .waitForIp(false).build();
            Provisioner p = Provisioner.on(client, o);
            for (int id : new int[] {500, 501}) {
                p.provision(ProvisionRequest.builder().spec(ContainerSpec.builder().hostname("ct" + id).vmid(id)
                        .rootFs("local-lvm", 1).build()).template("debian-12-standard").build());
            }

            DescriptionMarker mine = DescriptionMarker.run();
            // 501 carries this run's marker (as a create with it would leave it); 500 only another run's
            client.call(HttpMethod.PUT, "/nodes/pve1/lxc/501/config", java.util.Map.of("description",
                    "notes\n" + mine.line()));
            boolean strangers = new Rollback(client, o, FAST, new RunContext("mine", ProvisionListener.none()), "pve1",
                    500, mine, false).run();
            boolean own = new Rollback(client, o, FAST, new RunContext("ct501", ProvisionListener.none()), "pve1",
                    501, mine, false).run();

            assertThat(strangers).isFalse();
            assertThat(own).isTrue();
            assertThat(sim.container(500)).isPresent();
            assertThat(sim.container(501)).isEmpty();
            assertThat(sim.locks()).isEmpty();
        }
    }
}
